package dev.podclip.clip.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clip cut from its slice of a WAV file (header written, times relative to the slice) is the clip cut from the
 * whole file, sample for sample: both cut by the real ffmpeg to MP3 and M4A, compared after decoding. Sources are
 * noise, so a single sample off changes everything; ffmpeg writes them with a LIST chunk, so the data does not start
 * at byte 44; rates where a millisecond is not a whole number of samples are among them, and so are the
 * WAVE_FORMAT_EXTENSIBLE files ffmpeg writes for float, 24 bits and six channels (a hexagonal layout, not the 5.1
 * ffmpeg assumes for six channels without a speaker mask: its downmix to stereo differs, so a slice whose header lost
 * the mask would not decode the same), and a plain format-3 float file as other tools write it.
 */
class WavSliceCutTest {

    static final long SOURCE_MS = 20_000;

    @TempDir
    static Path dir;

    /** Not an ffmpeg codec: float samples behind a format-3 header of the test's own, as sox and others write. */
    private static final String PLAIN_FLOAT = "plain-float";

    record Source(String name, int rateHz, int channels, String codec) {
    }

    static final List<Source> SOURCES = List.of(new Source("demo-like", 8_000, 1, "pcm_u8"),
            new Source("cd", 44_100, 2, "pcm_s16le"), new Source("odd", 22_050, 1, "pcm_s16le"),
            new Source("studio", 48_000, 2, "pcm_s16le"), new Source("float", 44_100, 2, "pcm_f32le"),
            new Source("24-bit", 48_000, 2, "pcm_s24le"), new Source("hexagonal", 48_000, 6, "pcm_s16le"),
            new Source("format-3-float", 22_050, 1, PLAIN_FLOAT));

    @BeforeAll
    static void makeSources() throws Exception {
        EachInParallel.run(SOURCES, WavSliceCutTest::makeSource);
    }

    private static void makeSource(Source source) throws Exception {
        String noise = "anoisesrc=seed=7:a=0.5:r=" + source.rateHz() + ":d=" + AudioCut.seconds(SOURCE_MS);
        String channels = Integer.toString(source.channels());
        if (source.name().equals("hexagonal")) {
            CutFiles.ffmpeg("-filter_complex", hexagonalNoise(source.rateHz()), "-c:a", source.codec(),
                    file(source).toString());
            return;
        }
        if (!source.codec().equals(PLAIN_FLOAT)) {
            CutFiles.ffmpeg("-f", "lavfi", "-i", noise, "-ac", channels, "-c:a", source.codec(),
                    file(source).toString());
            return;
        }
        Path raw = dir.resolve(source.name() + ".f32");
        CutFiles.ffmpeg("-f", "lavfi", "-i", noise, "-ac", channels, "-f", "f32le", raw.toString());
        byte[] samples = Files.readAllBytes(raw);
        WavLayout layout = new WavLayout(source.channels(), source.rateHz(), 32, WavLayout.HEADER_BYTES,
                samples.length, WavLayout.Coding.IEEE_FLOAT);
        Files.write(file(source), layout.header(samples.length));
        Files.write(file(source), samples, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Six channels of independent noise, labelled hexagonal (FL FR FC BL BR BC: speaker mask 0x137). */
    private static String hexagonalNoise(int rateHz) {
        StringBuilder graph = new StringBuilder();
        for (int channel = 0; channel < 6; channel++) {
            graph.append("anoisesrc=seed=").append(channel + 1).append(":a=0.5:r=").append(rateHz).append(":d=")
                    .append(AudioCut.seconds(SOURCE_MS)).append("[c").append(channel).append("];");
        }
        return graph + "[c0][c1][c2][c3][c4][c5]amerge=inputs=6,channelmap=map=0|1|2|3|4|5:channel_layout=hexagonal";
    }

    @Test
    void ffmpegsOwnExtensibleFilesAreKnownWithTheirSpeakers() throws Exception {
        assertThat(layout(SOURCES.get(4)).coding()).as("float").isEqualTo(new WavLayout.Coding(true, true, 32, 3));
        assertThat(layout(SOURCES.get(5)).coding()).as("24-bit").isEqualTo(new WavLayout.Coding(false, true, 24, 3));
        assertThat(layout(SOURCES.get(6)).coding()).as("hexagonal")
                .isEqualTo(new WavLayout.Coding(false, true, 16, 0x137));
        assertThat(layout(SOURCES.get(7)).coding()).isEqualTo(WavLayout.Coding.IEEE_FLOAT);
    }

    private static WavLayout layout(Source source) throws IOException {
        Path file = file(source);
        byte[] head = CutFiles.readRange(file, 0, SourceFiles.MAX_HEADER_BYTES);
        return WavLayout.parse(head, Files.size(file)).orElseThrow();
    }

    @Test
    void everySliceCutIsTheWholeFileCutSampleForSample() throws Exception {
        long[][] clips = {{0, 3_000}, {1_234, 4_567}, {10_001, 13_999}, {19_990, 25_000}};
        EachInParallel.run(SOURCES, source -> {
            for (long[] clip : clips) {
                for (AudioFormat format : AudioFormat.values()) {
                    String what = source.name() + " " + clip[0] + ".." + clip[1] + " " + format;
                    byte[] whole = CutFiles.pcm16(cut(file(source), clip[0], clip[1], 0, format));
                    byte[] sliced = CutFiles.pcm16(cutFromSlice(source, clip[0], clip[1], format));
                    assertThat(sliced.length).as(what + " decoded bytes").isEqualTo(whole.length).isPositive();
                    assertThat(Arrays.equals(sliced, whole)).as(what + " samples").isTrue();
                }
            }
        });
    }

    private static Path cutFromSlice(Source source, long startMs, long endMs, AudioFormat format) throws Exception {
        Path file = file(source);
        WavLayout layout = layout(source);
        if (!source.codec().equals(PLAIN_FLOAT)) {
            assertThat(layout.dataOffset()).as("ffmpeg's LIST chunk comes first").isGreaterThan(44);
        }
        WavLayout.Slice slice = layout.slice(startMs, endMs).orElseThrow();
        Path wav = dir.resolve(source.name() + "-slice.wav");
        Files.write(wav, layout.header(slice.length()));
        Files.write(wav, CutFiles.readRange(file, slice.firstByte(), slice.length()),
                java.nio.file.StandardOpenOption.APPEND);
        return cut(wav, startMs - slice.offsetMs(), endMs - slice.offsetMs(), slice.offsetMs(), format);
    }

    private static Path cut(Path source, long startMs, long endMs, long offsetMs, AudioFormat format)
            throws Exception {
        Path output = dir.resolve(source.getFileName() + "-" + offsetMs + "-" + startMs + "." + format.extension());
        CutFiles.cut(source, startMs, endMs, format, output);
        return output;
    }

    private static Path file(Source source) {
        return dir.resolve(source.name() + ".wav");
    }
}
