package dev.podclip.clip.share;

import dev.podclip.clip.chapters.ChangeListener;
import dev.podclip.clip.events.EpisodeEventApplier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Invalidates the share cache when the read model changes an episode. The event consumer NOTIFYs channel
 * {@value #CHANNEL} with {@code <episodeId>:<version>} in the transaction that applied the event, so the
 * notification arrives after the commit; this instance's {@link ChangeListener} LISTENs once for everyone and hands
 * each payload here.
 *
 * <p>After the listener (re)connects everything cached is dropped: notifications sent while no one listened are lost.
 */
@ApplicationScoped
public class EpisodeChangeListener {

    public static final String CHANNEL = EpisodeEventApplier.CHANNEL;
    private static final Logger LOG = Logger.getLogger(EpisodeChangeListener.class);
    /** The longest a payload can be: a UUID, a colon and a long. */
    static final int MAX_PAYLOAD_CHARS = 36 + 1 + 20;

    private final ShareCache cache;
    private final ShareConfig config;
    private final ChangeListener listener;

    @Inject
    public EpisodeChangeListener(ShareCache cache, ShareConfig config, ChangeListener listener) {
        this.cache = cache;
        this.config = config;
        this.listener = listener;
    }

    void onConnected(@Observes ChangeListener.Connected connected) {
        if (config.listenForChanges()) {
            cache.invalidateAll();
        }
    }

    void onNotice(@Observes ChangeListener.Notice notice) {
        if (config.listenForChanges()) {
            apply(notice.payload());
        }
    }

    /** Whether changes reach the cache now (tests wait for it). */
    public boolean listening() {
        return config.listenForChanges() && listener.listening();
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
}
