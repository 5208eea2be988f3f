package dev.podclip.clip.chapters;

import dev.podclip.support.tracing.TraceParents;

import java.util.UUID;

/**
 * An episode's chapters changed: it is now at {@code version} (an upsert or a delete).
 *
 * @param traceParent the W3C traceparent of the processing that made the change, or null when it was not traced
 */
public record ChapterChange(UUID episodeId, long version, String traceParent) {

    /** Longest notification payload read: a UUID, a colon, a long, a space and a traceparent. */
    static final int MAX_PAYLOAD_CHARS = 36 + 1 + 20 + 1 + TraceParents.MAX_CHARS;

    public ChapterChange(UUID episodeId, long version) {
        this(episodeId, version, null);
    }

    /** The {@code chapters_changed} payload: {@code <episodeId>:<version>}, then a space and the traceparent if any. */
    public String payload() {
        return episodeId + ":" + version + (traceParent == null ? "" : " " + traceParent);
    }

    /** Reads a {@link #payload()}; null when it is not one. A malformed traceparent is dropped, not the change. */
    public static ChapterChange parse(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS) {
            return null;
        }
        int space = payload.indexOf(' ');
        String change = space < 0 ? payload : payload.substring(0, space);
        String traceParent = space < 0 ? null : payload.substring(space + 1);
        int colon = change.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            long version = Long.parseLong(change.substring(colon + 1));
            boolean traced = TraceParents.parse(traceParent).isValid();
            return version < 1 ? null
                    : new ChapterChange(UUID.fromString(change.substring(0, colon)), version,
                    traced ? traceParent : null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
