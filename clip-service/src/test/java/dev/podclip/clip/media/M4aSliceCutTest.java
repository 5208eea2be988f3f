package dev.podclip.clip.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clip cut from the sparse copy of an M4A (its index and the clip's samples at their offsets, holes elsewhere) is
 * the clip cut from the whole file, sample for sample: both cut by the real ffmpeg to MP3 and M4A, compared after
 * decoding. The copy is made by {@link Mp4Slices} as the service makes it, its reads served from the local file and
 * counted. Sources are noise, so a sample read from a hole (zeros) would change everything; the index is at the start
 * ({@code +faststart}) or after the samples (ffmpeg's default), and AAC at 44.1 and 48 kHz and ALAC are among them.
 */
class M4aSliceCutTest {

    static final long SOURCE_MS = 30_000;

    @TempDir
    static Path dir;

    record Source(String name, int rateHz, int channels, String codec, boolean fastStart) {
    }

    static final List<Source> SOURCES = List.of(new Source("aac-faststart", 44_100, 2, "aac", true),
            new Source("aac-index-last", 48_000, 1, "aac", false), new Source("alac", 44_100, 2, "alac", true));

    @BeforeAll
    static void makeSources() throws Exception {
        EachInParallel.run(SOURCES, source -> {
            List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "anoisesrc=seed=7:a=0.5:r="
                    + source.rateHz() + ":d=" + AudioCut.seconds(SOURCE_MS), "-ac",
                    Integer.toString(source.channels()), "-c:a", source.codec()));
            if (source.fastStart()) {
                args.addAll(List.of("-movflags", "+faststart"));
            }
            args.add(file(source).toString());
            CutFiles.ffmpeg(args.toArray(String[]::new));
        });
    }

    @Test
    void everySparseCutIsTheWholeFileCutSampleForSample() throws Exception {
        long[][] clips = {{0, 3_000}, {1_234, 4_567}, {14_001, 17_999}, {27_990, 35_000}};
        EachInParallel.run(SOURCES, source -> {
            for (long[] clip : clips) {
                for (AudioFormat format : AudioFormat.values()) {
                    String what = source.name() + " " + clip[0] + ".." + clip[1] + " " + format;
                    byte[] whole = CutFiles.pcm16(cut(file(source), clip[0], clip[1], "whole", format));
                    Path sparse = sparse(source, clip[0], clip[1], new AtomicLong());
                    byte[] sliced = CutFiles.pcm16(cut(sparse, clip[0], clip[1], "sparse", format));
                    assertThat(sliced.length).as(what + " decoded bytes").isEqualTo(whole.length).isPositive();
                    assertThat(Arrays.equals(sliced, whole)).as(what + " samples").isTrue();
                }
            }
        });
    }

    @Test
    void aClipInTheMiddleReadsTheIndexAndItsOwnSecondsOnly() throws Exception {
        for (Source source : SOURCES) {
            AtomicLong read = new AtomicLong();
            sparse(source, 14_000, 17_000, read);
            long fileBytes = Files.size(file(source));
            // Past the first 64 KiB (the index is there or read on its own): the clip's 3 s with 2 s before it and
            // 1 s after, and the first second: 7 s of 30.
            long pastHead = read.get() - SourceFiles.MAX_HEADER_BYTES;
            assertThat(pastHead).as(source.name() + ": bytes read past the head, of " + fileBytes)
                    .isLessThan(fileBytes * 8 / 30);
        }
    }

    @Test
    void anIndexPastTheSamplesIsFoundByWalkingTheBoxes() throws Exception {
        Source last = SOURCES.get(1);
        Path file = file(last);
        List<Mp4Layout.Box> first = Mp4Layout.topBoxes(CutFiles.readRange(file, 0, SourceFiles.MAX_HEADER_BYTES), 0,
                Files.size(file));
        assertThat(first).extracting(Mp4Layout.Box::type).as("the mdat's header is there, the moov is not")
                .contains("ftyp", "mdat").doesNotContain("moov");
        Mp4Slices.Index index = index(last, new AtomicLong());
        assertThat(index.pieces()).as("head, the box header after mdat, the moov").hasSize(3);
        assertThat(index.layout().samples()).as("1,024 samples an AAC frame")
                .isBetween((int) (SOURCE_MS * 48 / 1024), (int) (SOURCE_MS * 48 / 1024) + 3);
    }

    private static Mp4Slices.Index index(Source source, AtomicLong read) throws IOException {
        Path file = file(source);
        long fileBytes = Files.size(file);
        byte[] head = CutFiles.readRange(file, 0, SourceFiles.MAX_HEADER_BYTES);
        read.addAndGet(head.length);
        assertThat(Mp4Layout.isMp4(head)).isTrue();
        return Mp4Slices.index(head, fileBytes, (first, last) -> {
            read.addAndGet(last - first + 1);
            return CutFiles.readRange(file, first, last - first + 1);
        }).orElseThrow();
    }

    private static Path sparse(Source source, long startMs, long endMs, AtomicLong read) throws IOException {
        Path file = file(source);
        Mp4Slices.Index index = index(source, read);
        List<Mp4Layout.Range> ranges = index.layout().ranges(startMs, endMs).orElseThrow();
        Path sparse = Files.createTempFile(dir, source.name() + "-" + startMs, ".m4a");
        Files.delete(sparse);
        boolean written = Mp4Slices.write(sparse, Files.size(file), index, ranges, (first, last, out) -> {
            read.addAndGet(last - first + 1);
            out.write(ByteBuffer.wrap(CutFiles.readRange(file, first, last - first + 1)));
            return true;
        });
        assertThat(written).isTrue();
        assertThat(Files.size(sparse)).isEqualTo(Files.size(file));
        return sparse;
    }

    private static Path cut(Path source, long startMs, long endMs, String kind, AudioFormat format) throws Exception {
        Path output = dir.resolve(source.getFileName() + "-" + kind + "-" + startMs + "." + format.extension());
        Ffmpeg.Result result = CutFiles.cut(source, startMs, endMs, format, output);
        assertThat(result.stderr()).as("ffmpeg read no hole: nothing to complain of").isBlank();
        return output;
    }

    static Path file(Source source) {
        return dir.resolve(source.name() + ".m4a");
    }

}
