package dev.podclip.catalog.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prometheus metrics of the outbox: {@code catalog_events_published_total}, {@code catalog_publish_failures_total},
 * {@code catalog_outbox_backlog_rows}, {@code catalog_outbox_oldest_age_seconds}, {@code catalog_outbox_parked_total}
 * (rows parked since start) and {@code catalog_outbox_parked_waiting_rows} (rows waiting in the parked table). The gauges read the table at
 * most once per {@link #GAUGE_CACHE_MS}, whoever scrapes. Made at start-up so the gauges exist before the first publish.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    static final long GAUGE_CACHE_MS = 1_000;

    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final AgroalDataSource dataSource;
    private long readAtMs;
    private double backlogRows;
    private double oldestAgeSeconds;
    private double parkedRows;

    @Inject
    OutboxMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.published = Counter.builder("catalog.events.published")
                .description("Outbox records Kafka acknowledged (events and tombstones)").register(registry);
        this.failures = Counter.builder("catalog.publish.failures")
                .description("Relay batches stopped by a failed send").register(registry);
        this.parked = Counter.builder("catalog.outbox.parked")
                .description("Outbox rows the broker refused for good, moved to outbox_parked").register(registry);
        Gauge.builder("catalog.outbox.parked.waiting", this, OutboxMetrics::parkedRows).baseUnit("rows")
                .description("Rows waiting in outbox_parked for an operator's replay").register(registry);
        Gauge.builder("catalog.outbox.backlog", this, OutboxMetrics::backlogRows).baseUnit("rows")
                .description("Outbox rows waiting to be published").register(registry);
        Gauge.builder("catalog.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row (0 when empty)").register(registry);
    }

    void published(int rows) {
        published.increment(rows);
    }

    void failed() {
        failures.increment();
    }

    void parked() {
        parked.increment();
    }

    synchronized double parkedRows() {
        refresh();
        return parkedRows;
    }

    synchronized double backlogRows() {
        refresh();
        return backlogRows;
    }

    synchronized double oldestAgeSeconds() {
        refresh();
        return oldestAgeSeconds;
    }

    private void refresh() {
        long nowMs = System.currentTimeMillis();
        if (nowMs - readAtMs < GAUGE_CACHE_MS) {
            return;
        }
        readAtMs = nowMs;
        String sql = "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0),"
                + " (SELECT count(*) FROM outbox_parked) FROM outbox_events";
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            backlogRows = result.getLong(1);
            oldestAgeSeconds = Math.max(0, result.getDouble(2));
            parkedRows = result.getLong(3);
        } catch (SQLException e) {
            backlogRows = Double.NaN;
            oldestAgeSeconds = Double.NaN;
            parkedRows = Double.NaN;
        }
    }
}
