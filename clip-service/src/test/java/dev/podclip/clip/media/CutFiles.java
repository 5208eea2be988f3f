package dev.podclip.clip.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The files of the slice-cut tests: the real ffmpeg run on them, a clip cut as the service cuts it, decoded, read. */
final class CutFiles {

    private CutFiles() {
    }

    static void ffmpeg(String... args) throws Exception {
        ffmpeg(List.of(args));
    }

    /** Runs ffmpeg with {@code args} (errors only, overwriting), failing the test unless it exits 0 within a minute. */
    static void ffmpeg(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** Cuts {@code [startMs, endMs]} of {@code source} to {@code output} with the service's {@link AudioCut}. */
    static Ffmpeg.Result cut(Path source, long startMs, long endMs, AudioFormat format, Path output)
            throws Exception {
        AudioCut cut = new AudioCut(source, startMs, endMs, format, 0, Map.of("title", "t"), 10_000_000, output);
        Ffmpeg.Result result = Ffmpeg.run("ffmpeg", cut.ffmpegArgs(), 30_000, null, List.of());
        assertThat(result.ok()).as(result.stderr()).isTrue();
        return result;
    }

    /** The samples of {@code file} decoded as raw {@code s16le} or {@code f32le}, through a file beside it. */
    static byte[] decode(Path file, String rawFormat) throws Exception {
        Path raw = file.resolveSibling(file.getFileName() + "." + rawFormat);
        ffmpeg(List.of("-i", file.toString(), "-f", rawFormat, raw.toString()));
        return Files.readAllBytes(raw);
    }

    static byte[] pcm16(Path file) throws Exception {
        return decode(file, "s16le");
    }

    /** Up to {@code length} bytes of {@code file} from {@code first}: fewer at its end. */
    static byte[] readRange(Path file, long first, long length) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.min(length, in.length() - first)];
            in.seek(first);
            in.readFully(bytes);
            return bytes;
        }
    }
}
