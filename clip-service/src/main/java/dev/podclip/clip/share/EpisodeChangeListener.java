package dev.podclip.clip.share;

import dev.podclip.clip.chapters.ChangeListener;
import dev.podclip.clip.chapters.ChapterChange;
import dev.podclip.clip.events.EpisodeEventApplier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Invalidates the share cache when the read model changes an episode. The event consumer NOTIFYs channel
 * {@value #CHANNEL} with {@link ChapterChange#payload()} in the transaction that applied the event, so the
 * notification arrives after the commit; this instance's {@link ChangeListener} LISTENs once for everyone and hands
 * each payload here.
 *
 * <p>After the listener (re)connects everything cached is dropped: notifications sent while no one listened are lost.
 */
@ApplicationScoped
public class EpisodeChangeListener {

    public static final String CHANNEL = EpisodeEventApplier.CHANNEL;
    private static final Logger LOG = Logger.getLogger(EpisodeChangeListener.class);

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
        ChapterChange change = ChapterChange.parse(payload);
        if (change == null) {
            // A payload we cannot read still says something changed: be correct rather than fast.
            LOG.warnf("unreadable %s payload %s; dropping the whole share cache", CHANNEL, payload);
            cache.invalidateAll();
            return;
        }
        cache.episodeChanged(change.episodeId(), change.version());
    }
}
