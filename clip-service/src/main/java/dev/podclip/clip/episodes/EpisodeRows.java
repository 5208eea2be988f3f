package dev.podclip.clip.episodes;

import dev.podclip.clip.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code clip_episode} and {@link StoredEpisode}: the table's columns, how a row maps to the record and back, and every
 * statement that writes or reads whole rows, for the event applier and the readers alike.
 */
public final class EpisodeRows {

    /** In the order {@link #bind} and {@link #read} number them. */
    private static final List<String> COLUMNS = List.of("episode_id", "version", "deleted", "show_id", "show_slug",
            "show_title", "title", "slug", "guid", "audio_url", "video_url", "page_url", "published_at",
            "duration_text", "duration_ms", "show_notes", "chapters_source", "chapter_count", "event_id",
            "occurred_at", "updated_at", "show_image_url");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM clip_episode";
    /** New episodes: a concurrent insert of the same id fails the batch, whose per-record retry then sees it. */
    private static final String INSERT = "INSERT INTO clip_episode (" + String.join(", ", COLUMNS) + ") VALUES ("
            + COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    /** Known episodes, whose rows the caller holds locked ({@link #lockVersions}). */
    private static final String REPLACE = INSERT + " ON CONFLICT (episode_id) DO UPDATE SET "
            + COLUMNS.stream().skip(1).map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
    /** Newest first, unknown dates last: the order of every list of episodes (index clip_episode_listing). */
    private static final String NEWEST_FIRST = " ORDER BY published_at DESC NULLS LAST, episode_id LIMIT ? OFFSET ?";

    private EpisodeRows() {
    }

    /** Writes rows of episodes not stored yet, batched. */
    public static void insert(Connection connection, List<StoredEpisode> rows) throws SQLException {
        Jdbc.batch(connection, INSERT, rows, EpisodeRows::bind);
    }

    /** Overwrites stored episodes' rows, batched. */
    public static void replace(Connection connection, List<StoredEpisode> rows) throws SQLException {
        Jdbc.batch(connection, REPLACE, rows, EpisodeRows::bind);
    }

    /**
     * The stored versions of these episodes, their rows locked (FOR UPDATE) in id order, so that batches touching the
     * same episodes wait for each other instead of deadlocking.
     */
    public static Map<UUID, Long> lockVersions(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, Long> versions = new HashMap<>();
        Jdbc.query(connection, "SELECT episode_id, version FROM clip_episode WHERE episode_id = ANY(?)"
                        + " ORDER BY episode_id FOR UPDATE", ids,
                row -> versions.put(row.getObject(1, UUID.class), row.getLong(2)));
        return versions;
    }

    /** The episode's row, deleted or not; empty for an episode never seen. */
    public static Optional<StoredEpisode> find(Connection connection, UUID episodeId) throws SQLException {
        return Jdbc.first(connection, SELECT + " WHERE episode_id = ?", EpisodeRows::read, episodeId);
    }

    /** A page of the live episodes, newest first. */
    public static List<StoredEpisode> live(Connection connection, int offset, int limit) throws SQLException {
        return Jdbc.list(connection, SELECT + " WHERE NOT deleted" + NEWEST_FIRST, EpisodeRows::read, limit, offset);
    }

    public static long countLive(Connection connection) throws SQLException {
        return Jdbc.list(connection, "SELECT count(*) FROM clip_episode WHERE NOT deleted", row -> row.getLong(1))
                .get(0);
    }

    /** A page of a show's live episodes, newest first. */
    public static List<StoredEpisode> ofShow(Connection connection, UUID showId, int offset, int limit)
            throws SQLException {
        return Jdbc.list(connection, SELECT + " WHERE NOT deleted AND show_id = ?" + NEWEST_FIRST, EpisodeRows::read,
                showId, limit, offset);
    }

    /** The newest live episodes carrying a show slug, at most {@code limit}. */
    public static List<StoredEpisode> ofShowSlug(Connection connection, String showSlug, int limit)
            throws SQLException {
        return Jdbc.list(connection, SELECT + " WHERE NOT deleted AND show_slug = ?" + NEWEST_FIRST,
                EpisodeRows::read, showSlug, limit, 0);
    }

    private static void bind(PreparedStatement st, StoredEpisode e) throws SQLException {
        st.setObject(1, e.episodeId());
        st.setLong(2, e.version());
        st.setBoolean(3, e.deleted());
        st.setObject(4, e.showId());
        st.setString(5, e.showSlug());
        st.setString(6, e.showTitle());
        st.setString(7, e.title());
        st.setString(8, e.slug());
        st.setString(9, e.guid());
        st.setString(10, e.audioUrl());
        st.setString(11, e.videoUrl());
        st.setString(12, e.pageUrl());
        Jdbc.setInstant(st, 13, e.publishedAt());
        st.setString(14, e.durationText());
        Jdbc.setLong(st, 15, e.durationMs());
        st.setString(16, e.showNotes());
        st.setString(17, e.chaptersSource());
        st.setInt(18, e.chapterCount());
        st.setObject(19, e.eventId());
        Jdbc.setInstant(st, 20, e.occurredAt());
        Jdbc.setInstant(st, 21, e.updatedAt());
        st.setString(22, e.showImageUrl());
    }

    private static StoredEpisode read(ResultSet row) throws SQLException {
        return new StoredEpisode(row.getObject(1, UUID.class), row.getLong(2), row.getBoolean(3),
                row.getObject(4, UUID.class), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getString(10), row.getString(11), row.getString(12), Jdbc.getInstant(row, 13),
                row.getString(14), Jdbc.getLong(row, 15), row.getString(16), row.getString(17), row.getInt(18),
                row.getObject(19, UUID.class), Jdbc.getInstant(row, 20), Jdbc.getInstant(row, 21),
                row.getString(22));
    }
}
