package dev.podclip.clip.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.Optional;

/**
 * Clip media (docs/clips.md, "Audio and video of a clip"): how clip audio and video are made with ffmpeg, where renders and source files are
 * cached, and the limits of each render. Env overrides: {@code CLIP_MEDIA_FFMPEG}, {@code CLIP_MEDIA_CACHE_DIR}, ...
 */
@ConfigMapping(prefix = "clip.media")
public interface MediaConfig {

    /** The ffmpeg binary: a path, or a name looked up on PATH. Run with arguments, never through a shell. */
    @WithDefault("ffmpeg")
    String ffmpeg();

    /** Where renders and fetched sources are kept; default: {@code podclip-media} under the JVM's temp folder. */
    Optional<String> cacheDir();

    /** Most bytes the cache folder may hold (renders and sources); the least recently used go first. */
    @WithDefault("1073741824")
    @Min(1_048_576)
    long cacheMaxBytes();

    /** Largest episode audio file fetched to cut from. */
    @WithDefault("536870912")
    @Min(1024)
    long sourceMaxBytes();

    /** Largest artwork image fetched for a clip's video; a larger one is left out for the generated card. */
    @WithDefault("10485760")
    @Min(1024)
    long artworkMaxBytes();

    /** Longest a source fetch may take, redirects and body included. */
    @WithDefault("60000")
    @Min(100) @Max(3_600_000)
    long fetchTimeoutMs();

    /**
     * Whether a clip's audio is cut from only the bytes it needs when the source allows it (a PCM or float WAV, a CBR
     * MP3 with an Info tag or an audio-only MP4, on a host that answers Range requests; of any other MP3 or an ADTS
     * AAC, the file's start up to past the clip, kept and grown by later clips): a first clip then costs its own part
     * of the file, not the whole file (BENCHMARKS.md §6). Off, every source is fetched whole, as any other source
     * always is.
     */
    @WithDefault("true")
    boolean rangeFetch();

    /** Whether sources on loopback may be fetched: the local stack's demo media only; never in production. */
    @WithDefault("false")
    boolean allowLoopbackSources();

    /** Longest one ffmpeg run may take before it is killed. */
    @WithDefault("60000")
    @Min(100) @Max(3_600_000)
    long renderTimeoutMs();

    /**
     * Largest output one render may write (ffmpeg {@code -fs}); a render that reaches it fails. An hour, the longest
     * clip, is ~75 MB as VBR MP3.
     */
    @WithDefault("134217728")
    @Min(1024)
    long outputMaxBytes();

    /** Audio renders running at once: each is one ffmpeg process, about a core, for under a second a minute of clip. */
    @WithDefault("1")
    @Min(1) @Max(64)
    int maxConcurrentRenders();

    /** Audio renders waiting beyond those running; past it a request gets 503 with Retry-After. */
    @WithDefault("16")
    @Min(0) @Max(10_000)
    int maxQueuedRenders();

    /**
     * Video renders running at once, in a lane of their own so a queue of videos never holds up a clip's audio.
     * x264 uses every core it sees; one at a time keeps the share pages' latency while videos render
     * (BENCHMARKS.md §6).
     */
    @WithDefault("1")
    @Min(1) @Max(64)
    int maxConcurrentVideoRenders();

    /**
     * Whether ffmpeg runs under the SCHED_IDLE scheduling policy ({@code chrt --idle 0}, util-linux), when the system
     * has chrt and lets it set the policy (checked once at start-up; the log says which). A SCHED_IDLE task gets a core
     * only when no normal one wants it, so a busy service cannot lose CPU to renders at all. Measured against nice 19
     * with four videos asked for at once, both added ~2 ms to the share pages' p99 and rendered as fast
     * (BENCHMARKS.md §6): the policy bounds the worst case rather than moving the typical one. Off, or where chrt is
     * missing or refused, ffmpeg runs at {@code render-niceness}.
     */
    @WithDefault("true")
    boolean renderIdle();

    /**
     * The niceness ffmpeg runs at (via {@code nice}, when the system has it) when it does not run under SCHED_IDLE
     * ({@code render-idle}): at 19 a render takes only the CPU the request threads leave (BENCHMARKS.md §6); 0 runs
     * ffmpeg at the service's own priority.
     */
    @WithDefault("19")
    @Min(0) @Max(19)
    int renderNiceness();

    /**
     * The CPUs every ffmpeg runs on ({@code taskset -c}, util-linux), as a list such as {@code 1}, {@code 2-3} or
     * {@code 0,4-7}; unset, any. Confining renders to some of an instance's CPUs keeps their cache and memory traffic
     * off the others: on two cores, with {@code 1}, the share pages' p99 while four videos rendered was 2.1–3.0 ms in
     * five runs of six instead of 3.8–4.6 ms, and renders took up to 1.5× as long (BENCHMARKS.md §6). A list the
     * system refuses (a CPU it does not have) is logged at start-up and left out.
     */
    Optional<String> renderCpus();

    /** Video renders waiting beyond those running; past it a request gets 503 with Retry-After. */
    @WithDefault("8")
    @Min(0) @Max(10_000)
    int maxQueuedVideoRenders();

    /** Longest one video render may take before ffmpeg is killed. */
    @WithDefault("120000")
    @Min(100) @Max(3_600_000)
    long videoRenderTimeoutMs();

    /**
     * Longest clip made into a video: a video minute costs ~7 s of two cores (BENCHMARKS.md §6), and people post
     * short ones. Longer clips answer 422 for video and keep their audio.
     */
    @WithDefault("300000")
    @Min(1_000) @Max(3_600_000)
    long videoMaxClipMs();

    /** Length of the fade in and out of a clip asked with {@code fade=1}. */
    @WithDefault("50")
    @Min(1) @Max(5_000)
    long fadeMs();
}
