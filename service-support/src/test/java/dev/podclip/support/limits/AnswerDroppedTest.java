package dev.podclip.support.limits;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerHttpRequest;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;
import org.jboss.resteasy.reactive.spi.ThreadSetupAction;
import org.jboss.threads.EnhancedQueueExecutor;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finished request lets go of its answer, though the worker thread that was started for it keeps the request
 * reachable while it lives (ResponseBudget: otherwise the memory outlives the reservation).
 */
class AnswerDroppedTest {

    static final int ANSWER_BYTES = 10 * 1024 * 1024;
    static final Duration COLLECT_TIMEOUT = Duration.ofSeconds(5);

    /** A REST request that runs its handlers and closes, with no HTTP around it. */
    static final class Request extends ResteasyReactiveRequestContext {
        Request(ServerRestHandler handler) {
            super(null, ThreadSetupAction.NOOP, new ServerRestHandler[] {handler}, new ServerRestHandler[0]);
        }

        @Override
        public ServerHttpRequest serverRequest() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerHttpResponse serverResponse() {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Executor getEventLoop() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Runnable registerTimer(long millis, Runnable task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean resumeExternalProcessing() {
            return false;
        }
    }

    @Test
    void theThreadStartedForARequestDoesNotKeepItsAnswer() throws InterruptedException {
        EnhancedQueueExecutor workers = new EnhancedQueueExecutor.Builder().setCorePoolSize(1)
                .setMaximumPoolSize(1).build();
        AtomicReference<WeakReference<byte[]>> answer = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        workers.execute(new Request(request -> {
            byte[] page = new byte[ANSWER_BYTES];
            answer.set(new WeakReference<>(page));
            request.setResult(page);
            AnswerDropped.whenDone(request, done::incrementAndGet);
        }));
        try {
            assertThat(collected(answer)).as("the answer outlives its request").isTrue();
            assertThat(done).hasValue(1);
        } finally {
            workers.shutdown();
        }
    }

    @Test
    void outsideARestRequestItRunsAtOnce() {
        AtomicInteger done = new AtomicInteger();
        AnswerDropped.whenDone(null, done::incrementAndGet);
        AnswerDropped.whenDone("not a request", done::incrementAndGet);

        assertThat(done).hasValue(2);
    }

    /** Whether the weakly held answer is collected within {@link #COLLECT_TIMEOUT}, asking for collections meanwhile. */
    private static boolean collected(AtomicReference<WeakReference<byte[]>> answer) throws InterruptedException {
        Instant deadline = Instant.now().plus(COLLECT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            WeakReference<byte[]> reference = answer.get();
            if (reference != null && reference.get() == null) {
                return true;
            }
            System.gc();
            Thread.sleep(50);
        }
        return false;
    }
}
