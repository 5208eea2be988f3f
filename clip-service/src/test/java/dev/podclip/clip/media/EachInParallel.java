package dev.podclip.clip.media;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one check per item on a few threads. The cut tests run hundreds of short ffmpeg processes, most of whose time
 * is process start and file I/O, so one source per thread roughly halves them on 2 cores (Mp3SliceCutTest ran 64 s
 * one source at a time). Each item must write files of its own.
 */
final class EachInParallel {

    /** One more than the cores: a thread waiting on its ffmpeg's exit leaves a core to another. */
    static final int THREADS = Runtime.getRuntime().availableProcessors() + 1;

    interface Check<T> {
        void run(T item) throws Exception;
    }

    private EachInParallel() {
    }

    /** Runs {@code check} for every item; the first failure (in the items' order) is thrown as it was. */
    static <T> void run(List<T> items, Check<T> check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, Math.max(1, items.size())));
        try {
            List<Future<Void>> runs = new ArrayList<>();
            for (T item : items) {
                runs.add(pool.submit(() -> {
                    check.run(item);
                    return null;
                }));
            }
            for (Future<Void> run : runs) {
                awaitRethrowing(run);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitRethrowing(Future<Void> run) throws Exception {
        try {
            run.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            throw e;
        }
    }
}
