package dev.podclip.support.db;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether this service can use its database, known at every moment. A background probe runs every
 * {@code podclip.database.probe-interval-ms}: first {@code SELECT 1} on a dedicated connection with short socket and
 * login timeouts (a dead database, a restart or a cut network shows within seconds, whatever the pool's connections
 * are stuck in), then {@code SELECT 1} through the service's own pool (an exhausted pool, every connection stuck,
 * shows as a probe that does not come back within {@code podclip.database.probe-stall-ms}). {@link DatabaseReadiness}
 * answers from the last probe at once, never by waiting on the database; workers ask {@link #available()} before
 * retrying.
 *
 * <p>An outage is one WARN line when it starts and one INFO line with its length when it ends, a gauge
 * {@code podclip_database_available} and a counter {@code podclip_database_outages_total}: not a line per request.
 */
@ApplicationScoped
public class DatabaseProbe {

    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class);
    /** Seconds the dedicated connection may wait for a connection, a login or an answer. */
    static final int DIRECT_TIMEOUT_S = 2;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "podclip.database.probe-interval-ms", defaultValue = "1000")
    long intervalMs;
    /** The pooled probe's bound: acquisition (the pool's own timeout) plus the statement. */
    @ConfigProperty(name = "podclip.database.probe-stall-ms", defaultValue = "8000")
    long stallMs;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final Object lock = new Object();
    private ScheduledExecutorService probes;
    private Counter outages;
    private Connection direct;
    /** Null until the first probe answered. */
    private volatile Boolean available;
    private volatile String reason = "not probed yet";
    private volatile long changedAtMs = System.currentTimeMillis();
    private volatile long probeStartedAtMs;
    private volatile long probeEndedAtMs;

    void onStart(@Observes StartupEvent start) {
        if (intervalMs < 10 || stallMs < intervalMs) {
            throw new IllegalStateException("podclip.database.probe-interval-ms must be ≥ 10 and below probe-stall-ms");
        }
        outages = Counter.builder("podclip.database.outages")
                .description("Times the database became unavailable to this instance").register(registry);
        Gauge.builder("podclip.database.available", this, p -> p.available() ? 1 : 0)
                .description("1 while the last database probe succeeded").register(registry);
        probes = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-probe");
            thread.setDaemon(true);
            return thread;
        });
        probes.scheduleWithFixedDelay(this::probe, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (probes != null) {
            probes.shutdownNow();
        }
        closeDirect();
    }

    /** True while the last probe succeeded and is recent; what callers ask before deciding "retry later". */
    public boolean available() {
        return Boolean.TRUE.equals(available) && !stalled(System.currentTimeMillis());
    }

    /** Why the database counts as unavailable (or "ok"). */
    public String reason() {
        return available() ? "ok" : stalled(System.currentTimeMillis()) ? "probe through the pool stalled" : reason;
    }

    /** When the database last changed between available and unavailable (or the service started). */
    public Instant since() {
        return Instant.ofEpochMilli(changedAtMs);
    }

    private boolean stalled(long nowMs) {
        long started = probeStartedAtMs;
        return started > probeEndedAtMs && nowMs - started > stallMs;
    }

    void probe() {
        probeStartedAtMs = System.currentTimeMillis();
        String failure;
        try {
            failure = probeDirect();
            if (failure == null) {
                failure = probePool();
            }
        } finally {
            probeEndedAtMs = System.currentTimeMillis();
        }
        record(failure);
    }

    /** {@code SELECT 1} on the dedicated connection (made again after a failure); null when it answered. */
    private String probeDirect() {
        try {
            if (direct == null || direct.isClosed()) {
                direct = connectDirect();
            }
            try (Statement statement = direct.createStatement()) {
                statement.execute("SELECT 1");
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            closeDirect();
            return describe(e);
        }
    }

    private String probePool() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(DIRECT_TIMEOUT_S);
            statement.execute("SELECT 1");
            return null;
        } catch (SQLException | RuntimeException e) {
            return "pool: " + describe(e);
        }
    }

    private Connection connectDirect() throws SQLException {
        Properties props = new Properties();
        user.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("connectTimeout", Integer.toString(DIRECT_TIMEOUT_S));
        props.setProperty("loginTimeout", Integer.toString(DIRECT_TIMEOUT_S));
        props.setProperty("socketTimeout", Integer.toString(DIRECT_TIMEOUT_S));
        props.setProperty("ApplicationName", "database-probe");
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl, props);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + jdbcUrl);
        }
        return connection;
    }

    private void closeDirect() {
        if (direct != null) {
            try {
                direct.close();
            } catch (SQLException e) {
                // a broken connection is what we are dropping
            }
            direct = null;
        }
    }

    private void record(String failure) {
        synchronized (lock) {
            long nowMs = System.currentTimeMillis();
            boolean up = failure == null;
            Boolean before = available;
            if (before != null && before == up) {
                if (!up) {
                    reason = failure;
                }
                return;
            }
            long lastedMs = nowMs - changedAtMs;
            available = up;
            reason = up ? "ok" : failure;
            changedAtMs = nowMs;
            if (!up) {
                outages.increment();
                LOG.warnf("database unavailable (%s); readiness is down until it answers again", failure);
            } else if (before != null) {
                LOG.infof("database available again after %d ms", lastedMs);
            }
        }
    }

    static String describe(Throwable e) {
        String state = SqlFailures.sqlState(e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return state == null ? message : state + ": " + message;
    }
}
