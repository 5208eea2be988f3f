package dev.podclip.clip.clips;

import dev.podclip.clip.db.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code clip_clip} and {@link StoredClip}: the table's columns, how a row maps to the record, and the statements of
 * the clips feature and of the feeds that show featured clips.
 */
public final class ClipRows {

    private static final String SELECT = "SELECT id, episode_id, title, start_ms, end_ms, episode_version, created_by,"
            + " created_at, featured FROM clip_clip";

    private ClipRows() {
    }

    /** Returns the rows written: 1. */
    public static int insert(Connection connection, StoredClip clip) throws SQLException {
        return Jdbc.update(connection, "INSERT INTO clip_clip (id, episode_id, title, start_ms, end_ms,"
                        + " episode_version, created_by, created_at, featured) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                clip.id(), clip.episodeId(), clip.title(), clip.startMs(), clip.endMs(), clip.episodeVersion(),
                clip.createdBy(), clip.createdAt(), clip.featured());
    }

    public static Optional<StoredClip> find(Connection connection, String id) throws SQLException {
        return Jdbc.first(connection, SELECT + " WHERE id = ?", ClipRows::read, id);
    }

    /** Returns whether the clip exists. */
    public static boolean setFeatured(Connection connection, String id, boolean featured) throws SQLException {
        return Jdbc.update(connection, "UPDATE clip_clip SET featured = ? WHERE id = ?", featured, id) > 0;
    }

    /** Per episode with featured clips, those clips, the oldest first. */
    public static Map<UUID, List<StoredClip>> featuredOf(Connection connection, Collection<UUID> episodeIds)
            throws SQLException {
        return Jdbc.list(connection, SELECT + " WHERE featured AND episode_id = ANY(?) ORDER BY created_at, id",
                ClipRows::read, Jdbc.uuids(connection, episodeIds)).stream()
                .collect(Collectors.groupingBy(StoredClip::episodeId));
    }

    /** A null {@code featured} (rows from before it had a default) is false. */
    private static StoredClip read(ResultSet row) throws SQLException {
        return new StoredClip(row.getString(1), row.getObject(2, UUID.class), row.getString(3), row.getLong(4),
                row.getLong(5), row.getLong(6), row.getString(7), Jdbc.getInstant(row, 8), row.getBoolean(9));
    }
}
