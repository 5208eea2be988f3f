package dev.podclip.clip.chapters;

import java.util.UUID;

/** An episode's chapters changed: it is now at {@code version} (an upsert or a delete). */
public record ChapterChange(UUID episodeId, long version) {

    /** Longest notification payload read: a UUID, a colon and a long. */
    static final int MAX_PAYLOAD_CHARS = 64;

    /** Reads a {@code chapters_changed} payload {@code <episodeId>:<version>}; null when it is not one. */
    public static ChapterChange parse(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS) {
            return null;
        }
        int colon = payload.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            long version = Long.parseLong(payload.substring(colon + 1));
            return version < 1 ? null : new ChapterChange(UUID.fromString(payload.substring(0, colon)), version);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
