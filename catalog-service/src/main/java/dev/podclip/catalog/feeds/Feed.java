package dev.podclip.catalog.feeds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A feed the catalog follows: where it is, the validators of its last answer, and how the last poll went. */
@Entity
@Table(name = "feeds")
public class Feed extends PanacheEntityBase {

    public static final int ERROR_MAX_CHARS = 2_000;

    @Id
    public UUID id;
    public String url;
    @Column(name = "show_id")
    public UUID showId;
    @Column(name = "requested_slug")
    public String requestedSlug;
    public String etag;
    @Column(name = "last_modified")
    public String lastModified;
    /** pending, ok, not-modified or failed. */
    @Column(name = "last_status")
    public String lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_fetched_at")
    public Instant lastFetchedAt;
    @Column(name = "items_seen")
    public int itemsSeen;
    @Column(name = "episodes_written")
    public int episodesWritten;
    @Column(name = "next_poll_at")
    public Instant nextPollAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
