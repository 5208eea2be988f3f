package dev.podclip.clip.browse;

import dev.podclip.clip.db.Database;
import dev.podclip.clip.db.Jdbc;
import dev.podclip.clip.episodes.EpisodeRows;
import dev.podclip.clip.episodes.StoredEpisode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
    Database db;

    /** Shows, the one with the most recently published episode first, at most {@code limit}. */
    public List<ShowRow> shows(int limit) {
        return db.call(c -> Jdbc.list(c, SHOWS_SQL + "ORDER BY c.latest DESC NULLS LAST, s.show_title, c.show_id "
                + "LIMIT ?", BrowseRepository::show, limit));
    }

    /**
     * The show a slug names now: the show of the most recently applied episode carrying that slug (a slug the catalog
     * gave up keeps naming its show until no episode carries it).
     */
    public Optional<ShowRow> showBySlug(String slug) {
        return db.call(c -> {
            List<UUID> ids = Jdbc.list(c, "SELECT show_id FROM clip_episode WHERE NOT deleted AND show_slug = ? "
                    + "AND show_id IS NOT NULL ORDER BY updated_at DESC, episode_id LIMIT 1",
                    row -> row.getObject(1, UUID.class), slug);
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            return Jdbc.first(c, SHOWS_SQL + "WHERE c.show_id = ?", BrowseRepository::show, ids.get(0));
        });
    }

    /** A page of a show's episodes, newest first (unknown dates last). */
    public List<StoredEpisode> episodesOf(UUID showId, int offset, int limit) {
        return db.call(c -> EpisodeRows.ofShow(c, showId, offset, limit));
    }

    private static ShowRow show(ResultSet row) throws SQLException {
        return new ShowRow(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getLong(5), Jdbc.getInstant(row, 6));
    }
}
