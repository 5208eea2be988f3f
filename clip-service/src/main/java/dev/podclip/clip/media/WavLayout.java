package dev.podclip.clip.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the samples of a plain PCM WAV file are, read from its first bytes, and which bytes a clip of it needs; pure
 * (WavLayoutTest). Header values are the remote's choice: they only ever become offsets checked against the bytes at
 * hand and the file's size, never an allocation, and anything unusual (not format 1, an odd block size, the data
 * chunk not within the first bytes or past the end of the file, a streaming size) is "not known", for the caller to
 * fetch the whole file as before.
 *
 * @param dataOffset where the first sample is in the file
 * @param dataBytes  the samples' bytes that are in the file: the data chunk's size, cut at the file's end, whole blocks
 */
record WavLayout(int channels, int sampleRateHz, int bitsPerSample, long dataOffset, long dataBytes) {

    /** Chunks looked at before the data chunk (RIFF, fmt, LIST, fact, bext, ... in practice fewer than ten). */
    static final int MAX_CHUNKS = 64;
    static final int MAX_CHANNELS = 8;
    static final int MAX_SAMPLE_RATE_HZ = 384_000;
    /** The header {@link #header} writes: RIFF, a 16-byte fmt chunk, the data chunk's id and size. */
    static final int HEADER_BYTES = 44;
    /**
     * Samples fetched past a clip's end. The cut ends at the end, but M4A resamples to 44.1 kHz first and the
     * resampler's last output samples are computed from input past the end: with none, a slice's last samples
     * differed from the whole file's; 5 ms was enough in WavSliceCutTest, this is twenty times that.
     */
    static final long END_MARGIN_MS = 100;
    private static final int PCM = 1;
    /** The sizes a writer leaves when it streams and never comes back to fill them in. */
    private static final long SIZE_UNKNOWN = 0xFFFF_FFFFL;

    /**
     * Which bytes of the file a clip needs. {@code offsetMs} is the time of the slice's first sample: a whole number of
     * samples and of milliseconds, so a cut at {@code startMs - offsetMs} of the slice is the same samples as a cut at
     * {@code startMs} of the file, however ffmpeg rounds a time to a sample.
     */
    record Slice(long firstByte, long lastByte, long offsetMs) {
        long length() {
            return lastByte - firstByte + 1;
        }
    }

    int blockAlign() {
        return channels * bitsPerSample / 8;
    }

    long byteRate() {
        return (long) sampleRateHz * blockAlign();
    }

    /**
     * The layout of a PCM WAV file from its first bytes, or empty when it is not one or not one to trust.
     *
     * @param head      the file's first bytes (any number; the data chunk's header must be among them)
     * @param fileBytes the whole file's size, as the host stated it
     */
    static Optional<WavLayout> parse(byte[] head, long fileBytes) {
        ByteBuffer bytes = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head.length < 12 || !id(head, 0, "RIFF") || !id(head, 8, "WAVE")) {
            return Optional.empty();
        }
        WavLayout format = null;
        long at = 12;
        for (int chunk = 0; chunk < MAX_CHUNKS && at + 8 <= head.length; chunk++) {
            int offset = (int) at;
            long size = Integer.toUnsignedLong(bytes.getInt(offset + 4));
            if (id(head, offset, "fmt ")) {
                format = size >= 16 && offset + 8 + 16 <= head.length ? format(bytes, offset + 8) : null;
                if (format == null) {
                    return Optional.empty();
                }
            } else if (id(head, offset, "data")) {
                return format == null ? Optional.empty() : format.withData(at + 8, size, fileBytes);
            }
            // Chunks are padded to an even size; a size past the head ends the walk (no data chunk found).
            at += 8 + size + (size & 1);
        }
        return Optional.empty();
    }

    /** The fmt chunk's fields when they describe plain PCM with consistent sizes, else null. */
    private static WavLayout format(ByteBuffer bytes, int at) {
        int tag = Short.toUnsignedInt(bytes.getShort(at));
        int channels = Short.toUnsignedInt(bytes.getShort(at + 2));
        long rateHz = Integer.toUnsignedLong(bytes.getInt(at + 4));
        long byteRate = Integer.toUnsignedLong(bytes.getInt(at + 8));
        int blockAlign = Short.toUnsignedInt(bytes.getShort(at + 12));
        int bits = Short.toUnsignedInt(bytes.getShort(at + 14));
        boolean sane = tag == PCM && channels >= 1 && channels <= MAX_CHANNELS && rateHz >= 1
                && rateHz <= MAX_SAMPLE_RATE_HZ && (bits == 8 || bits == 16 || bits == 24 || bits == 32)
                && blockAlign == channels * bits / 8 && byteRate == rateHz * blockAlign;
        return sane ? new WavLayout(channels, (int) rateHz, bits, 0, 0) : null;
    }

    private Optional<WavLayout> withData(long offset, long declaredBytes, long fileBytes) {
        if (declaredBytes == 0 || declaredBytes == SIZE_UNKNOWN || offset >= fileBytes) {
            return Optional.empty();
        }
        long inFile = Math.min(declaredBytes, fileBytes - offset);
        long whole = inFile - inFile % blockAlign();
        return whole == 0 ? Optional.empty()
                : Optional.of(new WavLayout(channels, sampleRateHz, bitsPerSample, offset, whole));
    }

    /**
     * The bytes of {@code [startMs, endMs]}, or empty when the clip starts past the samples (or needs 4 GiB). The
     * slice starts on the last millisecond at or before {@code startMs} that falls on a sample (every one at 8 or
     * 48 kHz, every tenth at 44.1 kHz) and ends {@link #END_MARGIN_MS} and a grid step past {@code endMs}, or at the
     * data's end.
     */
    Optional<Slice> slice(long startMs, long endMs) {
        long gridMs = 1000 / gcd(sampleRateHz, 1000);
        long offsetMs = startMs / gridMs * gridMs;
        long firstSample = offsetMs * sampleRateHz / 1000;
        long samples = dataBytes / blockAlign();
        long endSample = Math.min(samples, ((endMs + END_MARGIN_MS + gridMs) * sampleRateHz + 999) / 1000);
        // A WAV file's sizes are 32 bits: a longer slice could not have a header of its own.
        if (firstSample >= endSample || (endSample - firstSample) * blockAlign() > SIZE_UNKNOWN - HEADER_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new Slice(dataOffset + firstSample * blockAlign(),
                dataOffset + endSample * blockAlign() - 1, offsetMs));
    }

    /** A canonical header for {@code dataBytes} of these samples: what goes before a slice to make it a WAV file. */
    byte[] header(long dataBytes) {
        assert dataBytes >= 0 && dataBytes <= SIZE_UNKNOWN - HEADER_BYTES : "a WAV holds at most 4 GiB";
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) (HEADER_BYTES - 8 + dataBytes)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16).putShort((short) PCM).putShort((short) channels).putInt(sampleRateHz)
                .putInt((int) byteRate()).putShort((short) blockAlign()).putShort((short) bitsPerSample);
        header.put(ascii("data")).putInt((int) dataBytes);
        return header.array();
    }

    private static boolean id(byte[] head, int at, String id) {
        for (int i = 0; i < 4; i++) {
            if (head[at + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
