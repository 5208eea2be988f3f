package dev.podclip.clip.chapters;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.clip.problem.ClipServiceProblems;
import dev.podclip.support.problem.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * This instance's fan-out of chapter changes to its stream subscribers. Changes arrive from PostgreSQL
 * ({@link ChangeListener}), so every instance sees every change, whichever instance consumed the event.
 */
@ApplicationScoped
public class ChapterChanges {

    /**
     * Changes one slow subscriber may fall behind before its stream fails (the client reconnects and re-reads).
     * Changes come in bursts: every consumer member's batch commits up to poll-max-records (200) notifications at
     * once, and a stream writes one event per socket write. 256 dropped a loopback client at 1,000 changes/s; 4,096
     * rides out ten full batches; the buffers hold references to the shared changes (~64 KB per stream at worst).
     */
    static final int MAX_BUFFERED_CHANGES = 4_096;

    private final BroadcastProcessor<ChapterChange> processor = BroadcastProcessor.create();
    /** Gaps: the LISTEN connection was lost and re-established, so changes in between were never heard. */
    private final BroadcastProcessor<Long> gaps = BroadcastProcessor.create();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> perClient =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    ClipConfig config;
    @Inject
    MeterRegistry registry;

    @PostConstruct
    void registerMetrics() {
        Gauge.builder("clip.sse.streams", subscribers, AtomicInteger::get)
                .description("Change streams (server-sent events) open on this instance").register(registry);
    }

    /** Called by the listener thread only (a processor takes one producer at a time). */
    synchronized void publish(ChapterChange change) {
        processor.onNext(change);
    }

    /** Called by the listener thread after a reconnect: every subscriber must re-read what it shows. */
    synchronized void gap(long gapMs) {
        gaps.onNext(gapMs);
    }

    /** Each gap in the notifications (its length in ms), for streams to tell their clients to resync. */
    public Multi<Long> gaps() {
        return gaps.onOverflow().drop();
    }

    /**
     * Reserves a subscriber slot for {@code client}; the returned stream frees it when it terminates or is cancelled.
     *
     * @throws ProblemException 429 when this client already holds its limit of streams, 503 when this instance
     *                          already serves its limit
     */
    public Multi<ChapterChange> subscribe(String client) {
        int limit = config.sse().maxPerClient();
        boolean[] refused = {false};
        perClient.compute(client, (key, held) -> {
            int now = held == null ? 0 : held;
            refused[0] = now >= limit;
            return refused[0] ? held : now + 1;
        });
        if (refused[0]) {
            throw new ProblemException(ClipServiceProblems.TOO_MANY_STREAMS, 429,
                    "This client holds its limit of " + limit + " change streams; close one first").retryAfter(5);
        }
        int now = subscribers.incrementAndGet();
        if (now > config.sse().maxSubscribers()) {
            subscribers.decrementAndGet();
            release(client);
            throw new ProblemException(ClipServiceProblems.TOO_MANY_STREAMS, 503,
                    "This instance serves its limit of " + config.sse().maxSubscribers()
                            + " change streams; retry later or on another instance").retryAfter(5);
        }
        return processor.onOverflow().buffer(MAX_BUFFERED_CHANGES).onTermination().invoke(() -> {
            subscribers.decrementAndGet();
            release(client);
        });
    }

    private void release(String client) {
        perClient.computeIfPresent(client, (key, held) -> held <= 1 ? null : held - 1);
    }

    public int subscriberCount() {
        return subscribers.get();
    }
}
