package dev.podclip.clip.clips;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.chapters.ChapterEntity;
import dev.podclip.clip.episodes.EpisodeEntity;
import dev.podclip.clip.share.EpisodeChangeListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes read-model rows straight through the read model's entities, as the event consumer would. */
@ApplicationScoped
public class ReadModelRows {

    public static final String AUDIO_URL = "https://cdn.podclip.test/media/episode.mp3";
    public static final String VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    /** Four chapters over a stated "1h 18m" (4,680,000 ms, a minute of rounding slack). */
    public static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, 60_000L, "Intro", null, null, true),
            new Chapter(60_000, 773_000L, "Indexes", null, null, true),
            new Chapter(773_000, 1_347_000L, "Covering indexes", null, null, true),
            new Chapter(1_347_000, 4_680_000L, "Wrap up", null, null, true));

    @Inject
    EntityManager em;

    /** A fresh live episode at version 1 with {@link #CHAPTERS}. */
    public UUID newEpisode(String title) {
        UUID id = UUID.randomUUID();
        upsert(id, 1, title, CHAPTERS);
        return id;
    }

    @Transactional
    public void upsert(UUID id, long version, String title, List<Chapter> chapters) {
        EpisodeEntity episode = EpisodeEntity.findById(id);
        if (episode == null) {
            episode = new EpisodeEntity();
            episode.episodeId = id;
        }
        episode.version = version;
        episode.deleted = false;
        episode.showId = UUID.nameUUIDFromBytes("show".getBytes());
        episode.showSlug = "database-school";
        episode.showTitle = "Database School";
        episode.title = title;
        episode.slug = "ep-" + id;
        episode.audioUrl = AUDIO_URL;
        episode.videoUrl = VIDEO_URL;
        episode.pageUrl = "https://podclip.test/episodes/" + id;
        episode.publishedAt = Instant.parse("2026-01-01T00:00:00Z");
        episode.durationText = "1h 18m";
        episode.durationMs = 4_680_000L;
        episode.chaptersSource = "explicit";
        episode.chapterCount = chapters.size();
        episode.eventId = UUID.randomUUID();
        episode.occurredAt = Instant.now();
        episode.updatedAt = Instant.now();
        episode.persist();
        ChapterEntity.delete("episodeId", id);
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            ChapterEntity row = new ChapterEntity();
            row.episodeId = id;
            row.index = i;
            row.startMs = c.startMs();
            row.endMs = c.endMs();
            row.durationMs = c.durationMs();
            row.title = c.title();
            row.toc = true;
            row.persist();
        }
    }

    /** Marks the episode deleted the way the consumer does: a tombstone row at a new version. */
    @Transactional
    public void delete(UUID id, long version) {
        ChapterEntity.delete("episodeId", id);
        EpisodeEntity episode = EpisodeEntity.findById(id);
        episode.version = version;
        episode.deleted = true;
        episode.title = null;
        episode.showTitle = null;
        episode.audioUrl = null;
        episode.videoUrl = null;
        episode.pageUrl = null;
        episode.chaptersSource = null;
        episode.chapterCount = 0;
        episode.eventId = UUID.randomUUID();
        episode.updatedAt = Instant.now();
    }

    /** The notification the consumer sends after committing a change. */
    @Transactional
    public void announce(UUID id, long version) {
        em.createNativeQuery("SELECT pg_notify(?1, ?2)")
                .setParameter(1, EpisodeChangeListener.CHANNEL)
                .setParameter(2, id + ":" + version)
                .getSingleResult();
    }
}
