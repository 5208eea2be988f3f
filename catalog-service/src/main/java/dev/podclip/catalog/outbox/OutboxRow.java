package dev.podclip.catalog.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One record waiting to be published; written in the transaction of the change, deleted once Kafka acked it. */
@Entity
@Table(name = "outbox_events")
public class OutboxRow extends PanacheEntityBase {

    /** Rows with no value: the tombstone that lets compaction forget a deleted episode. */
    public static final String TYPE_TOMBSTONE = "tombstone";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "episode_version")
    public long episodeVersion;
    /** An event type's wire name, or {@link #TYPE_TOMBSTONE}. */
    public String type;
    /** EpisodeEventCodec JSON; null for a tombstone. */
    public byte[] payload;
    public int slot;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The W3C traceparent of the write, or null when tracing is off. */
    @Column(name = "trace_parent")
    public String traceParent;
}
