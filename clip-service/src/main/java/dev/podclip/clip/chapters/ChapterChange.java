package dev.podclip.clip.chapters;

import dev.podclip.support.tracing.TraceParents;

import java.util.UUID;

/**
 * An episode's chapters changed: it is now at {@code version} (an upsert or a delete).
 *
 * @param traceParent   the W3C traceparent of the processing that made the change, or null when it was not traced
 * @param committedAtMs when the catalog committed the change this reflects (the event's {@code occurredAt}, epoch
 *                      ms), or null when not known; lets a client time commit → chapters queryable on one clock
 */
public record ChapterChange(UUID episodeId, long version, String traceParent, Long committedAtMs) {

    /** Marks the catalog commit time in a {@link #payload()}: {@code committed=<epoch ms>}. */
    static final String COMMITTED = "committed=";
    /** Longest notification payload read: a UUID, a colon, a long, a space, a traceparent and the commit time. */
    static final int MAX_PAYLOAD_CHARS = 36 + 1 + 20 + 1 + TraceParents.MAX_CHARS + 1 + COMMITTED.length() + 20;

    public ChapterChange(UUID episodeId, long version) {
        this(episodeId, version, null, null);
    }

    /**
     * The {@code chapters_changed} payload: {@code <episodeId>:<version>}, then a space and the traceparent if any,
     * then a space and {@code committed=<epoch ms>} if known. A reader of the older format ({@code <id>:<version>}
     * and a traceparent) still reads the change; it only drops the trace when a commit time follows.
     */
    public String payload() {
        StringBuilder payload = new StringBuilder(MAX_PAYLOAD_CHARS).append(episodeId).append(':').append(version);
        if (traceParent != null) {
            payload.append(' ').append(traceParent);
        }
        if (committedAtMs != null) {
            payload.append(' ').append(COMMITTED).append(committedAtMs);
        }
        return payload.toString();
    }

    /**
     * Reads a {@link #payload()}; null when it is not one. A malformed traceparent or commit time is dropped, not the
     * change.
     */
    public static ChapterChange parse(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS) {
            return null;
        }
        String[] parts = payload.split(" ");
        String change = parts[0];
        int colon = change.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String traceParent = null;
        Long committedAtMs = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith(COMMITTED)) {
                committedAtMs = epochMs(part.substring(COMMITTED.length()));
            } else if (traceParent == null && TraceParents.parse(part).isValid()) {
                traceParent = part;
            }
        }
        try {
            long version = Long.parseLong(change.substring(colon + 1));
            return version < 1 ? null
                    : new ChapterChange(UUID.fromString(change.substring(0, colon)), version, traceParent,
                    committedAtMs);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long epochMs(String text) {
        try {
            long ms = Long.parseLong(text);
            return ms > 0 ? ms : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
