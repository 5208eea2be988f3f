package dev.podclip.catalog.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row as the relay reads it.
 *
 * @param traceParent the W3C traceparent of the write that made it, or null (tracing off)
 */
public record OutboxRecord(long id, UUID eventId, UUID episodeId, long episodeVersion, String type, byte[] payload,
                           Instant createdAt, String traceParent) {

    public boolean isTombstone() {
        return OutboxRow.TYPE_TOMBSTONE.equals(type);
    }
}
