package dev.podclip.clip.search;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.podclip.clip.search.SearchViews.EpisodeRef;
import dev.podclip.clip.search.SearchViews.Hit;
import dev.podclip.clip.search.SearchViews.Results;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchCacheTest {

    static final Duration TTL = Duration.ofSeconds(60);
    final AtomicLong nowNs = new AtomicLong();
    final Ticker ticker = nowNs::get;
    final AtomicBoolean listening = new AtomicBoolean(true);
    final AtomicInteger statements = new AtomicInteger();

    SearchCache cache(long maxBytes) {
        return new SearchCache(maxBytes, TTL, listening::get, ticker);
    }

    /** A search that counts its statements and answers a page naming how many ran before it. */
    Supplier<Results> search(String query) {
        return () -> results(query, statements.incrementAndGet());
    }

    static Results results(String query, int hits) {
        List<Hit> list = java.util.stream.IntStream.range(0, hits).mapToObj(i -> new Hit(
                new EpisodeRef(UUID.randomUUID(), "Episode"), null, "notes", i, "snippet", "<mark>snippet</mark>", 1,
                "/e/x?t=0,30", "/episodes/x?t=0")).toList();
        return new Results(query, 0, 10, hits, Results.TOTAL_EXACT, list);
    }

    @Test
    void aRepeatedSearchIsAnsweredWithoutAStatement() {
        SearchCache cache = cache(1 << 20);
        Results first = cache.get("sqlite", 0, 10, search("sqlite"));
        assertThat(cache.get("sqlite", 0, 10, search("sqlite"))).isSameAs(first);
        assertThat(statements).hasValue(1);
        cache.get("sqlite", 1, 10, search("sqlite"));
        cache.get("sqlite", 0, 20, search("sqlite"));
        cache.get("SQLite", 0, 10, search("SQLite"));
        assertThat(statements).as("page, size and query each make a key").hasValue(4);
    }

    @Test
    void aChangeOrAReconnectDropsEveryPage() {
        SearchCache cache = cache(1 << 20);
        cache.get("sqlite", 0, 10, search("sqlite"));
        cache.onNotice(null);
        assertThat(cache.get("sqlite", 0, 10, search("sqlite")).total()).isEqualTo(2);
        cache.onConnected(null);
        assertThat(cache.get("sqlite", 0, 10, search("sqlite")).total()).isEqualTo(3);
    }

    @Test
    void nothingIsCachedWhileTheListenerIsDownOrWhenTheCacheIsOff() {
        SearchCache cache = cache(1 << 20);
        listening.set(false);
        cache.get("sqlite", 0, 10, search("sqlite"));
        cache.get("sqlite", 0, 10, search("sqlite"));
        assertThat(statements).hasValue(2);
        listening.set(true);
        SearchCache off = cache(0);
        off.get("sqlite", 0, 10, search("sqlite"));
        off.get("sqlite", 0, 10, search("sqlite"));
        assertThat(statements).hasValue(4);
    }

    @Test
    void pagesExpireAfterTheirTime() {
        SearchCache cache = cache(1 << 20);
        cache.get("sqlite", 0, 10, search("sqlite"));
        nowNs.addAndGet(TTL.toNanos() - 1);
        cache.get("sqlite", 0, 10, search("sqlite"));
        assertThat(statements).hasValue(1);
        nowNs.addAndGet(1);
        cache.get("sqlite", 0, 10, search("sqlite"));
        assertThat(statements).hasValue(2);
    }

    @Test
    void aFailedSearchIsThrownAndNotKept() {
        SearchCache cache = cache(1 << 20);
        IllegalStateException down = new IllegalStateException("database down");
        assertThatThrownBy(() -> cache.get("sqlite", 0, 10, () -> {
            throw down;
        })).isSameAs(down);
        cache.get("sqlite", 0, 10, search("sqlite"));
        assertThat(statements).hasValue(1);
    }

    @Test
    void callersOfAKeyInFlightWaitForItsOneStatement() throws Exception {
        SearchCache cache = cache(1 << 20);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Results> first = searchHeldUntil(cache, release);
        CompletableFuture<Results> second = CompletableFuture.supplyAsync(() -> cache.get("sqlite", 0, 10,
                search("sqlite")));
        Thread.sleep(50);
        assertThat(second).isNotDone();
        release.countDown();
        assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
        assertThat(statements).hasValue(1);
    }

    @Test
    void aPageComputedAcrossAChangeIsNotAnsweredAfterIt() throws Exception {
        SearchCache cache = cache(1 << 20);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Results> before = searchHeldUntil(cache, release);
        cache.onNotice(null);
        release.countDown();
        assertThat(before.get(10, TimeUnit.SECONDS).total()).isEqualTo(1);
        assertThat(cache.get("sqlite", 0, 10, search("sqlite")).total()).isEqualTo(2);
    }

    @Test
    void memoryIsBoundedByTheEstimatedSizeOfThePages() {
        int pageBytes = SearchCache.weightBytes(results("q000", 10));
        assertThat(pageBytes).isBetween(SearchCache.PAGE_OVERHEAD_BYTES + 10 * SearchCache.HIT_OVERHEAD_BYTES,
                8_000);
        SearchCache cache = cache(20L * pageBytes);
        for (int i = 0; i < 100; i++) {
            String query = "q%03d".formatted(i);
            cache.get(query, 0, 10, () -> results(query, 10));
        }
        assertThat(cache.weightedBytes()).isPositive().isLessThanOrEqualTo(20L * pageBytes);
    }

    /** A search of "sqlite" in flight: started, holding its key, and answering once {@code release} opens. */
    CompletableFuture<Results> searchHeldUntil(SearchCache cache, CountDownLatch release) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Results> held = CompletableFuture.supplyAsync(() -> cache.get("sqlite", 0, 10, () -> {
            started.countDown();
            await(release);
            return search("sqlite").get();
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
