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
 * Kafka acknowledged them (at least once); a failure ends the slot's batch, leaves the failed rows (and every later
 * row of their episodes) for the next pass, and pauses the relay with exponential backoff. Runs every
 * {@code catalog.relay.interval} (its own timer thread: Quarkus' simple scheduler does not go below one second) and
 * right after a commit that wrote rows.
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

    private final ReentrantLock passLock = new ReentrantLock();
    private final AtomicBoolean nudgePending = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> daemon(runnable,
            "catalog-outbox-nudge"));
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable ->
            daemon(runnable, "catalog-outbox-relay"));
    private volatile long pausedUntilNs = System.nanoTime();
    private volatile boolean paused;
    private int consecutiveFailures;

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
            if (!config.relay().enabled() || paused || !topic.ready() || System.nanoTime() - pausedUntilNs < 0) {
                return 0;
            }
            int published = 0;
            for (int slot = 0; slot < config.relay().slots(); slot++) {
                for (int batch = 0; batch < MAX_BATCHES_PER_SLOT_PASS; batch++) {
                    SlotPass pass = publishSlot(slot);
                    published += pass.published();
                    if (pass.failed()) {
                        backOff();
                        return published;
                    }
                    if (!pass.full()) {
                        break;
                    }
                }
            }
            consecutiveFailures = 0;
            return published;
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox relay pass failed");
            backOff();
            return 0;
        } finally {
            passLock.unlock();
        }
    }

    /**
     * @param published rows acknowledged and deleted
     * @param full      the batch was full: more rows may wait
     * @param failed    a row could not be published
     */
    record SlotPass(int published, boolean full, boolean failed) {
    }

    private SlotPass publishSlot(int slot) {
        int batchSize = config.relay().batchSize();
        return QuarkusTransaction.requiringNew().timeout(SLOT_TRANSACTION_TIMEOUT_S).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!tryLock(connection, slot)) {
                    return new SlotPass(0, false, false);
                }
                List<OutboxRecord> rows = oldest(connection, slot, batchSize);
                if (rows.isEmpty()) {
                    return new SlotPass(0, false, false);
                }
                EventPublisher.Delivery delivery = publisher.publish(rows);
                int published = delivery.ackedIds().size();
                delete(connection, delivery.ackedIds());
                metrics.published(published);
                if (delivery.failure() != null) {
                    metrics.failed();
                    LOG.warnf("slot %d: published %d of %d rows, then: %s", slot, published, rows.size(),
                            delivery.failure().toString());
                }
                return new SlotPass(published, rows.size() == batchSize, delivery.failure() != null);
            }
        });
    }

    private void backOff() {
        consecutiveFailures = Math.min(consecutiveFailures + 1, 30);
        long minMs = config.relay().backoffMin().toMillis();
        long maxMs = config.relay().backoffMax().toMillis();
        long pauseMs = Math.min(maxMs, minMs << Math.min(consecutiveFailures - 1, 20));
        pausedUntilNs = System.nanoTime() + pauseMs * 1_000_000L;
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

    private static List<OutboxRecord> oldest(Connection connection, int slot, int limit) throws SQLException {
        String sql = "SELECT id, event_id, episode_id, episode_version, type, payload, created_at FROM outbox_events"
                + " WHERE slot = ? ORDER BY id LIMIT ?";
        List<OutboxRecord> rows = new ArrayList<>(limit);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, slot);
            statement.setInt(2, limit);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRecord(result.getLong(1), result.getObject(2, UUID.class),
                            result.getObject(3, UUID.class), result.getLong(4), result.getString(5),
                            result.getBytes(6), result.getTimestamp(7).toInstant()));
                }
            }
        }
        return rows;
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
