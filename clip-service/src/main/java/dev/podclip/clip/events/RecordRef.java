package dev.podclip.clip.events;

import java.util.Objects;

/** Where a record came from, kept in the consumed-event log and the dead-letter headers. */
public record RecordRef(String topic, int partition, long offset) {

    public RecordRef {
        Objects.requireNonNull(topic, "topic");
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("bad record position " + partition + "@" + offset);
        }
    }
}
