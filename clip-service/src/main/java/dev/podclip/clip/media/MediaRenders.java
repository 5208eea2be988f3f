package dev.podclip.clip.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders clip media off the request threads, bounded: {@code clip.media.max-concurrent-renders} ffmpeg processes at
 * once and {@code max-queued-renders} waiting; one job per name however many ask; a failure remembered for
 * {@link #FAILURE_MEMORY} so a broken source is not fetched again on every retry.
 */
@ApplicationScoped
public class MediaRenders {

    private static final Logger LOG = Logger.getLogger(MediaRenders.class);
    static final Duration FAILURE_MEMORY = Duration.ofMinutes(1);
    static final int MAX_REMEMBERED_FAILURES = 10_000;

    /** Where a render stands. */
    public sealed interface State permits Ready, Rendering, Failed {
    }

    public record Ready(Path file) implements State {
    }

    public record Rendering() implements State {
    }

    public record Failed(ProblemException problem) implements State {
    }

    /** What one render needs: the episode's source and what to cut from it. */
    public record Job(UUID episodeId, long version, String sourceUrl, long startMs, long endMs, AudioFormat format,
                      long fadeMs, Map<String, String> tags) {
    }

    @Inject
    MediaConfig config;
    @Inject
    MediaCache cache;
    @Inject
    SourceAudio sources;

    private final ConcurrentHashMap<String, Boolean> inFlight = new ConcurrentHashMap<>();
    private final Cache<String, ProblemException> failures = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED_FAILURES).expireAfterWrite(FAILURE_MEMORY).build();
    private volatile ThreadPoolExecutor executor;

    /** The render named {@code name}: ready, failed, or (started now if needed) rendering. */
    public State request(String name, Job job) {
        Optional<Path> ready = cache.find(MediaCache.RENDERS, name);
        if (ready.isPresent()) {
            return new Ready(ready.get());
        }
        ProblemException failed = failures.getIfPresent(name);
        if (failed != null) {
            return new Failed(failed);
        }
        if (inFlight.putIfAbsent(name, Boolean.TRUE) == null) {
            try {
                executor().execute(() -> render(name, job));
            } catch (RejectedExecutionException e) {
                inFlight.remove(name);
                throw new ProblemException(503, "renders-busy", "Service Unavailable",
                        "Too many clips are being rendered; retry shortly").retryAfter(5);
            }
        }
        return new Rendering();
    }

    /** Where the render named {@code name} stands without starting it; empty when nothing is known of it. */
    public Optional<State> status(String name) {
        Optional<Path> ready = cache.find(MediaCache.RENDERS, name);
        if (ready.isPresent()) {
            return Optional.of(new Ready(ready.get()));
        }
        ProblemException failed = failures.getIfPresent(name);
        if (failed != null) {
            return Optional.of(new Failed(failed));
        }
        return inFlight.containsKey(name) ? Optional.of(new Rendering()) : Optional.empty();
    }

    private void render(String name, Job job) {
        Path temp = cache.tempFile("." + job.format().extension());
        try {
            Path source = sources.fetch(job.episodeId(), job.version(), job.sourceUrl());
            AudioCut cut = new AudioCut(source, job.startMs(), job.endMs(), job.format(), job.fadeMs(), job.tags(),
                    config.outputMaxBytes(), temp);
            Ffmpeg.Result result = Ffmpeg.run(config.ffmpeg(), cut.ffmpegArgs(), config.renderTimeoutMs());
            check(result, temp, job);
            cache.store(temp, MediaCache.RENDERS, name);
            cache.dropOlderThan(job.episodeId(), job.version());
        } catch (FetchRefused refused) {
            failures.put(name, refused.problem("source"));
        } catch (ProblemException problem) {
            failures.put(name, problem);
        } catch (IOException e) {
            LOG.errorf("cannot run %s: %s", config.ffmpeg(), e.getMessage());
            failures.put(name, new ProblemException(503, "renderer-unavailable", "Service Unavailable",
                    "Clip media cannot be made on this instance (ffmpeg is missing)").retryAfter(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "render %s failed", name);
            failures.put(name, new ProblemException(502, "render-failed", "Bad Gateway",
                    "The clip could not be made from the episode's audio"));
        } finally {
            inFlight.remove(name);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Swept with the cache folder.
            }
        }
    }

    private void check(Ffmpeg.Result result, Path output, Job job) throws IOException {
        if (result.timedOut()) {
            throw new ProblemException(502, "render-timeout", "Bad Gateway", "Cutting the clip took longer than "
                    + config.renderTimeoutMs() + " ms");
        }
        if (!result.ok()) {
            LOG.warnf("ffmpeg could not cut %s (episode %s): %s", job.sourceUrl(), job.episodeId(), result.stderr());
            throw new ProblemException(502, "source-undecodable", "Bad Gateway",
                    "The episode's audio could not be decoded: " + firstLine(result.stderr()));
        }
        long size = Files.exists(output) ? Files.size(output) : 0;
        if (size == 0 || size >= config.outputMaxBytes()) {
            throw new ProblemException(502, "render-too-large", "Bad Gateway",
                    "The clip's audio came out empty or larger than " + config.outputMaxBytes() + " bytes");
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() <= 200 ? line : line.substring(0, 200);
    }

    private ThreadPoolExecutor executor() {
        ThreadPoolExecutor current = executor;
        if (current == null) {
            synchronized (this) {
                if (executor == null) {
                    AtomicInteger count = new AtomicInteger();
                    int threads = config.maxConcurrentRenders();
                    executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                            new ArrayBlockingQueue<>(Math.max(1, config.maxQueuedRenders())), task -> {
                                Thread thread = new Thread(task, "clip-media-render-" + count.incrementAndGet());
                                thread.setDaemon(true);
                                return thread;
                            });
                }
                current = executor;
            }
        }
        return current;
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
