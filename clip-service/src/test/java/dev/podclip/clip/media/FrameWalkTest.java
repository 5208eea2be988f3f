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
 * The frame walk counts an MP3's (VBR too) and an ADTS AAC's audio from its headers: the whole file's frames add up
 * to its length, a walk fed in pieces counts what one pass counts, a header that is not the stream's ends it, and the
 * next fetch is sized by the bytes a millisecond took.
 */
class FrameWalkTest {

    static final long SOURCE_MS = 20_000;

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeSources() throws Exception {
        CutFiles.ffmpeg("-f", "lavfi", "-i", "anoisesrc=seed=5:r=44100:d=20", "-ac", "2", "-c:a", "libmp3lame",
                "-q:a", "4", dir.resolve("vbr.mp3").toString());
        CutFiles.ffmpeg("-f", "lavfi", "-i", "anoisesrc=seed=5:r=22050:d=20", "-ac", "1", "-c:a", "libmp3lame",
                "-b:a", "32k", "-id3v2_version", "3", dir.resolve("lsf.mp3").toString());
        CutFiles.ffmpeg("-f", "lavfi", "-i", "anoisesrc=seed=5:r=48000:d=20", "-ac", "2", "-c:a", "aac", "-b:a",
                "96k", "-f", "adts", dir.resolve("adts.aac").toString());
        CutFiles.ffmpeg("-f", "lavfi", "-i", "anoisesrc=seed=5:r=8000:d=5", "-c:a", "libmp3lame", "-b:a", "16k",
                dir.resolve("mpeg25.mp3").toString());
    }

    static FrameWalk walkWhole(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        long start = Mp3Layout.audioStart(bytes);
        FrameWalk walk = FrameWalk.start(bytes, (int) start, start).orElseThrow(() -> new AssertionError(file));
        return walk.over(bytes, 0);
    }

    @Test
    void theWholeFilesFramesAddUpToItsLength() throws Exception {
        for (String name : List.of("vbr.mp3", "lsf.mp3", "adts.aac")) {
            FrameWalk walk = walkWhole(dir.resolve(name));
            // Encoders add a few frames of delay and padding (and MP3 its Xing or Info frame): at most ~0.1 s here.
            assertThat(walk.reachedMs()).as(name).isBetween(SOURCE_MS, SOURCE_MS + 150);
            assertThat(walk.nextByte()).as(name + ": every byte walked").isEqualTo(Files.size(dir.resolve(name)));
            assertThat(walk.ended()).as(name).isFalse();
        }
        assertThat(walkWhole(dir.resolve("vbr.mp3")).kind()).isEqualTo(FrameWalk.Kind.MP3);
        assertThat(walkWhole(dir.resolve("adts.aac")).kind()).isEqualTo(FrameWalk.Kind.ADTS);
        assertThat(walkWhole(dir.resolve("lsf.mp3")).audioStart()).as("after the ID3v2 tag").isPositive();
    }

    @Test
    void aWalkFedInPiecesCountsWhatOnePassCounts() throws Exception {
        for (String name : List.of("vbr.mp3", "adts.aac")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            FrameWalk whole = walkWhole(dir.resolve(name));
            for (int piece : new int[]{1_000, 4_099, 65_536}) {
                FrameWalk walk = whole.fromStart();
                List<Long> reached = new ArrayList<>();
                for (int from = 0; from < bytes.length; ) {
                    // Each piece starts where the walk stands, as SourceFiles reads its windows.
                    int at = (int) walk.nextByte();
                    walk = walk.over(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + piece)), at);
                    reached.add(walk.reachedMs());
                    if (walk.nextByte() == at) {
                        break;
                    }
                    from = (int) walk.nextByte();
                }
                assertThat(walk).as(name + " in pieces of " + piece).isEqualTo(whole);
                assertThat(reached).as("never backwards").isSorted();
            }
            // A prefix counts only its whole frames.
            FrameWalk half = whole.fromStart().over(Arrays.copyOf(bytes, bytes.length / 2), 0);
            assertThat(half.nextByte()).isLessThanOrEqualTo(bytes.length / 2);
            assertThat(half.reachedMs()).isBetween(SOURCE_MS / 2 - 1_500, SOURCE_MS / 2 + 1_500);
            assertThat(half.ended()).isFalse();
        }
    }

    @Test
    void aHeaderThatIsNotTheStreamsEndsTheWalk() throws Exception {
        for (String name : List.of("vbr.mp3", "adts.aac")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            FrameWalk whole = walkWhole(dir.resolve(name));
            FrameWalk half = whole.fromStart().over(Arrays.copyOf(bytes, bytes.length / 2), 0);
            byte[] broken = bytes.clone();
            broken[(int) half.nextByte()] = 0x00;
            FrameWalk walk = whole.fromStart().over(broken, 0);
            assertThat(walk.ended()).as(name).isTrue();
            assertThat(walk.nextByte()).as(name + ": where it ended").isEqualTo(half.nextByte());
            assertThat(walk.reachedMs()).isEqualTo(half.reachedMs());
            assertThat(walk.over(bytes, 0)).as("an ended walk stays").isEqualTo(walk);
        }
        // libmp3lame writes 8 kHz as MPEG-2.5, whose frames the walk does not count: not a start.
        byte[] mpeg25 = Files.readAllBytes(dir.resolve("mpeg25.mp3"));
        long start = Mp3Layout.audioStart(mpeg25);
        assertThat(FrameWalk.start(mpeg25, (int) start, start)).isEmpty();
        assertThat(FrameWalk.start("<html>".getBytes(), 0, 0)).isEmpty();
    }

    @Test
    void theNextFetchIsSizedByTheBytesAMillisecondTook() {
        // 16 bytes a millisecond (128 kbit/s) over the first 10 s, from byte 1,000.
        FrameWalk walk = new FrameWalk(FrameWalk.Kind.MP3, 1_000, 44_100, 2, 161_000, 441_000, false);
        assertThat(walk.reachedMs()).isEqualTo(10_000);
        long projected = 161_000 + 20_000 * 16;
        assertThat(walk.nextFetchEnd(30_000, 161_000, 100_000_000))
                .isEqualTo(projected + projected / 8 + FrameWalk.MIN_STEP_BYTES);
        assertThat(walk.nextFetchEnd(30_000, 161_000, 500_000)).as("at most the file").isEqualTo(500_000);
        assertThat(walk.nextFetchEnd(5_000, 161_000, 100_000_000)).as("reached already: to its frames, and margin")
                .isEqualTo(161_000 + 161_000 / 8 + FrameWalk.MIN_STEP_BYTES);
        FrameWalk none = walk.fromStart();
        assertThat(none.nextFetchEnd(30_000, 0, 100_000_000)).as("nothing counted yet: one step")
                .isEqualTo(FrameWalk.MIN_STEP_BYTES);
    }
}
