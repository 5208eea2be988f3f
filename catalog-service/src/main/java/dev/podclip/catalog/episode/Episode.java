package dev.podclip.catalog.episode;

import dev.podclip.catalog.show.Show;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.TranscriptSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An episode of a show; each change bumps {@link #version} and writes an outbox event in the same transaction. */
@Entity
@Table(name = "episodes")
public class Episode extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "show_id")
    public Show show;
    /** From 1, bumped by every change (its own or its show's); managed under a row lock, not by JPA. */
    public long version;
    public String guid;
    public String slug;
    public String title;
    /** Exactly as given, byte for byte. */
    @Column(name = "show_notes")
    public String showNotes;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** The stated duration as written ({@code 1h 18m}). */
    @Column(name = "duration_text")
    public String durationText;
    /** Its value, or null when the text is no duration the engine understands. */
    @Column(name = "duration_ms")
    public Long durationMs;
    @Column(name = "audio_url")
    public String audioUrl;
    @Column(name = "video_url")
    public String videoUrl;
    @Column(name = "page_url")
    public String pageUrl;
    @Column(name = "chapters_json")
    public String chaptersJson;
    @Column(name = "transcript_format")
    public String transcriptFormat;
    /** Loaded only when read: lists and metadata reads use {@link #transcriptChars}. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "transcript_body")
    public String transcriptBody;
    @Column(name = "transcript_chars")
    public Integer transcriptChars;
    @Column(name = "transcript_sha256")
    public String transcriptSha256;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public EpisodeSnapshot snapshot() {
        TranscriptSnapshot transcript = transcriptBody == null ? null
                : new TranscriptSnapshot(transcriptFormat, transcriptBody, transcriptSha256);
        return new EpisodeSnapshot(id, version, guid, slug, title, showNotes, publishedAt, durationText, durationMs,
                audioUrl, videoUrl, pageUrl, chaptersJson, show.snapshot(), transcript);
    }
}
