package dev.podclip.clip.media;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading an MP4's top-level boxes and its sample index from bytes, and the bytes a clip needs: byte arrays in, offsets
 * out. The index is built here box by box (one sound track of 1,000 Hz: 100 samples of 100 ticks, 0.1 s each, ten
 * to a chunk, 50 bytes each, the chunks 1,000 bytes apart from byte 10,000), so each field can be broken on its own.
 */
class Mp4LayoutTest {

    private static final long FILE_BYTES = 1_000_000;

    @Test
    void readsTheSampleIndexOfOneSoundTrack() {
        Mp4Layout layout = Mp4Layout.parse(moov(Index.good()), FILE_BYTES).orElseThrow();
        assertThat(layout.samples()).isEqualTo(100);
        assertThat(layout.weightBytes()).isEqualTo(100 * 20);
    }

    @Test
    void aClipNeedsItsOwnSamplesWithThePreRollMarginAndTheOpening() {
        Mp4Layout layout = Mp4Layout.parse(moov(Index.good()), FILE_BYTES).orElseThrow();
        // 0.1 s a sample, ten a chunk: the opening second is chunk 1 (bytes 10,000..10,499).
        assertThat(Mp4Layout.OPENING_MS).isEqualTo(1_000);
        assertThat(Mp4Layout.PRE_ROLL_MS).isEqualTo(2_000);
        assertThat(Mp4Layout.END_MARGIN_MS).isEqualTo(1_000);
        // 5.05..6.0 s: from 3.05 s (sample 30, chunk 4 at 13,000) to 7.0 s (sample 69, the last of chunk 7).
        assertThat(layout.ranges(5_050, 6_000)).contains(List.of(new Mp4Layout.Range(10_000, 10_499),
                new Mp4Layout.Range(13_000, 16_499)));
        // 2.5..3 s: from 0.5 s, which meets the opening: one range.
        assertThat(layout.ranges(2_500, 3_000)).contains(List.of(new Mp4Layout.Range(10_000, 13_499)));
        // 9.5..20 s: from 7.5 s (sample 75: chunk 8 at 17,000, five samples in), cut at the last sample.
        assertThat(layout.ranges(9_500, 20_000)).as("cut at the last sample")
                .contains(List.of(new Mp4Layout.Range(10_000, 10_499), new Mp4Layout.Range(17_250, 19_499)));
        assertThat(layout.ranges(9_950, 10_000)).as("in the last sample").isPresent();
        assertThat(layout.ranges(10_000, 11_000)).as("past the last sample's start").isEmpty();
        assertThat(layout.ranges(3_000, 3_000)).as("empty").isEmpty();
    }

    @Test
    void onlyOneSoundTrackWithAnIndexThatAddsUp() {
        assertThat(parse(Index.good())).isTrue();
        assertThat(parse(Index.good().handler("vide"))).as("video").isFalse();
        assertThat(parse(Index.good().tracks(2))).as("two tracks").isFalse();
        assertThat(parse(Index.good().tracks(0))).as("no track").isFalse();
        assertThat(parse(Index.good().fragmented())).as("fragments (mvex)").isFalse();
        assertThat(parse(Index.good().timeRuns(99))).as("time runs one sample short").isFalse();
        assertThat(parse(Index.good().timeRuns(101))).as("time runs one sample over").isFalse();
        assertThat(parse(Index.good().perChunk(9))).as("chunks hold fewer samples than there are").isFalse();
        assertThat(parse(Index.good().perChunk(11))).as("chunks hold more samples than there are").isFalse();
        assertThat(parse(Index.good().firstChunk(0))).as("chunks count from 1").isFalse();
        assertThat(parse(Index.good().chunkBase(FILE_BYTES - 5_000))).as("samples past the file's end").isFalse();
        assertThat(parse(Index.good().sixtyFourBitOffsets())).as("co64").isTrue();
        assertThat(parse(Index.good().timescale(0))).as("no timescale").isFalse();
    }

    @Test
    void anEditListMaySkipTheEncodersDelayOnly() {
        assertThat(parse(Index.good().edit(100))).as("0.1 s").isTrue();
        assertThat(parse(Index.good().edit(1_000))).as("a second").isTrue();
        assertThat(parse(Index.good().edit(1_001))).as("more").isFalse();
        assertThat(parse(Index.good().edit(-1))).as("an empty edit first").isFalse();
    }

    @Test
    void countsAndSizesTheBytesDoNotHoldAreNotKnownWithoutWork() {
        assertThat(parse(Index.good().sampleCount(Integer.MAX_VALUE))).as("sample sizes past their box").isFalse();
        assertThat(parse(Index.good().sampleCount(Mp4Layout.MAX_SAMPLES + 1L))).isFalse();
        byte[] moov = moov(Index.good());
        for (int cut : new int[] {7, 8, 40, moov.length / 2, moov.length - 1}) {
            assertThat(Mp4Layout.parse(Arrays.copyOf(moov, cut), FILE_BYTES)).as("cut at " + cut).isEmpty();
        }
        byte[] bigChild = moov.clone();
        ByteBuffer.wrap(bigChild).putInt(8, 0x7FFF_FFF0);
        assertThat(Mp4Layout.parse(bigChild, FILE_BYTES)).as("a child larger than its parent").isEmpty();
        assertThat(Mp4Layout.parse(new byte[64], FILE_BYTES)).as("zeros").isEmpty();
        assertThat(Mp4Layout.parse(box("free", new byte[8]), FILE_BYTES)).as("not moov").isEmpty();
    }

    @Test
    void topLevelBoxesAreWalkedWithinTheBytesAndTheFile() {
        byte[] head = concat(box("ftyp", new byte[12]), box("free", new byte[4]), header("mdat", 900_000));
        assertThat(Mp4Layout.isMp4(head)).isTrue();
        assertThat(Mp4Layout.topBoxes(head, 0, FILE_BYTES)).containsExactly(new Mp4Layout.Box("ftyp", 0, 8, 20),
                new Mp4Layout.Box("free", 20, 8, 12), new Mp4Layout.Box("mdat", 32, 8, 900_000));
        assertThat(Mp4Layout.topBoxes(head, 0, 500_000)).as("mdat past the file's end").hasSize(2);

        ByteBuffer large = ByteBuffer.allocate(16).putInt(1).put(ascii("mdat")).putLong(5_000_000_000L);
        assertThat(Mp4Layout.topBoxes(large.array(), 100, 6_000_000_000L))
                .containsExactly(new Mp4Layout.Box("mdat", 100, 16, 5_000_000_000L));
        assertThat(Mp4Layout.topBoxes(Arrays.copyOf(large.array(), 12), 100, 6_000_000_000L))
                .as("a 64-bit size cut off").isEmpty();
        assertThat(Mp4Layout.topBoxes(header("mdat", 0), 40, 1_040)).as("size 0: to the file's end")
                .containsExactly(new Mp4Layout.Box("mdat", 40, 8, 1_000));
        assertThat(Mp4Layout.topBoxes(header("mdat", 7), 0, FILE_BYTES)).as("smaller than its header").isEmpty();

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            many.writeBytes(box("free", new byte[0]));
        }
        assertThat(Mp4Layout.topBoxes(many.toByteArray(), 0, FILE_BYTES)).hasSize(Mp4Layout.MAX_TOP_BOXES);
        assertThat(Mp4Layout.isMp4(box("moov", new byte[8]))).isFalse();
    }

    private static boolean parse(Index index) {
        return Mp4Layout.parse(moov(index), FILE_BYTES).isPresent();
    }

    /** The fields of a test index, each breakable on its own; {@link #good} is a valid one. */
    static final class Index {
        String handler = "soun";
        int tracks = 1;
        boolean withMvex;
        long timeRunSamples = 100;
        int perChunk = 10;
        int firstChunk = 1;
        long chunkBase = 10_000;
        boolean co64;
        long timescale = 1_000;
        Long editMs;
        long sampleCount = 100;

        static Index good() {
            return new Index();
        }

        Index handler(String value) {
            handler = value;
            return this;
        }

        Index tracks(int value) {
            tracks = value;
            return this;
        }

        Index fragmented() {
            withMvex = true;
            return this;
        }

        Index timeRuns(long value) {
            timeRunSamples = value;
            return this;
        }

        Index perChunk(int value) {
            perChunk = value;
            return this;
        }

        Index firstChunk(int value) {
            firstChunk = value;
            return this;
        }

        Index chunkBase(long value) {
            chunkBase = value;
            return this;
        }

        Index sixtyFourBitOffsets() {
            co64 = true;
            return this;
        }

        Index timescale(long value) {
            timescale = value;
            return this;
        }

        Index edit(long ms) {
            editMs = ms;
            return this;
        }

        Index sampleCount(long value) {
            sampleCount = value;
            return this;
        }
    }

    /** moov with the index's tracks: hdlr, mdhd, stbl (stts, stsc, stsz, stco or co64), and an elst if asked. */
    static byte[] moov(Index index) {
        ByteBuffer hdlr = ByteBuffer.allocate(24).putInt(0).putInt(0).put(ascii(index.handler));
        ByteBuffer mdhd = ByteBuffer.allocate(24).putInt(0).putInt(0).putInt(0).putInt((int) index.timescale)
                .putInt(10_000);
        ByteBuffer stts = ByteBuffer.allocate(16).putInt(0).putInt(1).putInt((int) index.timeRunSamples)
                .putInt(100);
        ByteBuffer stsc = ByteBuffer.allocate(20).putInt(0).putInt(1).putInt(index.firstChunk)
                .putInt(index.perChunk).putInt(1);
        ByteBuffer stsz = ByteBuffer.allocate(12 + 100 * 4).putInt(0).putInt(0).putInt((int) index.sampleCount);
        for (int i = 0; i < 100; i++) {
            stsz.putInt(50);
        }
        ByteBuffer offsets = ByteBuffer.allocate(8 + 10 * (index.co64 ? 8 : 4)).putInt(0).putInt(10);
        for (int chunk = 0; chunk < 10; chunk++) {
            long offset = index.chunkBase + chunk * 1_000L;
            if (index.co64) {
                offsets.putLong(offset);
            } else {
                offsets.putInt((int) offset);
            }
        }
        byte[] stbl = box("stbl", concat(box("stts", stts.array()), box("stsc", stsc.array()),
                box("stsz", stsz.array()), box(index.co64 ? "co64" : "stco", offsets.array())));
        byte[] mdia = box("mdia", concat(box("mdhd", mdhd.array()), box("hdlr", hdlr.array()),
                box("minf", stbl)));
        byte[] edts = new byte[0];
        if (index.editMs != null) {
            long mediaTime = index.editMs < 0 ? -1 : index.editMs * index.timescale / 1000;
            ByteBuffer elst = ByteBuffer.allocate(20).putInt(0).putInt(1).putInt(10_000).putInt((int) mediaTime)
                    .putInt(0x10000);
            edts = box("edts", box("elst", elst.array()));
        }
        byte[] trak = box("trak", concat(edts, mdia));
        ByteArrayOutputStream children = new ByteArrayOutputStream();
        children.writeBytes(box("mvhd", new byte[100]));
        for (int i = 0; i < index.tracks; i++) {
            children.writeBytes(trak);
        }
        if (index.withMvex) {
            children.writeBytes(box("mvex", new byte[0]));
        }
        return box("moov", children.toByteArray());
    }

    static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(ascii(type)).put(body).array();
    }

    private static byte[] header(String type, long size) {
        return ByteBuffer.allocate(8).putInt((int) size).put(ascii(type)).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
