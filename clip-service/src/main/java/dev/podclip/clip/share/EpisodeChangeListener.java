package dev.podclip.clip.share;

import dev.podclip.clip.events.EpisodeEventApplier;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * Invalidates the share cache when the read model changes an episode. The event consumer NOTIFYs channel
 * {@value #CHANNEL} with {@code <episodeId>:<version>} in the transaction that applied the event, so the
 * notification arrives after the commit; this listener holds its own connection (outside the pool) and LISTENs.
 *
 * <p>After a (re)connect everything cached is dropped: notifications sent while no one listened are lost.
 */
@ApplicationScoped
public class EpisodeChangeListener {

    public static final String CHANNEL = EpisodeEventApplier.CHANNEL;
    private static final Logger LOG = Logger.getLogger(EpisodeChangeListener.class);
    /** The longest a payload can be: a UUID, a colon and a long. */
    static final int MAX_PAYLOAD_CHARS = 36 + 1 + 20;

    private final ShareCache cache;
    private final ShareConfig config;
    private final String jdbcUrl;
    private final String user;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    @Inject
    public EpisodeChangeListener(ShareCache cache, ShareConfig config,
                                 @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                                 @ConfigProperty(name = "quarkus.datasource.username") String user,
                                 @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!config.listenForChanges()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "clip-share-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2L * config.listenPollMs() + 1_000);
        }
    }

    /** Whether the listener is connected and listening (tests wait for it). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password.orElse(""))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                cache.invalidateAll();
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(config.listenPollMs());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            apply(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    LOG.warnf("share cache listener lost PostgreSQL (%s); retrying in %d ms", e.getMessage(),
                            config.listenRetryMs());
                    sleep(config.listenRetryMs());
                }
            } finally {
                listening = false;
            }
        }
    }

    void apply(String payload) {
        Change change = parse(payload);
        if (change == null) {
            // A payload we cannot read still says something changed: be correct rather than fast.
            LOG.warnf("unreadable %s payload %s; dropping the whole share cache", CHANNEL, payload);
            cache.invalidateAll();
            return;
        }
        cache.episodeChanged(change.episodeId(), change.version());
    }

    record Change(UUID episodeId, long version) {
    }

    /** {@code <episodeId>:<version>}, or null when unreadable. */
    static Change parse(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS) {
            return null;
        }
        int colon = payload.lastIndexOf(':');
        try {
            if (colon < 0) {
                return new Change(UUID.fromString(payload.trim()), Long.MAX_VALUE);
            }
            return new Change(UUID.fromString(payload.substring(0, colon).trim()),
                    Long.parseLong(payload.substring(colon + 1).trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
