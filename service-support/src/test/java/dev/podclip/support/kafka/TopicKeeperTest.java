package dev.podclip.support.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicKeeperTest {

    private static final Duration RETRY = Duration.ofMillis(20);

    @Test
    void triesAgainAfterEachFailureUntilTheTopicsAreInPlace() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch thirdAttempt = new CountDownLatch(1);
        try (TopicKeeper keeper = TopicKeeper.start("test topics", RETRY, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("broker down");
            }
            thirdAttempt.countDown();
        })) {
            assertThat(thirdAttempt.await(5, TimeUnit.SECONDS)).isTrue();
            awaitReady(keeper);
            Thread.sleep(RETRY.toMillis() * 5);
            assertThat(attempts).hasValue(3);
        }
    }

    @Test
    void isNotReadyWhileTheBrokerRefuses() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        try (TopicKeeper keeper = TopicKeeper.start("test topics", RETRY, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("broker down");
        })) {
            Thread.sleep(RETRY.toMillis() * 10);
            assertThat(keeper.ready()).isFalse();
            assertThat(attempts.get()).isGreaterThan(1);
        }
    }

    @Test
    void stopsTryingOnceClosed() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        TopicKeeper keeper = TopicKeeper.start("test topics", RETRY, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("broker down");
        });
        Thread.sleep(RETRY.toMillis() * 3);
        keeper.close();
        Thread.sleep(RETRY.toMillis() * 2);
        int afterClose = attempts.get();
        Thread.sleep(RETRY.toMillis() * 5);
        assertThat(attempts).hasValue(afterClose);
    }

    @Test
    void refusesAnIntervalThatWouldSpin() {
        assertThatThrownBy(() -> TopicKeeper.start("test topics", Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitReady(TopicKeeper keeper) throws InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!keeper.ready() && System.nanoTime() < deadlineNs) {
            Thread.sleep(5);
        }
        assertThat(keeper.ready()).isTrue();
    }
}
