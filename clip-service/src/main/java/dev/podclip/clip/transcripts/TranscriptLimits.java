package dev.podclip.clip.transcripts;

/** Named limits of the transcripts feature. */
public final class TranscriptLimits {

    /** Most cues {@code cuesBetween} returns: a clip is minutes long, this bounds a pathological file. */
    public static final int RANGE_MAX_CUES = 2_000;
    /** Kept of an unreadable file's error message. */
    public static final int ERROR_MAX_CHARS = 1_000;
    /** Show notes indexed for search, in chars of plain text (the catalog allows 100,000). */
    public static final int NOTES_INDEX_MAX_CHARS = 100_000;

    private TranscriptLimits() {
    }
}
