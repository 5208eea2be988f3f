package dev.podclip.clip.chapters;

import dev.podclip.support.tracing.TraceParents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import dev.podclip.clip.config.ClipConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * This instance's one LISTEN on {@code chapters_changed}, over a dedicated JDBC connection (not a pooled one: it is
 * held forever). Hands every change to {@link ChapterChanges} (the streams) and fires {@link Notice} for every payload
 * and {@link Connected} after every (re)connect as CDI events, so other readers of the channel (the share-page cache)
 * need no connection of their own. Reconnects after failures; notifications sent while it was disconnected are lost:
 * observers learn of it from {@link Connected}, and streams send their clients a {@code resync} event
 * ({@link ChapterChanges#gap}).
 */
@ApplicationScoped
public class ChangeListener {

    /**
     * The PostgreSQL channel every instance LISTENs on; payload {@link ChapterChange#payload()}. The applier
     * notifies on it in the transaction that applied an event.
     */
    public static final String CHANNEL = "chapters_changed";

    /** One notification's payload as sent ({@link ChapterChange#payload()}), fired on the listener thread. */
    public record Notice(String payload) {
    }

    /** The listener has (re)connected: anything sent before may have been missed. */
    public record Connected() {
    }

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** Seconds a connection attempt may take. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    @Inject
    ClipConfig config;
    @Inject
    ChapterChanges changes;
    @Inject
    Event<Notice> notices;
    @Inject
    Event<Connected> connections;
    @Inject
    Tracer tracer;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "clip-chapters-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean listening() {
        return listening;
    }

    /**
     * Pushes a change to this instance's streams; a traced change (its payload names the apply's span) is pushed in
     * a span of that trace, so the trace of a catalog write ends where its change reached the streams.
     */
    private void publish(ChapterChange change) {
        if (change.traceParent() == null) {
            changes.publish(change);
            return;
        }
        Span span = TraceParents.start(tracer, "push " + CHANNEL, SpanKind.CONSUMER, change.traceParent());
        span.setAttribute("podclip.episode.id", change.episodeId().toString());
        span.setAttribute("podclip.episode.version", change.version());
        try (Scope ignored = span.makeCurrent()) {
            changes.publish(change);
        } finally {
            span.end();
        }
    }

    private void run() {
        long lostAtMs = 0; // when the previous connection was lost; 0 before the first one
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                connections.fire(new Connected());
                if (lostAtMs != 0) {
                    long gapMs = System.currentTimeMillis() - lostAtMs;
                    LOG.infof("LISTEN %s again after %d ms; streams are told to resync", CHANNEL,
                            gapMs);
                    changes.gap(gapMs);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) config.sse().listenPollMs());
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        ChapterChange change = ChapterChange.parse(notification.getParameter());
                        if (change != null) {
                            publish(change);
                        }
                        notices.fire(new Notice(notification.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running && (listening || lostAtMs == 0)) {
                    LOG.warnf("LISTEN %s failed (%s); reconnecting every %d ms", CHANNEL,
                            e.getMessage(), config.sse().listenReconnectMs());
                }
            } finally {
                if (listening || lostAtMs == 0) {
                    lostAtMs = System.currentTimeMillis();
                }
                listening = false;
            }
            pause(config.sse().listenReconnectMs());
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        user.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "clip-service-listener");
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl, props);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + jdbcUrl);
        }
        connection.setAutoCommit(true);
        return connection;
    }

    private void pause(long ms) {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
