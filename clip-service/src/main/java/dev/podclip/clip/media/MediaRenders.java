package dev.podclip.clip.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.podclip.clip.problem.ClipServiceProblems;
import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Renders clip media off the request threads, bounded, in two lanes: audio ({@code clip.media.max-concurrent-renders}
 * ffmpeg processes at once, {@code max-queued-renders} waiting) and video (its own, smaller bounds), so a queue of
 * videos never holds up a clip's audio. One job per name however many ask; a failure remembered for
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

    /** What one render needs: the episode's source and what to make from it. */
    public sealed interface Job permits AudioJob, VideoJob {
        UUID episodeId();

        long version();

        String sourceUrl();

        String extension();
    }

    /** The clip's audio, cut and tagged. */
    public record AudioJob(UUID episodeId, long version, String sourceUrl, long startMs, long endMs,
                           AudioFormat format, long fadeMs, Map<String, String> tags) implements Job {
        @Override
        public String extension() {
            return format.extension();
        }
    }

    /** The clip's video; {@code artworkUrl} null or unusable gives the generated card. */
    public record VideoJob(UUID episodeId, long version, String sourceUrl, long startMs, long endMs,
                           VideoFormat format, VideoTheme theme, String artworkUrl, CaptionScript.Texts texts)
            implements Job {
        @Override
        public String extension() {
            return "mp4";
        }
    }

    @Inject
    MediaConfig config;
    @Inject
    MediaCache cache;
    @Inject
    SourceFiles sources;
    @Inject
    RenderLauncher launcher;

    private final ConcurrentHashMap<String, Boolean> inFlight = new ConcurrentHashMap<>();
    private final Cache<String, ProblemException> failures = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED_FAILURES).expireAfterWrite(FAILURE_MEMORY).build();
    private volatile ThreadPoolExecutor audioLane;
    private volatile ThreadPoolExecutor videoLane;

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
                lane(job).execute(() -> render(name, job));
            } catch (RejectedExecutionException e) {
                inFlight.remove(name);
                throw new ProblemException(ClipServiceProblems.RENDERS_BUSY,
                        "Too many clips are being rendered; retry shortly").retryAfter(job instanceof VideoJob ? 15 : 5);
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
        Path temp = cache.tempFile("." + job.extension());
        try {
            if (job instanceof AudioJob audio) {
                renderAudio(audio, temp);
            } else if (job instanceof VideoJob video) {
                renderVideo(video, temp);
            }
            cache.store(temp, MediaCache.RENDERS, name);
            cache.dropOlderThan(job.episodeId(), job.version());
        } catch (FetchRefused refused) {
            failures.put(name, refused.problem(ClipServiceProblems.SOURCE_FETCH));
        } catch (ProblemException problem) {
            failures.put(name, problem);
        } catch (IOException e) {
            LOG.errorf("cannot run %s: %s", config.ffmpeg(), e.getMessage());
            failures.put(name, new ProblemException(ClipServiceProblems.RENDERER_UNAVAILABLE,
                    "Clip media cannot be made on this instance (ffmpeg is missing)").retryAfter(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "render %s failed", name);
            failures.put(name, new ProblemException(ClipServiceProblems.RENDER_FAILED,
                    "The clip could not be made from the episode's audio"));
        } finally {
            inFlight.remove(name);
            deleteQuietly(temp);
        }
    }

    /**
     * Cuts from the clip's own slice of the source when there is one: its times are then relative to the slice's
     * start, which is a whole sample, so the samples cut are those a cut of the whole file gives.
     */
    private void renderAudio(AudioJob job, Path output) throws IOException, InterruptedException {
        withSource(job, job.startMs(), job.endMs(), source -> {
            AudioCut cut = new AudioCut(source.file(), job.startMs() - source.offsetMs(),
                    job.endMs() - source.offsetMs(), job.format(), job.fadeMs(), job.tags(), config.outputMaxBytes(),
                    output);
            check(Ffmpeg.run(config.ffmpeg(), cut.ffmpegArgs(), config.renderTimeoutMs(), null,
                    launcher.launcher()), output, job, config.renderTimeoutMs());
        });
    }

    /** A render's work on the clip's audio. */
    @FunctionalInterface
    private interface SourceWork {
        void run(SourceFiles.ClipSource source) throws IOException, InterruptedException;
    }

    /** Runs {@code work} on the audio of {@code [startMs, endMs]} ({@link SourceFiles#forClip}), then lets it go. */
    private void withSource(Job job, long startMs, long endMs, SourceWork work)
            throws IOException, InterruptedException {
        SourceFiles.ClipSource source = sources.forClip(job.episodeId(), job.version(), job.sourceUrl(), startMs,
                endMs);
        try {
            work.run(source);
        } finally {
            if (source.temporary()) {
                deleteQuietly(source.file());
            }
        }
    }

    /**
     * Writes the two caption scripts beside a temp file and runs ffmpeg in that folder; when the artwork is what ffmpeg
     * could not read, renders again with the generated card rather than failing the clip. The audio comes as an audio
     * clip's does ({@link SourceFiles#forClip}): an episode's first video waits for the clip's bytes, not the file.
     */
    private void renderVideo(VideoJob job, Path output) throws IOException, InterruptedException {
        VideoCut.Artwork artwork = sources.artwork(job.episodeId(), job.version(), job.artworkUrl()).orElse(null);
        withSource(job, job.startMs(), job.endMs(), source -> {
            Ffmpeg.Result result = runVideo(job, source, artwork, output);
            if (!result.ok() && !result.timedOut() && artwork != null) {
                LOG.infof("artwork %s could not be drawn, using the card: %s", job.artworkUrl(), result.stderr());
                result = runVideo(job, source, null, output);
            }
            check(result, output, job, config.videoRenderTimeoutMs());
        });
    }

    /**
     * One ffmpeg run of the video: the audio from the clip's source (a slice's times are relative to its start, as
     * in {@link #renderAudio}), the captions in the episode's times, which the script counts from the clip's start.
     */
    private Ffmpeg.Result runVideo(VideoJob job, SourceFiles.ClipSource source, VideoCut.Artwork artwork,
                                   Path output) throws IOException, InterruptedException {
        Path still = cache.tempFile(".ass");
        Path moving = cache.tempFile(".ass");
        try {
            CaptionScript.Texts texts = artwork == null ? job.texts() : job.texts().withoutCard();
            CaptionScript.Layers layers = CaptionScript.of(job.format(), job.theme(), texts, job.startMs(),
                    job.endMs());
            Files.writeString(still, layers.still(), StandardCharsets.UTF_8);
            Files.writeString(moving, layers.moving(), StandardCharsets.UTF_8);
            VideoCut cut = new VideoCut(source.file(), job.startMs() - source.offsetMs(),
                    job.endMs() - source.offsetMs(), job.format(), job.theme(), artwork,
                    still.getFileName().toString(), moving.getFileName().toString(), config.outputMaxBytes(), output);
            return Ffmpeg.run(config.ffmpeg(), cut.ffmpegArgs(), config.videoRenderTimeoutMs(), still.getParent(),
                    launcher.launcher());
        } finally {
            deleteQuietly(still);
            deleteQuietly(moving);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Swept with the cache folder.
        }
    }

    private void check(Ffmpeg.Result result, Path output, Job job, long timeoutMs) throws IOException {
        if (result.timedOut()) {
            throw new ProblemException(ClipServiceProblems.RENDER_TIMEOUT, "Making the clip took longer than "
                    + timeoutMs + " ms");
        }
        if (!result.ok()) {
            LOG.warnf("ffmpeg could not cut %s (episode %s): %s", job.sourceUrl(), job.episodeId(), result.stderr());
            throw new ProblemException(ClipServiceProblems.SOURCE_UNDECODABLE,
                    "The episode's audio could not be decoded: " + firstLine(result.stderr()));
        }
        long size = Files.exists(output) ? Files.size(output) : 0;
        if (size == 0 || size >= config.outputMaxBytes()) {
            throw new ProblemException(ClipServiceProblems.RENDER_TOO_LARGE,
                    "The clip's file came out empty or larger than " + config.outputMaxBytes() + " bytes");
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() <= 200 ? line : line.substring(0, 200);
    }

    private ThreadPoolExecutor lane(Job job) {
        boolean video = job instanceof VideoJob;
        ThreadPoolExecutor current = video ? videoLane : audioLane;
        if (current == null) {
            synchronized (this) {
                if (video && videoLane == null) {
                    videoLane = newLane("clip-video-render-", config.maxConcurrentVideoRenders(),
                            config.maxQueuedVideoRenders());
                } else if (!video && audioLane == null) {
                    audioLane = newLane("clip-media-render-", config.maxConcurrentRenders(),
                            config.maxQueuedRenders());
                }
                current = video ? videoLane : audioLane;
            }
        }
        return current;
    }

    private static ThreadPoolExecutor newLane(String threadPrefix, int threads, int queued) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queued)), task -> {
                    Thread thread = new Thread(task, threadPrefix + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    void stop(@Observes ShutdownEvent event) {
        for (ThreadPoolExecutor lane : new ThreadPoolExecutor[] {audioLane, videoLane}) {
            if (lane != null) {
                lane.shutdownNow();
            }
        }
    }
}
