package dev.podclip.support.kafka;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a service's topics exist, on a thread of its own, trying again after each failure until they do. This
 * is the one way both services create topics: start-up and the threads that publish or consume never wait for a
 * broker that is down (creating a topic blocks up to {@link KafkaTopics#CREATE_TIMEOUT}), and {@link #ready()} says
 * whether the topics are known to be in place, for readiness and for whoever must not publish before.
 */
public final class TopicKeeper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicKeeper.class);

    private final String what;
    private final Runnable ensure;
    private final long retryMs;
    private final ScheduledExecutorService attempts;
    private volatile boolean ready;

    private TopicKeeper(String what, Runnable ensure, Duration retryInterval) {
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("retry interval must be positive: " + retryInterval);
        }
        this.what = what;
        this.ensure = ensure;
        this.retryMs = retryInterval.toMillis();
        this.attempts = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "topic-keeper " + what);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts trying at once. {@code ensure} creates what is missing and throws a {@link RuntimeException} when it
     * cannot yet (as {@link KafkaTopics#ensure} does); {@code what} names the topics in logs and the thread's name.
     */
    public static TopicKeeper start(String what, Duration retryInterval, Runnable ensure) {
        TopicKeeper keeper = new TopicKeeper(what, ensure, retryInterval);
        keeper.attempts.execute(keeper::attempt);
        return keeper;
    }

    /** Whether the topics have been created or found; once true, it stays true. */
    public boolean ready() {
        return ready;
    }

    @Override
    public void close() {
        attempts.shutdownNow();
    }

    private void attempt() {
        try {
            ensure.run();
            ready = true;
            LOG.infof("%s in place", what);
        } catch (RuntimeException e) {
            LOG.warnf("%s not in place yet (%s); trying again in %d ms", what, e.getMessage(), retryMs);
            try {
                attempts.schedule(this::attempt, retryMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                LOG.debugf("%s: closed while retrying", what);
            }
        }
    }
}
