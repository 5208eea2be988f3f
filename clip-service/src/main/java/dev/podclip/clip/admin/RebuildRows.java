package dev.podclip.clip.admin;

import dev.podclip.clip.db.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@code clip_rebuild} and {@link StoredRebuild}: the table's columns, how a row maps to the record, its statements. */
final class RebuildRows {

    /** In the order {@link #insert} and {@link #read} number them. */
    private static final String COLUMNS = "id, state, requested_by, topic, started_at, updated_at, finished_at,"
            + " records_total, records_read, events_applied, error, records_skipped, skipped_sample";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM clip_rebuild";

    private RebuildRows() {
    }

    /** Fails with a unique violation (23505) when another rebuild is running (index clip_rebuild_one_running). */
    static void insert(Connection connection, StoredRebuild r) throws SQLException {
        Jdbc.update(connection, "INSERT INTO clip_rebuild (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)", r.id(), r.state(), r.requestedBy(), r.topic(), r.startedAt(),
                r.updatedAt(), r.finishedAt(), r.recordsTotal(), r.recordsRead(),
                r.eventsApplied(), r.error(), r.recordsSkipped(), r.skippedSample());
    }

    static Optional<StoredRebuild> find(Connection connection, UUID id) throws SQLException {
        return Jdbc.first(connection, SELECT + " WHERE id = ?", RebuildRows::read, id);
    }

    static Optional<StoredRebuild> running(Connection connection) throws SQLException {
        return Jdbc.first(connection, SELECT + " WHERE state = ?", RebuildRows::read, StoredRebuild.RUNNING);
    }

    /** A running rebuild's counts, {@code updated_at} now. */
    static void progress(Connection connection, UUID id, long recordsTotal, long recordsRead, long eventsApplied)
            throws SQLException {
        Jdbc.update(connection, "UPDATE clip_rebuild SET records_total = ?, records_read = ?, events_applied = ?,"
                + " updated_at = ? WHERE id = ?", recordsTotal, recordsRead, eventsApplied,
                Instant.now(), id);
    }

    /** Ends a rebuild in {@code state}, {@code updated_at} and {@code finished_at} now. */
    static void finish(Connection connection, UUID id, String state, String error, long recordsSkipped,
                       String skippedSample) throws SQLException {
        Instant now = Instant.now();
        Jdbc.update(connection, "UPDATE clip_rebuild SET state = ?, error = ?, records_skipped = ?, skipped_sample = ?,"
                + " updated_at = ?, finished_at = ? WHERE id = ?", state, error, recordsSkipped, skippedSample, now, now,
                id);
    }

    /** Marks a running rebuild that stopped making progress failed; its {@code updated_at} tells when it last did. */
    static void abandon(Connection connection, UUID id, String error, Instant now) throws SQLException {
        Jdbc.update(connection, "UPDATE clip_rebuild SET state = ?, error = ?, finished_at = ? WHERE id = ?",
                StoredRebuild.FAILED, error, now, id);
    }

    private static StoredRebuild read(ResultSet row) throws SQLException {
        return new StoredRebuild(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                Jdbc.getInstant(row, 5), Jdbc.getInstant(row, 6), Jdbc.getInstant(row, 7), row.getLong(8),
                row.getLong(9), row.getLong(10), row.getString(11), row.getLong(12), row.getString(13));
    }
}
