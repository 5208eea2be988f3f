package dev.podclip.clip.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clip cut from the prefix of a VBR MP3 or an ADTS AAC that its frame walk says reaches {@link
 * FrameWalk#MARGIN_MS} past the clip's end is the clip cut from the whole file, bit for bit (as M4A): ffmpeg reads
 * the same bytes up to there either way. Sources: libmp3lame VBR (with a large ID3v2 tag too) and ABR, and
 * ffmpeg's AAC as ADTS at two rates; clips at the start and in the middle.
 */
class PrefixCutTest {

    static final long SOURCE_MS = 30_000;
    static final long[][] CLIPS = {{0, 3_000}, {10_001, 13_999}, {20_500, 26_250}};

    @TempDir
    static Path dir;

    record Source(String file, List<String> encoding) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("vbr.mp3", List.of("-ar", "44100", "-ac", "2", "-c:a", "libmp3lame", "-q:a", "4")),
            new Source("vbr-tagged.mp3", List.of("-ar", "22050", "-ac", "1", "-c:a", "libmp3lame", "-q:a", "6",
                    "-metadata", "comment=" + "x".repeat(SourceFiles.MAX_HEADER_BYTES + 10_000))),
            new Source("abr.mp3", List.of("-ar", "48000", "-ac", "2", "-c:a", "libmp3lame", "-b:a", "96k", "-abr",
                    "1")),
            new Source("adts.aac", List.of("-ar", "44100", "-ac", "2", "-c:a", "aac", "-b:a", "128k", "-f", "adts")),
            new Source("adts-low.aac", List.of("-ar", "22050", "-ac", "1", "-c:a", "aac", "-b:a", "32k", "-f",
                    "adts")));

    @BeforeAll
    static void makeSources() throws Exception {
        EachInParallel.run(SOURCES, source -> {
            List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "anoisesrc=seed=11:a=0.5:d="
                    + AudioCut.seconds(SOURCE_MS)));
            args.addAll(source.encoding());
            args.add(dir.resolve(source.file()).toString());
            CutFiles.ffmpeg(args);
        });
    }

    @Test
    void aCutOfThePrefixIsTheCutOfTheWholeFile() throws Exception {
        EachInParallel.run(SOURCES, source -> {
            Path whole = dir.resolve(source.file());
            byte[] bytes = Files.readAllBytes(whole);
            for (long[] clip : CLIPS) {
                String what = source.file() + " " + clip[0] + ".." + clip[1];
                long prefixBytes = prefixBytes(bytes, clip[1] + FrameWalk.MARGIN_MS);
                assertThat(prefixBytes).as(what + ": a prefix, not the file").isLessThan(bytes.length);
                Path prefix = dir.resolve(clip[0] + "-" + source.file());
                Files.write(prefix, Arrays.copyOf(bytes, (int) prefixBytes));
                // As M4A: the AAC encoder is the one that never re-converges once its input differs
                // (Mp3SliceCutTest), so equal AAC means equal input samples.
                byte[] fromWhole = CutFiles.pcm16(cut(whole, clip, AudioFormat.M4A));
                byte[] fromPrefix = CutFiles.pcm16(cut(prefix, clip, AudioFormat.M4A));
                assertThat(fromPrefix.length).as(what + " length").isEqualTo(fromWhole.length).isPositive();
                assertThat(Arrays.equals(fromPrefix, fromWhole)).as(what + " samples").isTrue();
            }
        });
    }

    /** The first frame boundary at which the walk reaches {@code needMs}: the least a prefix fetch keeps. */
    static long prefixBytes(byte[] bytes, long needMs) {
        long start = Mp3Layout.audioStart(bytes);
        FrameWalk walk = FrameWalk.start(bytes, (int) start, start).orElseThrow();
        // The walk over a prefix reaches further the longer the prefix: the shortest that reaches, by bisection.
        int low = (int) start;
        int high = bytes.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (walk.over(Arrays.copyOf(bytes, mid), 0).reachedMs() >= needMs) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return walk.over(Arrays.copyOf(bytes, low), 0).nextByte();
    }

    private static Path cut(Path source, long[] clip, AudioFormat format) throws Exception {
        Path output = dir.resolve(source.getFileName() + "-" + clip[0] + "." + format.extension());
        CutFiles.cut(source, clip[0], clip[1], format, output);
        return output;
    }
}
