package dev.podclip.clip.transcripts;

import java.util.UUID;

/**
 * An episode's transcript file as stored ({@code clip_transcript}): which file it was (format and SHA-256), at which
 * episode version, and whether its cues could be read ({@code error} says why not).
 */
record StoredTranscript(UUID episodeId, long version, String format, String sha256, boolean readable, String error,
                        int cueCount) {

    /** The file's identity: the same key means the same cues. */
    String fileKey() {
        return fileKey(format, sha256);
    }

    static String fileKey(String format, String sha256) {
        return format + "/" + sha256;
    }
}
