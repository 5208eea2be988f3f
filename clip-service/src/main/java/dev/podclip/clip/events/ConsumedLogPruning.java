package dev.podclip.clip.events;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.db.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Deletes consumed-event log rows older than {@code clip.events.consumed-log-retention-days}. Safe because the version
 * rule alone turns a replayed old event into "stale"; the log only makes exact duplicates cheap to spot. Runs on
 * every instance; concurrent runs delete disjoint or already-deleted rows.
 */
@ApplicationScoped
public class ConsumedLogPruning {

    private static final Logger LOG = Logger.getLogger(ConsumedLogPruning.class);
    /** Rows deleted per transaction, so one run never holds long locks. */
    static final int BATCH_ROWS = 10_000;
    /** Batches per run; the rest waits for the next run. */
    static final int MAX_BATCHES_PER_RUN = 100;

    @Inject
    ClipConfig config;
    @Inject
    Database db;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        long total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> db.call(c -> Jdbc.update(c,
                    "DELETE FROM clip_consumed_event WHERE event_id IN (SELECT event_id FROM clip_consumed_event"
                            + " WHERE consumed_at < now() - make_interval(days => ?) LIMIT ?)",
                    config.events().consumedLogRetentionDays(), BATCH_ROWS)));
            total += deleted;
            if (deleted < BATCH_ROWS) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("pruned %d consumed-event rows older than %d days", total,
                    config.events().consumedLogRetentionDays());
        }
    }
}
