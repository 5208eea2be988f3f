package dev.podclip.clip.browse;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringValueTest {

    static final long MAX_AGE_NS = 1_000;

    private final AtomicLong now = new AtomicLong();
    private final ExpiringValue<String> value = new ExpiringValue<>(now::get);
    private final AtomicInteger builds = new AtomicInteger();

    private String build() {
        return "v" + builds.incrementAndGet();
    }

    @Test
    void keptUntilItExpires() {
        assertThat(value.get(MAX_AGE_NS, this::build)).isEqualTo("v1");
        now.set(MAX_AGE_NS - 1);
        assertThat(value.get(MAX_AGE_NS, this::build)).isEqualTo("v1");
        now.set(MAX_AGE_NS);
        assertThat(value.get(MAX_AGE_NS, this::build)).isEqualTo("v2");
    }

    @Test
    void noAgeBuildsEveryTime() {
        assertThat(value.get(0, this::build)).isEqualTo("v1");
        assertThat(value.get(0, this::build)).isEqualTo("v2");
    }

    @Test
    void whileOneCallerRebuildsAnExpiredValueTheOthersGetTheOldOne() throws Exception {
        value.get(MAX_AGE_NS, this::build);
        now.set(MAX_AGE_NS);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> rebuilding = CompletableFuture.supplyAsync(() -> value.get(MAX_AGE_NS, () -> {
            started.countDown();
            await(release);
            return build();
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(value.get(MAX_AGE_NS, this::build)).isEqualTo("v1");
        }
        release.countDown();
        assertThat(rebuilding.get(5, TimeUnit.SECONDS)).isEqualTo("v2");
        assertThat(value.get(MAX_AGE_NS, this::build)).isEqualTo("v2");
        assertThat(builds).hasValue(2);
    }

    @Test
    void afterADropCallersWaitForANewValueAndOneBuiltAcrossTheDropIsNotKept() throws Exception {
        value.get(MAX_AGE_NS, this::build);
        value.drop();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> value.get(MAX_AGE_NS, () -> {
            started.countDown();
            await(release);
            return build();
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> value.get(MAX_AGE_NS, this::build));
        Thread.sleep(50);
        assertThat(waiting).isNotDone();
        value.drop();
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("v2");
        // The value the first caller built began before the second drop: the waiting caller builds its own.
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("v3");
        assertThat(value.get(MAX_AGE_NS, this::build)).isEqualTo("v3");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
