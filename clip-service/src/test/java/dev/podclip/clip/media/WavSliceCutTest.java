package dev.podclip.clip.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clip cut from its slice of a WAV file (header written, times relative to the slice) is the clip cut from the
 * whole file, sample for sample: both cut by the real ffmpeg to MP3 and M4A, compared after decoding. Sources are
 * noise, so a single sample off changes everything; ffmpeg writes them with a LIST chunk, so the data does not start
 * at byte 44; rates where a millisecond is not a whole number of samples are among them.
 */
class WavSliceCutTest {

    static final long SOURCE_MS = 20_000;

    @TempDir
    static Path dir;

    record Source(String name, int rateHz, int channels, String codec) {
    }

    static final List<Source> SOURCES = List.of(new Source("demo-like", 8_000, 1, "pcm_u8"),
            new Source("cd", 44_100, 2, "pcm_s16le"), new Source("odd", 22_050, 1, "pcm_s16le"),
            new Source("studio", 48_000, 2, "pcm_s16le"));

    @BeforeAll
    static void makeSources() throws Exception {
        EachInParallel.run(SOURCES, source -> ffmpeg("-f", "lavfi", "-i", "anoisesrc=seed=7:a=0.5:r="
                + source.rateHz() + ":d=" + AudioCut.seconds(SOURCE_MS), "-ac", Integer.toString(source.channels()),
                "-c:a", source.codec(), file(source).toString()));
    }

    @Test
    void extensibleWavIsLeftToTheWholeFilePath() throws Exception {
        // ffmpeg writes 24-bit audio as WAVE_FORMAT_EXTENSIBLE: not plain PCM, so not sliced.
        Path file = dir.resolve("extensible.wav");
        ffmpeg("-f", "lavfi", "-i", "anoisesrc=r=48000:d=1", "-c:a", "pcm_s24le", file.toString());
        assertThat(WavLayout.parse(readRange(file, 0, SourceFiles.MAX_HEADER_BYTES), Files.size(file))).isEmpty();
    }

    @Test
    void everySliceCutIsTheWholeFileCutSampleForSample() throws Exception {
        long[][] clips = {{0, 3_000}, {1_234, 4_567}, {10_001, 13_999}, {19_990, 25_000}};
        EachInParallel.run(SOURCES, source -> {
            for (long[] clip : clips) {
                for (AudioFormat format : AudioFormat.values()) {
                    String what = source.name() + " " + clip[0] + ".." + clip[1] + " " + format;
                    byte[] whole = decode(cut(file(source), clip[0], clip[1], 0, format));
                    byte[] sliced = decode(cutFromSlice(source, clip[0], clip[1], format));
                    assertThat(sliced.length).as(what + " decoded bytes").isEqualTo(whole.length).isPositive();
                    assertThat(Arrays.equals(sliced, whole)).as(what + " samples").isTrue();
                }
            }
        });
    }

    private static Path cutFromSlice(Source source, long startMs, long endMs, AudioFormat format) throws Exception {
        Path file = file(source);
        byte[] head = readRange(file, 0, SourceFiles.MAX_HEADER_BYTES);
        WavLayout layout = WavLayout.parse(head, Files.size(file)).orElseThrow();
        assertThat(layout.dataOffset()).as("ffmpeg's LIST chunk comes first").isGreaterThan(44);
        WavLayout.Slice slice = layout.slice(startMs, endMs).orElseThrow();
        Path wav = dir.resolve(source.name() + "-slice.wav");
        Files.write(wav, layout.header(slice.length()));
        Files.write(wav, readRange(file, slice.firstByte(), slice.length()), java.nio.file.StandardOpenOption.APPEND);
        return cut(wav, startMs - slice.offsetMs(), endMs - slice.offsetMs(), slice.offsetMs(), format);
    }

    private static Path cut(Path source, long startMs, long endMs, long offsetMs, AudioFormat format)
            throws Exception {
        Path output = dir.resolve(source.getFileName() + "-" + offsetMs + "-" + startMs + "." + format.extension());
        AudioCut cut = new AudioCut(source, startMs, endMs, format, 0, Map.of("title", "t"), 10_000_000, output);
        Ffmpeg.Result result = Ffmpeg.run("ffmpeg", cut.ffmpegArgs(), 30_000, null, List.of());
        assertThat(result.ok()).as(result.stderr()).isTrue();
        return output;
    }

    private static byte[] decode(Path file) throws Exception {
        Path pcm = dir.resolve(file.getFileName() + ".pcm");
        ffmpeg("-i", file.toString(), "-f", "s16le", pcm.toString());
        return Files.readAllBytes(pcm);
    }

    private static void ffmpeg(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Path file(Source source) {
        return dir.resolve(source.name() + ".wav");
    }

    private static byte[] readRange(Path file, long first, long length) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.min(length, in.length() - first)];
            in.seek(first);
            in.readFully(bytes);
            return bytes;
        }
    }
}
