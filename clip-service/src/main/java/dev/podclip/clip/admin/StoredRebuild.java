package dev.podclip.clip.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * One rebuild of the read model from the topic, and how far it got ({@code clip_rebuild}).
 *
 * @param skippedSample JSON array of the first skipped records: {@code [{"partition":…,"offset":…,"reason":…}]}
 */
record StoredRebuild(UUID id, String state, String requestedBy, String topic, Instant startedAt, Instant updatedAt,
                     Instant finishedAt, long recordsTotal, long recordsRead, long eventsApplied, String error,
                     long recordsSkipped, String skippedSample) {

    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    /** Done, but some records could not be read or applied: {@code recordsSkipped}, {@code skippedSample}. */
    static final String SUCCEEDED_WITH_SKIPS = "succeeded-with-skips";
    static final String FAILED = "failed";

    /** A rebuild just requested. */
    static StoredRebuild running(String requestedBy, String topic, Instant now) {
        return new StoredRebuild(UUID.randomUUID(), RUNNING, requestedBy, topic, now, now, null, 0, 0, 0, null, 0,
                null);
    }
}
