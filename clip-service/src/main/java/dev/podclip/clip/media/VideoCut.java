package dev.podclip.clip.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One clip's video as ffmpeg arguments, pure (VideoCutTest): the clip's audio cut as {@link AudioCut} cuts it, drawn
 * as a waveform over a still frame, and the moving layer of the {@link CaptionScript} burned in by libass. The still
 * frame is made once: the theme's background, the artwork, and the still layer (titles, card) drawn on one frame that
 * is then repeated: drawing them on every frame cost a tenth more CPU for the same bytes (BENCHMARKS.md §6).
 * H.264 (veryfast, tuned for still images: most of the frame does not move; diamond motion search and the fastest
 * subpixel refinement, which the moving parts, a waveform and text, do not need) with AAC, {@code +faststart} so a
 * browser plays it before it has it all. The filter graph holds numbers and the scripts' file names only.
 *
 * @param artwork           an image checked to be {@link Artwork.Kind}, or null for the generated card
 * @param stillScriptName   the still layer's script, a file name in the working folder ffmpeg runs in
 * @param movingScriptName  the moving layer's script, in the same folder
 */
public record VideoCut(Path source, long startMs, long endMs, VideoFormat format, VideoTheme theme,
                       Artwork artwork, String stillScriptName, String movingScriptName, long outputMaxBytes,
                       Path output) {

    /** The only file names a script may have: the filter graph quotes nothing. */
    static final Pattern SCRIPT_NAME = Pattern.compile("[a-z0-9-]{1,64}\\.ass");
    /** x264's constant quality: flat backgrounds and text stay sharp at 1–2 MB a minute. */
    static final int CRF = 28;
    /**
     * On top of the veryfast preset: diamond search and one subpixel pass took 15 % of the CPU off a 60 s square render
     * for 4 % more bytes and an SSIM against a lossless render of 0.9910 instead of 0.9914 (BENCHMARKS.md §6).
     */
    static final String X264_PARAMS = "me=dia:subme=1";

    /** An image on disk and the demuxer that reads it, chosen from its first bytes, never from the file. */
    public record Artwork(Path file, Kind kind) {
        public enum Kind {
            PNG("png_pipe"), JPEG("jpeg_pipe"), WEBP("webp_pipe");

            final String demuxer;

            Kind(String demuxer) {
                this.demuxer = demuxer;
            }
        }

        public Artwork {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(kind, "kind");
        }
    }

    public VideoCut {
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("bad range " + startMs + ".." + endMs);
        }
        for (String name : List.of(stillScriptName, movingScriptName)) {
            if (!SCRIPT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("script name must match " + SCRIPT_NAME + ": " + name);
            }
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }

    /** The arguments after the ffmpeg binary, run in the folder that holds the script. */
    public List<String> ffmpegArgs() {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        args.addAll(SourceInputs.AUDIO_INPUT_OPTIONS);
        args.addAll(List.of("-ss", AudioCut.seconds(startMs), "-i", source.toString(),
                "-f", "lavfi", "-i", "color=c=" + VideoTheme.ffmpegColour(theme.backgroundRgb()) + ":s="
                        + format.widthPx() + "x" + format.heightPx() + ":r=" + VideoFormat.FRAME_RATE));
        if (artwork != null) {
            args.addAll(SourceInputs.IMAGE_INPUT_OPTIONS);
            args.addAll(List.of("-f", artwork.kind().demuxer, "-i", artwork.file().toString()));
        }
        args.addAll(List.of("-filter_complex", filterGraph(), "-map", "[v]", "-map", "[a]",
                "-t", AudioCut.seconds(durationMs()),
                "-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-x264-params", X264_PARAMS,
                "-crf", Integer.toString(CRF),
                "-pix_fmt", "yuv420p", "-r", Integer.toString(VideoFormat.FRAME_RATE),
                "-c:a", "aac", "-b:a", "128k", "-ar", "44100",
                "-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4",
                "-fs", Long.toString(outputMaxBytes), output.toString()));
        return List.copyOf(args);
    }

    /**
     * The still frame (one frame of the background, the artwork over it, the still layer over both) repeated at the
     * frame rate, the waveform band over it, then the moving layer; the audio split off unchanged.
     */
    String filterGraph() {
        VideoFormat.Box wave = format.wave();
        StringBuilder graph = new StringBuilder()
                .append("[0:a]aresample=44100,asplit=2[a][w];")
                .append("[w]showwaves=s=").append(wave.width()).append('x').append(wave.height())
                .append(":mode=cline:scale=sqrt:rate=").append(VideoFormat.FRAME_RATE)
                .append(":colors=").append(VideoTheme.ffmpegColour(theme.accentRgb())).append("[wave];")
                .append("[1:v]trim=end_frame=1[card];");
        String still = "card";
        if (artwork != null) {
            VideoFormat.Box art = format.art();
            graph.append("[2:v]scale=").append(art.width()).append(':').append(art.height())
                    .append(":force_original_aspect_ratio=increase,crop=").append(art.width()).append(':')
                    .append(art.height()).append(",setsar=1[art];")
                    .append("[card][art]overlay=").append(art.x()).append(':').append(art.y()).append("[withart];");
            still = "withart";
        }
        graph.append('[').append(still).append("]ass=").append(stillScriptName)
                .append(",loop=loop=-1:size=1:start=0,setpts=N/").append(VideoFormat.FRAME_RATE).append("/TB[still];")
                .append("[still][wave]overlay=").append(wave.x()).append(':').append(wave.y())
                .append(":shortest=1[base];")
                .append("[base]ass=").append(movingScriptName).append("[v]");
        return graph.toString();
    }
}
