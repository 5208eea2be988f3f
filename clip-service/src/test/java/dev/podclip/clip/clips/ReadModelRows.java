package dev.podclip.clip.clips;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.chapters.ChapterRows;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.db.Jdbc;
import dev.podclip.clip.episodes.EpisodeRows;
import dev.podclip.clip.episodes.StoredEpisode;
import dev.podclip.clip.share.EpisodeChangeListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes read-model rows through the read model's own statements, as the event consumer would. */
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
    Database db;

    /** A fresh live episode at version 1 with {@link #CHAPTERS}. */
    public UUID newEpisode(String title) {
        UUID id = UUID.randomUUID();
        upsert(id, 1, title, CHAPTERS);
        return id;
    }

    /** The episode with its media at {@link #AUDIO_URL}, a stated "1h 18m". */
    public void upsert(UUID id, long version, String title, List<Chapter> chapters) {
        upsert(id, version, title, chapters, AUDIO_URL, 4_680_000L, "1h 18m");
    }

    /** @param durationText the duration as the catalog stated it, or null for an exact {@code durationMs} */
    @Transactional
    public void upsert(UUID id, long version, String title, List<Chapter> chapters, String audioUrl, Long durationMs,
                       String durationText) {
        StoredEpisode episode = new StoredEpisode(id, version, false, UUID.nameUUIDFromBytes("show".getBytes()),
                "database-school", "Database School", title, "ep-" + id, null, audioUrl, VIDEO_URL,
                "https://podclip.test/episodes/" + id, Instant.parse("2026-01-01T00:00:00Z"), durationText,
                durationMs, null, "explicit", chapters.size(), UUID.randomUUID(), Instant.now(), Instant.now(), null);
        db.call(c -> {
            EpisodeRows.replace(c, List.of(episode));
            ChapterRows.CHAPTERS.deleteOf(c, List.of(id));
            ChapterRows.CHAPTERS.insert(c, Map.of(id, chapters));
            return null;
        });
    }

    /** Marks the episode deleted the way the consumer does: a tombstone row at a new version. */
    @Transactional
    public void delete(UUID id, long version) {
        db.call(c -> {
            ChapterRows.CHAPTERS.deleteOf(c, List.of(id));
            EpisodeRows.replace(c, List.of(StoredEpisode.tombstone(id, version, UUID.randomUUID(), Instant.now(),
                    Instant.now())));
            return null;
        });
    }

    /** The notification the consumer sends after committing a change. */
    @Transactional
    public void announce(UUID id, long version) {
        db.call(c -> Jdbc.list(c, "SELECT pg_notify(?, ?)", row -> row.getString(1), EpisodeChangeListener.CHANNEL,
                id + ":" + version));
    }
}
