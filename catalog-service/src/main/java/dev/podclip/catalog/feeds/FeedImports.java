package dev.podclip.catalog.feeds;

import dev.podclip.catalog.common.CatalogProblems;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Feed imports a request asked for (registration, upload, manual poll) run here, on a few threads of their own with a
 * bounded queue: the request's thread is free while outbound fetches run (each import bounded by
 * {@code catalog.feeds.poll-deadline}), and a burst of imports is answered 503 + Retry-After instead of taking every
 * request thread. The client still gets the import's result in the response.
 */
@ApplicationScoped
public class FeedImports {

    /** Seconds a refused client should wait: about one import. */
    static final int RETRY_AFTER_S = 10;

    private final ThreadPoolExecutor pool;

    @Inject
    FeedImports(FeedsConfig config) {
        int threads = Math.max(1, config.importConcurrency());
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.importQueue())), runnable -> {
                    Thread thread = new Thread(runnable, "catalog-feed-import");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} on an import thread; its ProblemException (not a wrapper) fails the stage. */
    public <T> CompletionStage<T> submit(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    result.complete(work.get());
                } catch (Throwable e) {
                    result.completeExceptionally(e instanceof CompletionException c && c.getCause() != null
                            ? c.getCause() : e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ProblemException(CatalogProblems.FEED_IMPORTS_BUSY,
                    "This instance is importing as many feeds as it may; retry after " + RETRY_AFTER_S + " s")
                    .retryAfter(RETRY_AFTER_S);
        }
        return result;
    }

    void onStop(@Observes ShutdownEvent stop) {
        pool.shutdownNow();
    }
}
