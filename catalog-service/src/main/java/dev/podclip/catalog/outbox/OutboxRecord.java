package dev.podclip.catalog.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row as the relay reads it. */
public record OutboxRecord(long id, UUID eventId, UUID episodeId, long episodeVersion, String type, byte[] payload,
                           Instant createdAt) {

    public boolean isTombstone() {
        return OutboxRow.TYPE_TOMBSTONE.equals(type);
    }
}
