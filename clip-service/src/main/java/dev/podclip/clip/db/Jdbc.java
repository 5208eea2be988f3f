package dev.podclip.clip.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Statements on a connection: set-based ones for the event-applying path (one round trip per statement and batch, not
 * per row; the driver rewrites batched INSERTs into multi-row INSERTs, {@code reWriteBatchedInserts}, so a batch of
 * chapter rows is a few statements whatever the number of episodes), and the queries the readers of the same tables
 * run.
 */
public final class Jdbc {

    /** Rows sent per executeBatch: bounds one statement's size (the driver splits rewritten inserts further). */
    public static final int BATCH_ROWS = 500;

    private Jdbc() {
    }

    /** Binds one row of a batch. */
    public interface RowBinder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** Runs {@code sql} once per row, sent in batches of {@link #BATCH_ROWS}. */
    public static <T> void batch(Connection connection, String sql, List<T> rows, RowBinder<T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
                if (++pending == BATCH_ROWS) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    /** {@code sql} with one {@code uuid[]} parameter; returns the rows changed. Nothing runs for no ids. */
    public static int updateByIds(Connection connection, String sql, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, uuids(connection, ids));
            return statement.executeUpdate();
        }
    }

    /** Reads one row of a result. */
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql} with one {@code uuid[]} parameter and hands each row to {@code reader}; nothing for no ids. */
    public static void query(Connection connection, String sql, Collection<UUID> ids, RowReader reader)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, uuids(connection, ids));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    /** Maps one row of a result to a value. */
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql} with {@code parameters} bound in order (uuids, strings, numbers, instants) and maps each row. */
    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        }
    }

    /** The first row {@code sql} answers, mapped; empty when it answers none. */
    public static <T> Optional<T> first(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        return list(connection, sql, mapper, parameters).stream().findFirst();
    }

    /** Runs {@code sql} with {@code parameters} bound in order; returns the rows changed. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            // The driver takes a timestamptz as an OffsetDateTime, not an Instant.
            statement.setObject(i + 1, parameters[i] instanceof Instant instant
                    ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : parameters[i]);
        }
    }

    /** The first column of {@code sql}'s rows, a uuid, for one {@code uuid[]} parameter. */
    public static Set<UUID> selectIds(Connection connection, String sql, Collection<UUID> ids) throws SQLException {
        Set<UUID> found = new HashSet<>();
        query(connection, sql, ids, row -> found.add(row.getObject(1, UUID.class)));
        return found;
    }

    /** A nullable integer column. */
    public static Integer getInt(ResultSet row, int index) throws SQLException {
        int value = row.getInt(index);
        return row.wasNull() ? null : value;
    }

    /** A nullable bigint column. */
    public static Long getLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }

    /** A nullable timestamptz column. */
    public static Instant getInstant(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Array uuids(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    public static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
