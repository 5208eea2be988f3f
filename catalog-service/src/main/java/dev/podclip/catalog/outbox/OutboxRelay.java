package dev.podclip.catalog.outbox;

import dev.podclip.catalog.config.CatalogConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes the outbox. Each slot is published in its own transaction holding
 * {@code pg_try_advisory_xact_lock(LOCK_NAMESPACE, slot)}, so across catalog instances one slot has one publisher at a
 * time; inside a slot rows go out in id order, which for one episode is version order, and an episode's next row is
 * sent only once Kafka acknowledged the previous one ({@link EventPublisher#publish}). Rows are deleted only after
 * Kafka acknowledged them (at least once). Runs every {@code catalog.relay.interval} (its own timer thread: Quarkus'
 * simple scheduler does not go below one second) and right after a commit that wrote rows.
 *
 * <p>Failures stay where they belong. A row the broker refuses for good (too large for the topic, an invalid record;
 * or {@link PublishFailures#MAX_ROW_STRIKES} failures while the broker took other rows) is parked with its reason
 * ({@link OutboxParking}) and its slot moves on. A slot whose rows failed while others were acknowledged waits alone,
 * with exponential backoff. Only when nothing at all was acknowledged (the broker is away) does the whole relay wait.
 * An outage is one WARN line when it starts and one INFO line when publishing resumes.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** First key of the advisory locks ("cat1"), so the slot numbers do not collide with other advisory locks. */
    static final int LOCK_NAMESPACE = 0x63617431;
    /** Batches one slot may publish in one pass, so a large backlog in one slot does not starve the others. */
    static final int MAX_BATCHES_PER_SLOT_PASS = 8;
    /** Upper bound of a slot transaction: the delivery timeout plus room for the queries. */
    private static final int SLOT_TRANSACTION_TIMEOUT_S = 120;
    /** Extra wait at shutdown beyond the delivery timeout. */
    private static final long SHUTDOWN_GRACE_MS = 1_000;
    /** Rows whose failures are counted at once; past it the oldest counts are forgotten (they start again). */
    static final int MAX_TRACKED_STRIKES = 10_000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventPublisher publisher;
    @Inject
    TopicSetup topic;
    @Inject
    CatalogConfig config;
    @Inject
    OutboxMetrics metrics;
    @Inject
    OutboxLayout layout;

    private final ReentrantLock passLock = new ReentrantLock();
    private final AtomicBoolean nudgePending = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> daemon(runnable,
            "catalog-outbox-nudge"));
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable ->
            daemon(runnable, "catalog-outbox-relay"));
    /** Backoff of the whole relay (the broker is away) and of single slots (their rows fail, others pass). */
    private final Backoff relayBackoff = new Backoff();
    private final Map<Integer, Backoff> slotBackoffs = new HashMap<>();
    /** Failures per row id, only for rows that failed while the broker acknowledged others. */
    private final LinkedHashMap<Long, Integer> strikes = new LinkedHashMap<>();
    private volatile boolean paused;
    /** When publishing started failing, or 0 while it works: the outage a WARN line announced. */
    private long outageSinceMs;

    void onStart(@Observes StartupEvent start) {
        long intervalMs = config.relay().interval().toMillis();
        if (intervalMs < 1) {
            throw new IllegalStateException("catalog.relay.interval must be at least 1 ms");
        }
        ticks.scheduleWithFixedDelay(this::tick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            drain();
        } catch (Throwable e) {
            // The timer must survive anything, or publishing would silently stop.
            LOG.errorf(e, "outbox relay tick failed");
        }
    }

    /** Stops publishing after the pass in flight (operations and tests); writes still fill the outbox. */
    public void pause() {
        paused = true;
        passLock.lock();
        passLock.unlock();
    }

    public void resume() {
        paused = false;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** After a commit that wrote outbox rows: publish now rather than at the next tick. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (config.relay().enabled() && nudgePending.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudgePending.set(false);
                drain();
            });
        }
    }

    /** Lets a pass in flight finish (its acks then delete their rows) rather than interrupting it mid-flush. */
    void onStop(@Observes ShutdownEvent stop) {
        paused = true;
        ticks.shutdown();
        nudges.shutdown();
        try {
            long waitMs = config.relay().deliveryTimeout().toMillis() + SHUTDOWN_GRACE_MS;
            if (!ticks.awaitTermination(waitMs, TimeUnit.MILLISECONDS)
                    || !nudges.awaitTermination(SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("outbox relay still busy at shutdown; unacknowledged rows stay for the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ticks.shutdownNow();
        nudges.shutdownNow();
    }

    /** One pass over every slot; returns the rows published. A pass already running makes this a no-op. */
    public int drain() {
        if (!passLock.tryLock()) {
            return 0;
        }
        try {
            long nowNs = System.nanoTime();
            if (!config.relay().enabled() || paused || !topic.ready() || relayBackoff.waiting(nowNs)) {
                return 0;
            }
            int published = 0;
            for (int slot = 0; slot < layout.slots(); slot++) {
                Backoff slotBackoff = slotBackoffs.computeIfAbsent(slot, s -> new Backoff());
                if (slotBackoff.waiting(System.nanoTime())) {
                    continue;
                }
                SlotOutcome outcome = drainSlot(slot);
                published += outcome.published();
                if (outcome.state() == SlotState.BROKER_AWAY) {
                    relayBackoff.failed(config.relay());
                    return published;
                }
                if (outcome.state() == SlotState.ROWS_FAILED) {
                    slotBackoff.failed(config.relay());
                } else {
                    slotBackoff.succeeded();
                }
            }
            relayBackoff.succeeded();
            return published;
        } catch (RuntimeException e) {
            outage(e.toString());
            relayBackoff.failed(config.relay());
            return 0;
        } finally {
            passLock.unlock();
        }
    }

    /** How a slot's batches went: all published, some rows failed while others passed, or nothing passed at all. */
    enum SlotState { OK, ROWS_FAILED, BROKER_AWAY }

    record SlotOutcome(int published, SlotState state) {
    }

    private SlotOutcome drainSlot(int slot) {
        int published = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_SLOT_PASS; batch++) {
            SlotPass pass = publishSlot(slot);
            published += pass.published();
            if (pass.brokerAway()) {
                return new SlotOutcome(published, published == 0 ? SlotState.BROKER_AWAY : SlotState.ROWS_FAILED);
            }
            if (pass.rowsFailed()) {
                return new SlotOutcome(published, SlotState.ROWS_FAILED);
            }
            if (!pass.full()) {
                break;
            }
        }
        return new SlotOutcome(published, SlotState.OK);
    }

    /**
     * @param published  rows acknowledged and deleted
     * @param full       the batch was full (rows or bytes): more rows may wait
     * @param rowsFailed some rows failed (and were kept or parked) while others were acknowledged
     * @param brokerAway nothing was acknowledged and the failures were not the rows' own
     */
    record SlotPass(int published, boolean full, boolean rowsFailed, boolean brokerAway) {
    }

    private SlotPass publishSlot(int slot) {
        return QuarkusTransaction.requiringNew().timeout(SLOT_TRANSACTION_TIMEOUT_S).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!tryLock(connection, slot)) {
                    return new SlotPass(0, false, false, false);
                }
                Batch batch = oldest(connection, slot, config.relay().batchSize(), config.relay().batchMaxBytes());
                if (batch.rows().isEmpty()) {
                    return new SlotPass(0, false, false, false);
                }
                EventPublisher.Delivery delivery = publisher.publish(batch.rows());
                int published = delivery.ackedIds().size();
                delete(connection, delivery.ackedIds());
                forgetStrikes(delivery.ackedIds());
                metrics.published(published);
                int parked = parkRefused(connection, delivery, published > 0);
                if (delivery.failure() == null) {
                    resumed(published);
                    return new SlotPass(published, batch.full(), false, false);
                }
                metrics.failed();
                boolean away = published == 0 && parked == 0 && delivery.transientFailure();
                if (away) {
                    outage(delivery.failure().toString());
                } else {
                    resumed(published);
                    LOG.debugf("slot %d: published %d of %d rows, parked %d, then: %s", slot, published,
                            batch.rows().size(), parked, delivery.failure());
                }
                return new SlotPass(published, batch.full(), !away, away);
            }
        });
    }

    /**
     * Parks the rows the broker refused for good, and those that failed {@link PublishFailures#MAX_ROW_STRIKES}
     * times while the broker acknowledged other rows. Returns how many were parked.
     */
    private int parkRefused(Connection connection, EventPublisher.Delivery delivery, boolean othersPassed)
            throws SQLException {
        int parked = 0;
        for (Map.Entry<Long, Exception> failed : delivery.rowFailures().entrySet()) {
            long rowId = failed.getKey();
            Exception reason = failed.getValue();
            boolean permanent = PublishFailures.isPermanent(reason);
            if (!permanent && !(othersPassed && strike(rowId) >= PublishFailures.MAX_ROW_STRIKES)) {
                continue;
            }
            OutboxParking.park(connection, rowId, reason);
            strikes.remove(rowId);
            metrics.parked();
            parked++;
            LOG.warnf("parked outbox row %d (%s): %s; replay it with POST /api/admin/outbox/parked/%d/replay",
                    rowId, reason.getClass().getSimpleName(), reason.getMessage(), rowId);
        }
        return parked;
    }

    private int strike(long rowId) {
        int count = strikes.merge(rowId, 1, Integer::sum);
        if (strikes.size() > MAX_TRACKED_STRIKES) {
            strikes.remove(strikes.keySet().iterator().next());
        }
        return count;
    }

    private void forgetStrikes(List<Long> rowIds) {
        if (!strikes.isEmpty()) {
            rowIds.forEach(strikes::remove);
        }
    }

    private void outage(String reason) {
        if (outageSinceMs == 0) {
            outageSinceMs = System.currentTimeMillis();
            LOG.warnf("outbox relay stopped publishing (%s); writes keep filling the outbox, retrying with backoff",
                    reason);
        } else {
            LOG.debugf("publishing still failing: %s", reason);
        }
    }

    private void resumed(int published) {
        if (outageSinceMs != 0 && published > 0) {
            LOG.infof("outbox relay publishing again after %d ms", System.currentTimeMillis() - outageSinceMs);
            outageSinceMs = 0;
        }
    }

    /** Exponential backoff: {@code backoff-min} doubling per consecutive failure up to {@code backoff-max}. */
    private static final class Backoff {
        private long untilNs = System.nanoTime();
        private int consecutiveFailures;

        boolean waiting(long nowNs) {
            return consecutiveFailures > 0 && nowNs - untilNs < 0;
        }

        void failed(CatalogConfig.Relay relay) {
            consecutiveFailures = Math.min(consecutiveFailures + 1, 30);
            long minMs = relay.backoffMin().toMillis();
            long maxMs = relay.backoffMax().toMillis();
            long pauseMs = Math.min(maxMs, minMs << Math.min(consecutiveFailures - 1, 20));
            untilNs = System.nanoTime() + pauseMs * 1_000_000L;
        }

        void succeeded() {
            consecutiveFailures = 0;
        }
    }

    private static boolean tryLock(Connection connection, int slot) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            statement.setInt(1, LOCK_NAMESPACE);
            statement.setInt(2, slot);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /**
     * @param rows the oldest rows of a slot, in id order
     * @param full more rows may wait (the row or the byte bound cut the batch)
     */
    record Batch(List<OutboxRecord> rows, boolean full) {
    }

    /**
     * The slot's oldest rows, at most {@code limit} and at most {@code maxBytes} of payload together (but always the
     * first row, whatever its size): a batch never holds 500 rows of 8 MiB in memory. Payloads are measured with
     * octet_length, which reads the stored size without fetching the value.
     */
    static Batch oldest(Connection connection, int slot, int limit, long maxBytes) throws SQLException {
        String sql = "SELECT id, event_id, episode_id, episode_version, type, payload, created_at, candidates,"
                + " trace_parent"
                + " FROM (SELECT id, event_id, episode_id, episode_version, type, payload, created_at, trace_parent,"
                + "   sum(coalesce(octet_length(payload), 0)) OVER (ORDER BY id) AS upto,"
                + "   row_number() OVER (ORDER BY id) AS position, count(*) OVER () AS candidates"
                + "   FROM (SELECT * FROM outbox_events WHERE slot = ? ORDER BY id LIMIT ?) AS first_rows) AS sized"
                + " WHERE position = 1 OR upto <= ? ORDER BY id";
        List<OutboxRecord> rows = new ArrayList<>(Math.min(limit, 1_000));
        long candidates = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, slot);
            statement.setInt(2, limit);
            statement.setLong(3, maxBytes);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRecord(result.getLong(1), result.getObject(2, UUID.class),
                            result.getObject(3, UUID.class), result.getLong(4), result.getString(5),
                            result.getBytes(6), result.getTimestamp(7).toInstant(), result.getString(9)));
                    candidates = result.getLong(8);
                }
            }
        }
        return new Batch(rows, candidates == limit || rows.size() < candidates);
    }

    private static void delete(Connection connection, List<Long> rowIds) throws SQLException {
        if (rowIds.isEmpty()) {
            return;
        }
        Long[] ids = rowIds.toArray(Long[]::new);
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM outbox_events WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", ids);
            statement.setArray(1, array);
            int deleted = statement.executeUpdate();
            if (deleted != ids.length) {
                // Only this slot's lock holder deletes its rows: anything else is a broken invariant.
                throw new IllegalStateException("deleted " + deleted + " outbox rows, expected " + ids.length);
            }
        }
    }
}
