package dev.podclip.clip.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One clip's audio as ffmpeg arguments, pure (tested by AudioCutTest). The seek comes before the input: with
 * re-encoding ffmpeg decodes from the preceding keyframe and drops samples up to the start, so the cut is exact to
 * the sample for PCM and within a frame for compressed sources, and costs only the bytes up to the end.
 *
 * @param tags title, artist (show), album (episode), grouping (chapter), comment (share link); null values skipped
 */
public record AudioCut(Path source, long startMs, long endMs, AudioFormat format, long fadeMs,
                       Map<String, String> tags, long outputMaxBytes, Path output) {

    /** Longest text of one tag: titles are bounded upstream, this keeps a command line bounded regardless. */
    static final int TAG_MAX_CHARS = 1_000;

    public AudioCut {
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("bad range " + startMs + ".." + endMs);
        }
        if (fadeMs < 0 || 2 * fadeMs > endMs - startMs) {
            fadeMs = 0;
        }
        tags = tags == null ? Map.of() : new LinkedHashMap<>(tags);
    }

    public long durationMs() {
        return endMs - startMs;
    }

    /** The arguments after the ffmpeg binary. */
    public List<String> ffmpegArgs() {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        args.addAll(SourceInputs.AUDIO_INPUT_OPTIONS);
        args.addAll(List.of("-ss", seconds(startMs), "-i", source.toString(), "-t", seconds(durationMs()),
                "-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1"));
        if (fadeMs > 0) {
            args.add("-af");
            args.add("afade=t=in:st=0:d=" + seconds(fadeMs) + ",afade=t=out:st="
                    + seconds(durationMs() - fadeMs) + ":d=" + seconds(fadeMs));
        }
        tags.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                args.add("-metadata");
                args.add(name + "=" + clean(value));
            }
        });
        args.addAll(format.encoderArgs());
        args.add("-fs");
        args.add(Long.toString(outputMaxBytes));
        args.add(output.toString());
        return List.copyOf(args);
    }

    /** Milliseconds as ffmpeg seconds, exactly: {@code 773250} is {@code 773.250}. */
    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
    }

    /** No line breaks or control characters in a tag, and a bounded length. */
    private static String clean(String value) {
        String flat = value.replaceAll("\\p{Cntrl}", " ").strip();
        return flat.length() <= TAG_MAX_CHARS ? flat : flat.substring(0, TAG_MAX_CHARS);
    }
}
