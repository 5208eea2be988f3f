package dev.podclip.clip.search;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.podclip.clip.chapters.ChangeListener;
import dev.podclip.clip.search.SearchViews.Hit;
import dev.podclip.clip.search.SearchViews.Results;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Pages of search results as last answered, by query, page and size. One search statement costs 3–5 ms of
 * PostgreSQL at 10,000 episodes, and people ask the same few queries far more often than episodes change
 * (BENCHMARKS.md §10).
 *
 * <p>Never stale past a change this instance has heard of: every key carries the generation it was computed in, and
 * every {@code chapters_changed} notice (which the applier sends after its commit, to every instance) or reconnect of
 * the listener starts a new generation, so a page computed before the change is never looked up again. A generation is
 * read before the statement's snapshot is taken, so a page computed across a change is filed under the old one. While
 * the listener is down, notices may be lost: then nothing is cached or answered from the cache. The time limit bounds
 * what a lost notice could leave behind anyway.
 *
 * <p>One statement per key at a time: callers that find it in flight wait for its answer. A failed search is not
 * kept. Memory is bounded by an estimate of each page's text ({@link #weightBytes}).
 */
@ApplicationScoped
public class SearchCache {

    /** Hits, misses, evictions and size appear as {@code cache_*{cache="clip_search_results"}} on /q/metrics. */
    static final String METRIC_NAME = "clip_search_results";
    /** A page's fixed overhead in the estimate: the records, the list, the query and the key. */
    static final int PAGE_OVERHEAD_BYTES = 256;
    /** A hit's fixed overhead in the estimate: its records, ids and numbers. */
    static final int HIT_OVERHEAD_BYTES = 160;

    private record Key(long generation, String query, int page, int size) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final AsyncCache<Key, Results> pages;
    private final BooleanSupplier listening;

    @Inject
    public SearchCache(SearchConfig config, ChangeListener listener, MeterRegistry metrics) {
        this(config.cacheMaxBytes(), Duration.ofMillis(config.cacheTtlMs()), listener::listening,
                Ticker.systemTicker());
        if (pages != null) {
            CaffeineCacheMetrics.monitor(metrics, pages, METRIC_NAME);
        }
    }

    SearchCache(long maxBytes, Duration ttl, BooleanSupplier listening, Ticker ticker) {
        this.listening = listening;
        this.pages = maxBytes == 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, Results results) -> weightBytes(results)).expireAfterWrite(ttl)
                .ticker(ticker).executor(Runnable::run).recordStats().buildAsync();
    }

    /** The page of results for this query, page and size: cached, in flight, or computed now by {@code search}. */
    public Results get(String query, int page, int size, Supplier<Results> search) {
        if (pages == null || !listening.getAsBoolean()) {
            return search.get();
        }
        Key key = new Key(generation.get(), query, page, size);
        CompletableFuture<Results> held = pages.getIfPresent(key);
        if (held == null) {
            CompletableFuture<Results> mine = new CompletableFuture<>();
            held = pages.asMap().putIfAbsent(key, mine);
            if (held == null) {
                return compute(mine, search);
            }
        }
        try {
            return held.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Runs the statement for a key this caller holds; a failure completes the entry exceptionally, which drops it. */
    private static Results compute(CompletableFuture<Results> mine, Supplier<Results> search) {
        try {
            Results results = search.get();
            mine.complete(results);
            return results;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Pages computed before now are never answered again. */
    private void dropAll() {
        generation.incrementAndGet();
        if (pages != null) {
            pages.synchronous().invalidateAll();
        }
    }

    void onNotice(@Observes ChangeListener.Notice notice) {
        dropAll();
    }

    void onConnected(@Observes ChangeListener.Connected connected) {
        dropAll();
    }

    /** The estimated bytes of the pages held now (0 when the cache is off). */
    long weightedBytes() {
        if (pages == null) {
            return 0;
        }
        pages.synchronous().cleanUp();
        return pages.synchronous().policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** Rough size of a page in memory: its strings at a byte a char (Latin-1) or two, plus fixed overheads. */
    static int weightBytes(Results results) {
        long bytes = PAGE_OVERHEAD_BYTES + 2L * results.query().length();
        for (Hit hit : results.items()) {
            bytes += HIT_OVERHEAD_BYTES + 2L * (length(hit.episode().title()) + length(hit.snippet())
                    + length(hit.snippetHtml()) + length(hit.shareUrl()) + length(hit.pageUrl())
                    + (hit.chapter() == null ? 0 : length(hit.chapter().title())));
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
