package dev.podclip.clip.episodes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An episode as the read model knows it: the snapshot fields later features need, at {@link #version}. A deleted
 * episode keeps its row (snapshot fields cleared, {@link #deleted} set) so older upserts cannot bring it back.
 */
@Entity
@Table(name = "clip_episode")
public class EpisodeEntity extends PanacheEntityBase {

    @Id
    @Column(name = "episode_id")
    public UUID episodeId;
    public long version;
    public boolean deleted;
    @Column(name = "show_id")
    public UUID showId;
    @Column(name = "show_slug")
    public String showSlug;
    @Column(name = "show_title")
    public String showTitle;
    public String title;
    public String slug;
    /** The catalog's guid (a source feed's, or an editor's), null when deleted or from before V301. */
    public String guid;
    @Column(name = "audio_url")
    public String audioUrl;
    @Column(name = "video_url")
    public String videoUrl;
    @Column(name = "page_url")
    public String pageUrl;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "duration_text")
    public String durationText;
    @Column(name = "duration_ms")
    public Long durationMs;
    @Column(name = "show_notes")
    public String showNotes;
    /** {@code explicit} or {@code notes}; null when deleted. */
    @Column(name = "chapters_source")
    public String chaptersSource;
    @Column(name = "chapter_count")
    public int chapterCount;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The show's cover art (the snapshot's), for clip videos; null when deleted, unknown, or from before V320. */
    @Column(name = "show_image_url")
    public String showImageUrl;
}
