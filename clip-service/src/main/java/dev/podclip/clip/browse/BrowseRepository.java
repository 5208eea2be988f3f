package dev.podclip.clip.browse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Shows and their episodes as the read model knows them. A show has no table of its own in clip-service: each episode
 * row carries its show's snapshot (id, slug, title, artwork), so a show is its episodes grouped by show id, and its
 * current name and artwork are those of its most recently applied episode. Deleted episodes are left out.
 */
@ApplicationScoped
public class BrowseRepository {

    /** A show: its current snapshot fields and how many episodes it has. */
    public record ShowRow(UUID showId, String slug, String title, String imageUrl, long episodes,
                          Instant latestPublishedAt) {
    }

    /** An episode of a show's list. */
    public record EpisodeRow(UUID episodeId, String title, Instant publishedAt, Long durationMs, String durationText,
                             int chapterCount) {
    }

    static final String SHOWS_SQL = """
            WITH counts AS (
                SELECT show_id, count(*) AS episodes, max(published_at) AS latest
                FROM clip_episode WHERE NOT deleted AND show_id IS NOT NULL GROUP BY show_id
            ), current AS (
                SELECT DISTINCT ON (show_id) show_id, show_slug, show_title, show_image_url
                FROM clip_episode WHERE NOT deleted AND show_id IS NOT NULL
                ORDER BY show_id, updated_at DESC, episode_id
            )
            SELECT c.show_id, s.show_slug, s.show_title, s.show_image_url, c.episodes, c.latest
            FROM counts c JOIN current s ON s.show_id = c.show_id
            """;

    @Inject
    EntityManager em;

    /** Shows, the one with the most recently published episode first, at most {@code limit}. */
    public List<ShowRow> shows(int limit) {
        return rows(em.createNativeQuery(SHOWS_SQL + "ORDER BY c.latest DESC NULLS LAST, s.show_title, c.show_id "
                + "LIMIT ?1").setParameter(1, limit));
    }

    /**
     * The show a slug names now: the show of the most recently applied episode carrying that slug (a slug the catalog
     * gave up keeps naming its show until no episode carries it).
     */
    public Optional<ShowRow> showBySlug(String slug) {
        List<?> ids = em.createNativeQuery("SELECT show_id FROM clip_episode WHERE NOT deleted AND show_slug = ?1 "
                        + "AND show_id IS NOT NULL ORDER BY updated_at DESC, episode_id LIMIT 1")
                .setParameter(1, slug).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return rows(em.createNativeQuery(SHOWS_SQL + "WHERE c.show_id = ?1").setParameter(1, ids.get(0)))
                .stream().findFirst();
    }

    /** A page of a show's episodes, newest first (unknown dates last). */
    @SuppressWarnings("unchecked")
    public List<EpisodeRow> episodesOf(UUID showId, int offset, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT episode_id, title, published_at, duration_ms, "
                        + "duration_text, chapter_count FROM clip_episode WHERE NOT deleted AND show_id = ?1 "
                        + "ORDER BY published_at DESC NULLS LAST, episode_id LIMIT ?2 OFFSET ?3")
                .setParameter(1, showId).setParameter(2, limit).setParameter(3, offset).getResultList();
        return rows.stream().map(r -> new EpisodeRow((UUID) r[0], (String) r[1], instant(r[2]),
                r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4], ((Number) r[5]).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<ShowRow> rows(jakarta.persistence.Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new ShowRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), instant(r[5]))).toList();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
