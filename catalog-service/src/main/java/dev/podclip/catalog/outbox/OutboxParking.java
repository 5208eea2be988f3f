package dev.podclip.catalog.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows the broker refused for good: moved out of {@code outbox_events} into {@code outbox_parked} with the reason (by
 * the relay, inside its slot transaction), listed and replayed (moved back) by an operator.
 */
@ApplicationScoped
public class OutboxParking {

    /** The longest reason kept (the column's size). */
    static final int MAX_REASON_CHARS = 2_000;
    /** Most parked rows one list or one replay-all call handles. */
    public static final int MAX_ROWS_PER_CALL = 1_000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxLayout layout;

    /** A parked row as an operator sees it (no payload: it may be megabytes). */
    public record Parked(long id, UUID eventId, UUID episodeId, long episodeVersion, String type, int sizeBytes,
                         Instant createdAt, Instant parkedAt, String reason, String exceptionClass) {
    }

    /** Moves one row to the parked table; runs on the relay's connection, inside its slot transaction. */
    static void park(Connection connection, long rowId, Throwable reason) throws SQLException {
        String text = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
        String sql = "WITH moved AS (DELETE FROM outbox_events WHERE id = ? RETURNING *)"
                + " INSERT INTO outbox_parked (id, event_id, episode_id, episode_version, type, payload, slot,"
                + " created_at, parked_at, reason, exception_class, trace_parent)"
                + " SELECT id, event_id, episode_id, episode_version, type, payload, slot, created_at, now(), ?, ?,"
                + " trace_parent"
                + " FROM moved";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, rowId);
            statement.setString(2, text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS));
            statement.setString(3, reason.getClass().getName());
            int moved = statement.executeUpdate();
            if (moved != 1) {
                // Only this slot's lock holder moves its rows: anything else is a broken invariant.
                throw new IllegalStateException("parked " + moved + " outbox rows for id " + rowId + ", expected 1");
            }
        }
    }

    /** The oldest parked rows first, at most {@code limit}. */
    public List<Parked> list(int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_ROWS_PER_CALL));
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement("SELECT id, event_id, episode_id,"
                         + " episode_version, type, coalesce(octet_length(payload), 0), created_at, parked_at, reason,"
                         + " exception_class FROM outbox_parked ORDER BY id LIMIT ?")) {
                statement.setInt(1, bounded);
                List<Parked> rows = new ArrayList<>();
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Parked(r.getLong(1), r.getObject(2, UUID.class), r.getObject(3, UUID.class),
                                r.getLong(4), r.getString(5), r.getInt(6), r.getTimestamp(7).toInstant(),
                                r.getTimestamp(8).toInstant(), r.getString(9), r.getString(10)));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * Moves parked rows back into the outbox (new ids: they queue behind what waits in their slot; a consumer drops a
     * replayed version that a newer one already passed). {@code rowId} null replays the oldest ones, up to the bound.
     *
     * @return how many rows were replayed
     */
    public int replay(Long rowId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<long[]> targets = new ArrayList<>(); // id, slot
                String pick = rowId == null
                        ? "SELECT id, episode_id FROM outbox_parked ORDER BY id LIMIT ? FOR UPDATE"
                        : "SELECT id, episode_id FROM outbox_parked WHERE id = ? FOR UPDATE";
                try (PreparedStatement statement = connection.prepareStatement(pick)) {
                    if (rowId == null) {
                        statement.setInt(1, MAX_ROWS_PER_CALL);
                    } else {
                        statement.setLong(1, rowId);
                    }
                    try (ResultSet r = statement.executeQuery()) {
                        while (r.next()) {
                            targets.add(new long[] {r.getLong(1), layout.slotOf(r.getObject(2, UUID.class))});
                        }
                    }
                }
                for (long[] target : targets) {
                    moveBack(connection, target[0], (int) target[1]);
                }
                return targets.size();
            }
        });
    }

    private static void moveBack(Connection connection, long id, int slot) throws SQLException {
        String sql = "WITH moved AS (DELETE FROM outbox_parked WHERE id = ? RETURNING *)"
                + " INSERT INTO outbox_events (event_id, episode_id, episode_version, type, payload, slot, created_at,"
                + " trace_parent)"
                + " SELECT event_id, episode_id, episode_version, type, payload, ?, created_at, trace_parent FROM moved";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.setInt(2, slot);
            statement.executeUpdate();
        }
    }
}
