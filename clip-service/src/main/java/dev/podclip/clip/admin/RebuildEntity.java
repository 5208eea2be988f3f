package dev.podclip.clip.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One rebuild of the read model from the topic, and how far it got. */
@Entity
@Table(name = "clip_rebuild")
public class RebuildEntity extends PanacheEntityBase {

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    /** Done, but some records could not be read or applied: {@link #recordsSkipped}, {@link #skippedSample}. */
    public static final String SUCCEEDED_WITH_SKIPS = "succeeded-with-skips";
    public static final String FAILED = "failed";

    @Id
    public UUID id;
    public String state;
    @Column(name = "requested_by")
    public String requestedBy;
    public String topic;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "records_total")
    public long recordsTotal;
    @Column(name = "records_read")
    public long recordsRead;
    @Column(name = "events_applied")
    public long eventsApplied;
    public String error;
    @Column(name = "records_skipped")
    public long recordsSkipped;
    /** JSON array of the first skipped records: {@code [{"partition":…,"offset":…,"reason":…}]}. */
    @Column(name = "skipped_sample")
    public String skippedSample;
}
