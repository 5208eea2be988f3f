package dev.podclip.clip.media;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a CBR MP3's layout from its first bytes, and the bytes a clip needs: byte arrays in, offsets out. Frames
 * here are MPEG-1 Layer III at 128 kbit/s and 48 kHz, 384 bytes each with no padding, after an Info frame.
 */
class Mp3LayoutTest {

    static final int FRAME_BYTES = 384;
    static final int FRAMES = 10_000;
    static final byte[] HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x94, 0x00};

    @Test
    void readsAnInfoTagAndItsDelays() {
        Mp3Layout layout = Mp3Layout.parse(stream("Info", 3, "LAME3.100", FRAMES, FRAME_BYTES * (FRAMES + 1)),
                100, 100 + FRAME_BYTES * (FRAMES + 1L) + 128).orElseThrow();
        assertThat(layout).isEqualTo(new Mp3Layout(true, 48_000, 2, 128, 100 + FRAME_BYTES, FRAMES,
                100 + FRAME_BYTES * (FRAMES + 1L), 576 + 529, FRAMES * 1_152L - 1_008 + 529));
        assertThat(layout.samples()).isEqualTo(FRAMES * 1_152L - 576 - 1_008);
        assertThat(layout.prerollFrames()).as("10, and twice the 511-byte reservoir in frames").isEqualTo(14);
    }

    @Test
    void delaysAreDroppedOnlyForEncodersFfmpegTakesThemFrom() {
        byte[] bytes = stream("Info", 3, "Other1.0x", FRAMES, FRAME_BYTES * (FRAMES + 1));
        Mp3Layout layout = Mp3Layout.parse(bytes, 0, FRAME_BYTES * (FRAMES + 1L)).orElseThrow();
        assertThat(layout.skipSamples()).isZero();
        assertThat(layout.samples()).isEqualTo(FRAMES * 1_152L);
    }

    @Test
    void aSliceStartsFramesBeforeTheClipAndKeepsItsSamples() {
        Mp3Layout layout = Mp3Layout.parse(stream("Info", 3, "LAME3.100", FRAMES, FRAME_BYTES * (FRAMES + 1)), 0,
                FRAME_BYTES * (FRAMES + 1L)).orElseThrow();
        Mp3Layout.Slice slice = layout.slice(60_000, 120_000).orElseThrow();
        long firstSample = 60_000 * 48 + 576 + 529;
        long firstFrame = firstSample / 1_152 - layout.prerollFrames();
        assertThat(slice.firstFrame()).isEqualTo(firstFrame);
        assertThat(slice.firstByte()).isEqualTo(FRAME_BYTES + firstFrame * FRAME_BYTES - Mp3Layout.MAX_DRIFT_BYTES);
        assertThat(slice.keepFrom()).isEqualTo(firstSample - firstFrame * 1_152);
        assertThat(slice.keepTo() - slice.keepFrom()).isEqualTo((60_000 + 100 + 1) * 48);
        assertThat(slice.length()).as("a minute at 16 KB/s, and a little").isBetween(960_000L, 1_000_000L);
        assertThat(layout.slice(0, 1_000).orElseThrow().firstByte()).as("the first frame itself")
                .isEqualTo(FRAME_BYTES);
        assertThat(layout.slice(FRAMES * 24L, FRAMES * 24L + 1_000)).as("past the audio").isEmpty();
        Mp3Layout.Slice last = layout.slice(FRAMES * 24L - 1_000, FRAMES * 24L + 1_000).orElseThrow();
        assertThat(last.lastByte()).as("not past the stream").isEqualTo(FRAME_BYTES * (FRAMES + 1L) - 1);
    }

    @Test
    void aSlicesFirstFrameIsFoundWithinTheDriftOnly() {
        Mp3Layout layout = Mp3Layout.parse(stream("Info", 3, "LAME3.100", FRAMES, FRAME_BYTES * (FRAMES + 1)), 0,
                FRAME_BYTES * (FRAMES + 1L)).orElseThrow();
        Mp3Layout.Slice slice = layout.slice(60_000, 61_000).orElseThrow();
        byte[] frames = frames(8);
        byte[] window = new byte[Mp3Layout.MAX_DRIFT_BYTES + frames.length];
        System.arraycopy(frames, 0, window, Mp3Layout.MAX_DRIFT_BYTES, frames.length);
        assertThat(layout.locate(window, slice)).hasValue(Mp3Layout.MAX_DRIFT_BYTES);
        byte[] late = new byte[3 * Mp3Layout.MAX_DRIFT_BYTES + frames.length];
        System.arraycopy(frames, 0, late, 3 * Mp3Layout.MAX_DRIFT_BYTES, frames.length);
        assertThat(layout.locate(late, slice)).as("a frame start two drifts late").isEmpty();
        assertThat(layout.locate(new byte[4_000], slice)).as("no frame").isEmpty();
    }

    @Test
    void vbrFreeFormatOtherVersionsAndInconsistentTagsAreNotKnown() {
        long size = FRAME_BYTES * (FRAMES + 1L);
        byte[] good = stream("Info", 3, "LAME3.100", FRAMES, (int) size);
        assertThat(Mp3Layout.parse(good, 0, size)).isPresent();
        assertThat(Mp3Layout.parse(stream("Xing", 3, "LAME3.100", FRAMES, (int) size), 0, size)).as("VBR")
                .isEmpty();
        byte[] vbri = good.clone();
        put(vbri, 36, "VBRI");
        assertThat(Mp3Layout.parse(vbri, 0, size)).as("VBRI").isEmpty();
        assertThat(Mp3Layout.parse(frames(8), 0, size)).as("no tag").isEmpty();
        assertThat(Mp3Layout.parse(stream("Info", 1, "LAME3.100", FRAMES, (int) size), 0, size))
                .as("no stream size").isEmpty();
        assertThat(Mp3Layout.parse(stream("Info", 3, "LAME3.100", FRAMES + 1, (int) size), 0, size))
                .as("a frame more than the bytes hold").isEmpty();
        assertThat(Mp3Layout.parse(stream("Info", 3, "LAME3.100", -1, (int) size), 0, size))
                .as("four billion frames").isEmpty();
        assertThat(Mp3Layout.parse(good, 0, size - 1)).as("stream past the file's end").isEmpty();
        assertThat(Mp3Layout.parse(good, 0, size + Mp3Layout.MAX_TRAILING_BYTES + 1)).as("a file much longer")
                .isEmpty();
        assertThat(Mp3Layout.parse(Arrays.copyOf(good, 60), 0, size)).as("cut inside the tag").isEmpty();
        assertThat(Mp3Layout.parse(Arrays.copyOf(good, FRAME_BYTES + 100), 0, size)).as("cut before the chain")
                .isEmpty();
        assertThat(Mp3Layout.parse(withHeaderByte(good, 2, 0x04), 0, size)).as("free format").isEmpty();
        assertThat(Mp3Layout.parse(withHeaderByte(good, 1, 0xE3), 0, size)).as("MPEG-2.5").isEmpty();
        assertThat(Mp3Layout.parse(withHeaderByte(good, 1, 0xFD), 0, size)).as("Layer II").isEmpty();
        byte[] otherRate = good.clone();
        otherRate[FRAME_BYTES * 2 + 2] = (byte) 0xA4;
        assertThat(Mp3Layout.parse(otherRate, 0, size)).as("a frame of another bitrate").isEmpty();
        assertThat(Mp3Layout.parse(new byte[4_096], 0, size)).as("zeros").isEmpty();
        assertThat(Mp3Layout.parse(new byte[0], 0, size)).as("nothing").isEmpty();
    }

    @Test
    void noTruncationOrDamageThrows() {
        long size = FRAME_BYTES * (FRAMES + 1L);
        byte[] good = stream("Info", 15, "LAME3.100", FRAMES, (int) size);
        for (int length = 0; length <= good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            Mp3Layout.parse(cut, 0, size);
            Mp3Layout.audioStart(cut);
        }
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 20_000; i++) {
            byte[] damaged = good.clone();
            for (int j = 0; j < 4; j++) {
                damaged[random.nextInt(FRAME_BYTES + 8)] = (byte) random.nextInt(256);
            }
            Mp3Layout.parse(damaged, 0, size).ifPresent(layout -> {
                layout.slice(0, 1_000);
                layout.slice(random.nextInt(1_000_000), 2_000_000);
            });
        }
    }

    @Test
    void findsTheFirstFrameAfterAnId3v2Tag() {
        assertThat(Mp3Layout.audioStart(new byte[] {(byte) 0xFF, (byte) 0xFB, 0, 0})).isZero();
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0x02, 0x01};
        assertThat(Mp3Layout.audioStart(id3)).isEqualTo(10 + 0x101);
        byte[] footer = id3.clone();
        footer[5] = 0x10;
        assertThat(Mp3Layout.audioStart(footer)).as("a v2.4 footer").isEqualTo(20 + 0x101);
        byte[] big = {'I', 'D', '3', 3, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F};
        assertThat(Mp3Layout.audioStart(big)).as("the largest tag, an offset only").isEqualTo(10 + (1L << 28) - 1);
        byte[] notSyncsafe = id3.clone();
        notSyncsafe[8] = (byte) 0x80;
        assertThat(Mp3Layout.audioStart(notSyncsafe)).isEqualTo(-1);
        byte[] unknownVersion = id3.clone();
        unknownVersion[3] = 9;
        assertThat(Mp3Layout.audioStart(unknownVersion)).isEqualTo(-1);
        assertThat(Mp3Layout.audioStart(new byte[] {'I', 'D', '3', 4})).as("cut inside the tag header")
                .isEqualTo(-1);
    }

    /** An Info frame with the given tag, flags, encoder, frame count and stream size, then eight audio frames. */
    static byte[] stream(String tag, int flags, String encoder, int frames, int streamBytes) {
        ByteBuffer info = ByteBuffer.allocate(FRAME_BYTES);
        info.put(HEADER).position(36);
        info.put(ascii(tag)).putInt(flags);
        if ((flags & 1) != 0) {
            info.putInt(frames);
        }
        if ((flags & 2) != 0) {
            info.putInt(streamBytes);
        }
        info.put(ascii(encoder));
        // Revision, lowpass, replay gain, flags, bitrate: 12 bytes; then 576 and 1,008 in 12 bits each.
        info.position(info.position() + 12).put((byte) 0x24).put((byte) 0x03).put((byte) 0xF0);
        byte[] audio = frames(8);
        byte[] all = Arrays.copyOf(info.array(), FRAME_BYTES + audio.length);
        System.arraycopy(audio, 0, all, FRAME_BYTES, audio.length);
        return all;
    }

    static byte[] frames(int count) {
        byte[] frames = new byte[count * FRAME_BYTES];
        for (int i = 0; i < count; i++) {
            System.arraycopy(HEADER, 0, frames, i * FRAME_BYTES, HEADER.length);
        }
        return frames;
    }

    private static byte[] withHeaderByte(byte[] stream, int index, int value) {
        byte[] changed = stream.clone();
        for (int at = 0; at < changed.length; at += FRAME_BYTES) {
            changed[at + index] = (byte) value;
        }
        return changed;
    }

    private static void put(byte[] bytes, int at, String text) {
        System.arraycopy(ascii(text), 0, bytes, at, text.length());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
