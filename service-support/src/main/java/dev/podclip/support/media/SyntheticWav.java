package dev.podclip.support.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Clearly synthetic audio for demos and browser tests: an 8 kHz, 8-bit mono PCM WAV of any length, computed, never
 * stored. Each second starts with a short beep whose pitch steps up every minute, so a listener hears where the
 * player is. Any byte range is a pure function of the duration, so HTTP range requests (how browsers seek) cost only
 * the bytes asked for.
 */
public final class SyntheticWav {

    public static final int SAMPLE_RATE_HZ = 8_000;
    public static final int HEADER_BYTES = 44;
    /** Longest audio it makes: the engine's longest time (100 h). */
    public static final long MAX_DURATION_MS = 100L * 60 * 60 * 1000;
    private static final int SILENCE = 128;
    private static final int AMPLITUDE = 48;
    private static final double BEEP_SECONDS = 0.08;

    private SyntheticWav() {
    }

    /** Total file size for a duration. */
    public static long sizeBytes(long durationMs) {
        return HEADER_BYTES + dataBytes(durationMs);
    }

    /**
     * Bytes {@code [fromByte, toByteExclusive)} of the file.
     *
     * @throws IllegalArgumentException for a range outside the file or longer than {@code Integer.MAX_VALUE - 8}
     */
    public static byte[] range(long durationMs, long fromByte, long toByteExclusive) {
        long size = sizeBytes(durationMs);
        if (fromByte < 0 || toByteExclusive > size || fromByte > toByteExclusive
                || toByteExclusive - fromByte > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("range " + fromByte + ".." + toByteExclusive + " outside 0.." + size);
        }
        byte[] out = new byte[(int) (toByteExclusive - fromByte)];
        byte[] header = header(durationMs);
        for (int i = 0; i < out.length; i++) {
            long position = fromByte + i;
            out[i] = position < HEADER_BYTES ? header[(int) position] : sample(position - HEADER_BYTES);
        }
        return out;
    }

    private static long dataBytes(long durationMs) {
        if (durationMs <= 0 || durationMs > MAX_DURATION_MS) {
            throw new IllegalArgumentException("duration out of range: " + durationMs + " ms");
        }
        return durationMs * SAMPLE_RATE_HZ / 1000;
    }

    private static byte[] header(long durationMs) {
        int data = (int) dataBytes(durationMs);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + data).put(new byte[] {'W', 'A', 'V', 'E'});
        buffer.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE_HZ).putInt(SAMPLE_RATE_HZ).putShort((short) 1).putShort((short) 8);
        buffer.put(new byte[] {'d', 'a', 't', 'a'}).putInt(data);
        return buffer.array();
    }

    private static byte sample(long index) {
        long second = index / SAMPLE_RATE_HZ;
        double inSecond = (index % SAMPLE_RATE_HZ) / (double) SAMPLE_RATE_HZ;
        if (inSecond >= BEEP_SECONDS) {
            return (byte) SILENCE;
        }
        double frequencyHz = 440 + 55 * ((second / 60) % 12);
        double value = SILENCE + AMPLITUDE * Math.sin(2 * Math.PI * frequencyHz * inSecond);
        return (byte) Math.round(value);
    }
}
