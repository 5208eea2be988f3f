package dev.podclip.clip.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clip cut from its slice of a CBR MP3 (found from the file's first bytes, decoded from frames before it, trimmed
 * to its samples) is the clip of the whole file's audio, sample for sample. The reference is ffmpeg's decode of the
 * whole file from its start, what a player plays: the slice's decode must equal it bit for bit, and its clips as MP3
 * and M4A must equal the clips cut from it. Sources are noise made by libmp3lame at several bitrates and rates, with
 * and without ID3v2 (one tag larger than the first fetch); clips at the start, in the middle and at the end. Files
 * the range path cannot prove exact (VBR, MPEG-2.5, no Info tag) are left to the whole-file path.
 */
class Mp3SliceCutTest {

    static final long SOURCE_MS = 20_000;
    static final long[][] CLIPS = {{0, 3_000}, {1_234, 4_567}, {10_001, 13_999}, {17_500, 25_000}};

    @TempDir
    static Path dir;

    record Source(String name, int rateHz, int channels, String encoder, List<String> tags) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("cd", 44_100, 2, "-b:a 128k", List.of()),
            new Source("studio", 48_000, 2, "-b:a 320k", List.of("-id3v2_version", "0")),
            new Source("talk", 32_000, 1, "-b:a 64k", List.of("-id3v2_version", "3")),
            new Source("lsf", 22_050, 1, "-b:a 48k", List.of()),
            new Source("phone", 16_000, 1, "-b:a 24k", List.of("-id3v2_version", "0")),
            new Source("big-tag", 24_000, 2, "-b:a 64k",
                    List.of("-metadata", "comment=" + "x".repeat((int) SourceFiles.MAX_HEADER_BYTES + 10_000))));

    @BeforeAll
    static void makeSources() throws Exception {
        EachInParallel.run(SOURCES, source -> {
            List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "anoisesrc=seed=7:a=0.5:r="
                    + source.rateHz() + ":d=" + AudioCut.seconds(SOURCE_MS), "-ac",
                    Integer.toString(source.channels()), "-c:a", "libmp3lame"));
            args.addAll(List.of(source.encoder().split(" ")));
            args.addAll(source.tags());
            args.add(file(source.name()).toString());
            CutFiles.ffmpeg(args);
            CutFiles.ffmpeg(List.of("-i", file(source.name()).toString(), "-c:a", "pcm_f32le",
                    dir.resolve(source.name() + "-decoded.wav").toString()));
        });
    }

    @Test
    void theSlicesDecodeIsTheWholeFilesDecodeBitForBit() throws Exception {
        EachInParallel.run(SOURCES, source -> {
            byte[] whole = CutFiles.decode(dir.resolve(source.name() + "-decoded.wav"), "f32le");
            Mp3Layout layout = layout(file(source.name())).orElseThrow(() -> new AssertionError(source.name()));
            assertThat(layout.samples()).as(source.name() + " samples")
                    .isEqualTo(whole.length / 4 / source.channels());
            for (long[] clip : CLIPS) {
                String what = source.name() + " " + clip[0] + ".." + clip[1];
                Mp3Layout.Slice slice = layout.slice(clip[0], clip[1]).orElseThrow();
                byte[] sliced = CutFiles.decode(decodeSlice(source.name(), layout, slice), "f32le");
                long from = slice.offsetMs() * source.rateHz() / 1000 * source.channels() * 4;
                assertThat(sliced.length).as(what + " length").isEqualTo(
                        (slice.keepTo() - slice.keepFrom()) * source.channels() * 4);
                assertThat(Arrays.equals(sliced, Arrays.copyOfRange(whole, (int) from, (int) from + sliced.length)))
                        .as(what + " samples").isTrue();
            }
        });
    }

    @Test
    void everySliceCutIsTheCutOfTheWholeFilesAudio() throws Exception {
        EachInParallel.run(SOURCES, source -> {
            Path decoded = dir.resolve(source.name() + "-decoded.wav");
            Mp3Layout layout = layout(file(source.name())).orElseThrow();
            for (long[] clip : CLIPS) {
                Mp3Layout.Slice slice = layout.slice(clip[0], clip[1]).orElseThrow();
                Path wav = decodeSlice(source.name(), layout, slice);
                for (AudioFormat format : AudioFormat.values()) {
                    String what = source.name() + " " + clip[0] + ".." + clip[1] + " " + format;
                    byte[] reference = CutFiles.pcm16(cut(decoded, clip[0], clip[1], format));
                    byte[] sliced = CutFiles.pcm16(cut(wav, clip[0] - slice.offsetMs(), clip[1] - slice.offsetMs(),
                            format));
                    byte[] seeked = CutFiles.pcm16(cut(file(source.name()), clip[0], clip[1], format));
                    assertThat(sliced.length).as(what + " decoded bytes").isEqualTo(reference.length).isPositive();
                    assertThat(Arrays.equals(sliced, reference)).as(what + " samples").isTrue();
                    // The whole-file path seeks in the MP3 and starts its decoder cold, at most a frame or two
                    // before the clip: the same number of samples, but where the seek lands on the clip's frame its
                    // first tens of milliseconds decode to silence and a fade-in (up to 124 ms differed here), and
                    // the encoders, fed other samples there, need not converge after (AAC never did). So it is
                    // compared by length: its boundaries are the same samples.
                    assertThat(seeked.length).as(what + " whole-file path's length").isEqualTo(sliced.length);
                }
            }
        });
    }

    @Test
    void filesThatCannotBeProvedExactAreLeftToTheWholeFilePath() throws Exception {
        Map<String, List<String>> others = Map.of(
                "vbr", List.of("-ar", "44100", "-q:a", "4"),
                "abr", List.of("-ar", "44100", "-b:a", "96k", "-abr", "1"),
                "mpeg-2.5", List.of("-ar", "8000", "-b:a", "16k"),
                "no-info-tag", List.of("-ar", "44100", "-b:a", "128k", "-write_xing", "0"));
        EachInParallel.run(List.copyOf(others.entrySet()), other -> {
            Path file = dir.resolve(other.getKey() + ".mp3");
            List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "anoisesrc=seed=3:d=5", "-c:a",
                    "libmp3lame"));
            args.addAll(other.getValue());
            args.add(file.toString());
            CutFiles.ffmpeg(args);
            assertThat(layout(file)).as(other.getKey()).isEmpty();
        });
    }

    /** What SourceFiles does with a host's bytes: the head, the layout, the slice's range, decoded. */
    static Optional<Mp3Layout> layout(Path file) throws IOException {
        long fileBytes = Files.size(file);
        byte[] head = CutFiles.readRange(file, 0, SourceFiles.MAX_HEADER_BYTES);
        long start = Mp3Layout.audioStart(head);
        byte[] frames = start + Mp3Layout.LOCATE_BYTES <= head.length
                ? Arrays.copyOfRange(head, (int) start, head.length)
                : CutFiles.readRange(file, start, SourceFiles.MAX_HEADER_BYTES);
        return Mp3Layout.parse(frames, start, fileBytes);
    }

    private static Path decodeSlice(String name, Mp3Layout layout, Mp3Layout.Slice slice) throws Exception {
        Path part = dir.resolve(name + "-" + slice.firstByte() + ".part");
        Files.write(part, CutFiles.readRange(file(name), slice.firstByte(), slice.length()));
        Path wav = dir.resolve(name + "-" + slice.firstByte() + ".wav");
        assertThat(Mp3Slices.decode(layout, slice, part, wav, "ffmpeg", 30_000, List.of())).as(name).isTrue();
        return wav;
    }

    private static Path cut(Path source, long startMs, long endMs, AudioFormat format) throws Exception {
        Path output = dir.resolve(source.getFileName() + "-" + startMs + "." + format.extension());
        CutFiles.cut(source, startMs, endMs, format, output);
        return output;
    }

    static Path file(String name) {
        return dir.resolve(name + ".mp3");
    }
}
