package dev.podclip.clip.media;

import dev.podclip.support.media.SyntheticWav;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a WAV header from a file's first bytes, and the bytes a clip needs: byte arrays in, offsets out. */
class WavLayoutTest {

    private static final long BIG_FILE_BYTES = 1L << 30;

    @Test
    void readsTheSyntheticDemoAudio() {
        long durationMs = 120_000;
        byte[] head = SyntheticWav.range(durationMs, 0, 4_096);
        WavLayout layout = WavLayout.parse(head, SyntheticWav.sizeBytes(durationMs)).orElseThrow();
        assertThat(layout).isEqualTo(new WavLayout(1, 8_000, 8, 44, durationMs * 8));
        assertThat(layout.blockAlign()).isEqualTo(1);
        assertThat(layout.byteRate()).isEqualTo(8_000);
    }

    @Test
    void walksOtherChunksAndTheirPaddingBeforeTheData() {
        byte[] head = wav(fmt(1, 2, 44_100, 16), chunk("LIST", new byte[27]), chunk("fact", new byte[4]),
                dataHeader(400_000));
        // LIST: 8 + 27 + 1 pad byte; fact: 8 + 4; fmt: 8 + 16; RIFF/WAVE: 12; data's own header: 8.
        long dataOffset = 12 + 24 + 36 + 12 + 8;
        assertThat(WavLayout.parse(head, BIG_FILE_BYTES))
                .contains(new WavLayout(2, 44_100, 16, dataOffset, 400_000));
    }

    @Test
    void theDataIsCutAtTheFilesEndInWholeBlocks() {
        byte[] head = wav(fmt(1, 2, 48_000, 24), dataHeader(1_000_000));
        assertThat(WavLayout.parse(head, 44 + 1_001).orElseThrow().dataBytes()).isEqualTo(996);
    }

    @Test
    void malformedOrUnusualHeadersAreNotKnown() {
        byte[] good = wav(fmt(1, 1, 8_000, 8), dataHeader(8_000));
        assertThat(WavLayout.parse(good, 44 + 8_000)).isPresent();
        assertThat(WavLayout.parse(Arrays.copyOf(good, 11), 44 + 8_000)).as("truncated RIFF").isEmpty();
        assertThat(WavLayout.parse(Arrays.copyOf(good, 30), 44 + 8_000)).as("cut inside fmt").isEmpty();
        assertThat(WavLayout.parse(Arrays.copyOf(good, 40), 44 + 8_000)).as("cut before the data chunk").isEmpty();
        assertThat(WavLayout.parse(new byte[64], 64)).as("zeros").isEmpty();
        assertThat(WavLayout.parse("RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.US_ASCII), 100)).isEmpty();
        assertThat(WavLayout.parse(good, 44)).as("data offset at the end").isEmpty();
        assertThat(WavLayout.parse(good, 20)).as("data offset past the end").isEmpty();
        assertThat(WavLayout.parse(wav(fmt(1, 1, 8_000, 8), dataHeader(0)), BIG_FILE_BYTES)).as("empty data")
                .isEmpty();
        assertThat(WavLayout.parse(wav(fmt(1, 1, 8_000, 8), dataHeader(0xFFFF_FFFFL)), BIG_FILE_BYTES))
                .as("a streaming writer's size").isEmpty();
        assertThat(WavLayout.parse(wav(dataHeader(8_000), fmt(1, 1, 8_000, 8)), BIG_FILE_BYTES))
                .as("data before fmt").isEmpty();
    }

    @Test
    void onlyPcmOrFloatWithConsistentSizes() {
        assertThat(parse(fmt(3, 2, 44_100, 32))).as("float")
                .contains(new WavLayout(2, 44_100, 32, 44, 8_000, WavLayout.Coding.IEEE_FLOAT));
        assertThat(parse(fmt(3, 1, 44_100, 64))).as("double").isPresent();
        assertThat(parse(fmt(3, 2, 44_100, 16))).as("16-bit float").isEmpty();
        assertThat(parse(fmt(2, 2, 44_100, 16))).as("ADPCM").isEmpty();
        assertThat(parse(fmt(0x55, 2, 44_100, 16))).as("MP3 in a WAV").isEmpty();
        assertThat(parse(fmt(0xFFFE, 2, 44_100, 16))).as("extensible without its extension").isEmpty();
        assertThat(parse(fmt(1, 0, 44_100, 16))).as("no channels").isEmpty();
        assertThat(parse(fmt(1, 9, 44_100, 16))).as("too many channels").isEmpty();
        assertThat(parse(fmt(1, 2, 0, 16))).as("no rate").isEmpty();
        assertThat(parse(fmt(1, 2, 0xFFFF_FFFFL, 16))).as("absurd rate").isEmpty();
        assertThat(parse(fmt(1, 2, 44_100, 12))).as("12 bits").isEmpty();
        byte[] wrongBlock = fmt(1, 2, 44_100, 16);
        wrongBlock[8 + 12] = 3;
        assertThat(parse(wrongBlock)).as("block size").isEmpty();
        byte[] wrongRate = fmt(1, 2, 44_100, 16);
        wrongRate[8 + 8] ^= 1;
        assertThat(parse(wrongRate)).as("byte rate").isEmpty();
        assertThat(parse(fmt(1, 2, 44_100, 16))).isPresent();
    }

    @Test
    void extensiblePcmOrFloatKeepsItsValidBitsAndSpeakers() {
        // 48 kHz 5.1 (mask 0x3F), 24 valid bits in 32-bit containers: what a DAW exports.
        byte[] fmt = extensible(6, 48_000, 32, 24, 0x3F, 1);
        assertThat(WavLayout.parse(wav(fmt, dataHeader(48_000)), BIG_FILE_BYTES))
                .contains(new WavLayout(6, 48_000, 32, 12 + 48 + 8, 48_000,
                        new WavLayout.Coding(false, true, 24, 0x3F)));
        assertThat(parse(extensible(2, 44_100, 32, 32, 3, 3))).as("float")
                .map(WavLayout::coding).contains(new WavLayout.Coding(true, true, 32, 3));

        assertThat(parse(extensible(2, 44_100, 16, 17, 3, 1))).as("more valid bits than stored").isEmpty();
        assertThat(parse(extensible(2, 44_100, 16, 0, 3, 1))).as("no valid bits").isEmpty();
        assertThat(parse(extensible(2, 44_100, 16, 16, 3, 2))).as("ADPCM sub-format").isEmpty();
        byte[] otherGuid = extensible(2, 44_100, 16, 16, 3, 1);
        otherGuid[8 + 24 + 15] ^= 1;
        assertThat(parse(otherGuid)).as("a GUID not of the KSDATAFORMAT_SUBTYPE family").isEmpty();
        byte[] shortExtension = extensible(2, 44_100, 16, 16, 3, 1);
        shortExtension[8 + 16] = 21;
        assertThat(parse(shortExtension)).as("cbSize under 22").isEmpty();
        byte[] cut = extensible(2, 44_100, 16, 16, 3, 1);
        assertThat(WavLayout.parse(Arrays.copyOf(wav(cut), 12 + 8 + 30), BIG_FILE_BYTES))
                .as("extension cut off by the head's end").isEmpty();
    }

    @Test
    void absurdChunkSizesEndTheWalkWithoutWork() {
        byte[] huge = wav(fmt(1, 1, 8_000, 8), chunk("LIST", new byte[0]), dataHeader(8_000));
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(12 + 24 + 4, 0xFFFF_FFF0);
        assertThat(WavLayout.parse(huge, BIG_FILE_BYTES)).isEmpty();

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        many.writeBytes(fmt(1, 1, 8_000, 8));
        for (int i = 0; i < WavLayout.MAX_CHUNKS; i++) {
            many.writeBytes(chunk("junk", new byte[0]));
        }
        many.writeBytes(dataHeader(8_000));
        assertThat(WavLayout.parse(wav(many.toByteArray()), BIG_FILE_BYTES)).as("past MAX_CHUNKS").isEmpty();
    }

    @Test
    void aSliceStartsOnASampleThatIsAWholeMillisecond() {
        WavLayout demo = new WavLayout(1, 8_000, 8, 44, 960_000);
        WavLayout.Slice slice = demo.slice(10_500, 14_250).orElseThrow();
        assertThat(slice.offsetMs()).isEqualTo(10_500);
        assertThat(slice.firstByte()).isEqualTo(44 + 84_000);
        assertThat(slice.lastByte()).as("the margin and a millisecond past the end")
                .isEqualTo(44 + (14_250 + WavLayout.END_MARGIN_MS + 1) * 8 - 1);

        WavLayout cd = new WavLayout(2, 44_100, 16, 100, 44_100 * 4 * 60);
        WavLayout.Slice odd = cd.slice(1_234, 2_000).orElseThrow();
        assertThat(odd.offsetMs()).as("44.1 samples a millisecond: every tenth is whole").isEqualTo(1_230);
        assertThat(odd.firstByte()).isEqualTo(100 + 54_243L * 4);
        assertThat(WavLayout.END_MARGIN_MS).isEqualTo(100);
        assertThat(odd.lastByte()).as("2,110 ms: 93,051 samples").isEqualTo(100 + 93_051L * 4 - 1);
        assertThat(odd.length() % 4).isZero();
    }

    @Test
    void aSliceEndsAtTheDataAndNotPastIt() {
        WavLayout demo = new WavLayout(1, 8_000, 8, 44, 960_000);
        assertThat(demo.slice(116_500, 120_000).orElseThrow().lastByte()).isEqualTo(44 + 960_000 - 1);
        assertThat(demo.slice(119_000, 130_000).orElseThrow().lastByte()).isEqualTo(44 + 960_000 - 1);
        assertThat(demo.slice(119_000, 119_950).orElseThrow().lastByte()).as("the margin, cut at the end")
                .isEqualTo(44 + 960_000 - 1);
        assertThat(demo.slice(120_000, 130_000)).as("starts past the samples").isEmpty();
        WavLayout long96k = new WavLayout(8, 96_000, 32, 44, 1L << 40);
        assertThat(long96k.slice(0, 3_600_000)).as("an hour of 8 channels: more than a WAV header can say").isEmpty();
    }

    @Test
    void theHeaderWrittenForASliceReadsBackAsTheSameLayout() {
        WavLayout cd = new WavLayout(2, 44_100, 16, 100, 1_000_000);
        byte[] header = cd.header(4_000);
        assertThat(header).hasSize(WavLayout.HEADER_BYTES);
        assertThat(WavLayout.parse(header, 44 + 4_000)).contains(new WavLayout(2, 44_100, 16, 44, 4_000));
        assertThat(ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(36 + 4_000);

        WavLayout floats = new WavLayout(1, 22_050, 32, 58, 88_200, WavLayout.Coding.IEEE_FLOAT);
        assertThat(WavLayout.parse(floats.header(4_000), 44 + 4_000))
                .contains(new WavLayout(1, 22_050, 32, 44, 4_000, WavLayout.Coding.IEEE_FLOAT));

        WavLayout.Coding surround = new WavLayout.Coding(false, true, 24, 0x60F);
        WavLayout studio = new WavLayout(6, 48_000, 32, 200, 1_152_000, surround);
        byte[] extensible = studio.header(4_800);
        assertThat(extensible).hasSize(WavLayout.EXTENSIBLE_HEADER_BYTES);
        assertThat(WavLayout.parse(extensible, 68 + 4_800))
                .contains(new WavLayout(6, 48_000, 32, 68, 4_800, surround));
        assertThat(ByteBuffer.wrap(extensible).order(ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(60 + 4_800);
    }

    private static Optional<WavLayout> parse(byte[] fmt) {
        return WavLayout.parse(wav(fmt, dataHeader(8_000)), BIG_FILE_BYTES);
    }

    /** RIFF/WAVE around the chunks; the RIFF size is not read, so it is left 0. */
    static byte[] wav(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    static byte[] fmt(int tag, int channels, long rateHz, int bits) {
        int blockAlign = channels * bits / 8;
        ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) tag).putShort((short) channels).putInt((int) rateHz).putInt((int) (rateHz * blockAlign))
                .putShort((short) blockAlign).putShort((short) bits);
        return chunk("fmt ", body.array());
    }

    /** A WAVE_FORMAT_EXTENSIBLE fmt chunk (40 bytes) whose sub-format GUID starts with {@code subTag}. */
    static byte[] extensible(int channels, long rateHz, int bits, int validBits, int channelMask, int subTag) {
        int blockAlign = channels * bits / 8;
        ByteBuffer body = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) 0xFFFE).putShort((short) channels).putInt((int) rateHz)
                .putInt((int) (rateHz * blockAlign)).putShort((short) blockAlign).putShort((short) bits)
                .putShort((short) 22).putShort((short) validBits).putInt(channelMask).putShort((short) subTag)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", body.array());
    }

    static byte[] chunk(String id, byte[] body) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return chunk.array();
    }

    /** Only the data chunk's id and size: the samples follow in the file, past the head. */
    static byte[] dataHeader(long dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return header.array();
    }
}
