package dev.podclip.clip.clips;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A stored clip: an episode, a range and an optional title. Never updated; its context is read at resolve time. */
@Entity
@Table(name = "clip_clip")
public class ClipEntity {

    @Id
    public String id;
    @Column(name = "episode_id", nullable = false)
    public UUID episodeId;
    public String title;
    @Column(name = "start_ms", nullable = false)
    public long startMs;
    @Column(name = "end_ms", nullable = false)
    public long endMs;
    /** The episode version the clip was made against, for audits; views use the current version. */
    @Column(name = "episode_version", nullable = false)
    public long episodeVersion;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
