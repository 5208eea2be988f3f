package dev.podclip.clip.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the samples of a PCM or float WAV file are, read from its first bytes, and which bytes a clip of it needs; pure
 * (WavLayoutTest). Header values are the remote's choice: they only ever become offsets checked against the bytes at
 * hand and the file's size, never an allocation, and anything unusual (a compressed format, an odd block size, the
 * data chunk not within the first bytes or past the end of the file, a streaming size) is "not known", for the caller
 * to fetch the whole file as before. Integer PCM (format 1), IEEE float (format 3) and either of them as
 * WAVE_FORMAT_EXTENSIBLE (what ffmpeg and most editors write for 24 bits or more than two channels) are known: their
 * samples are fixed-size blocks, so a clip's bytes follow from its times alone.
 *
 * @param dataOffset where the first sample is in the file
 * @param dataBytes  the samples' bytes that are in the file: the data chunk's size, cut at the file's end, whole blocks
 * @param coding     how a sample is stored beyond its size, copied into a slice's header so ffmpeg reads it the same
 */
record WavLayout(int channels, int sampleRateHz, int bitsPerSample, long dataOffset, long dataBytes, Coding coding) {

    /** Chunks looked at before the data chunk (RIFF, fmt, LIST, fact, bext, ... in practice fewer than ten). */
    static final int MAX_CHUNKS = 64;
    static final int MAX_CHANNELS = 8;
    static final int MAX_SAMPLE_RATE_HZ = 384_000;
    /** The header {@link #header} writes for plain PCM or float: RIFF, a 16-byte fmt chunk, the data chunk's header. */
    static final int HEADER_BYTES = 44;
    /** The same with WAVE_FORMAT_EXTENSIBLE's 40-byte fmt chunk: the largest header a slice gets. */
    static final int EXTENSIBLE_HEADER_BYTES = 68;
    /**
     * Samples fetched past a clip's end. The cut ends at the end, but M4A resamples to 44.1 kHz first and the
     * resampler's last output samples are computed from input past the end: with none, a slice's last samples
     * differed from the whole file's; 5 ms was enough in WavSliceCutTest, this is twenty times that.
     */
    static final long END_MARGIN_MS = 100;
    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;
    /** fmt's fixed part, and the size of WAVE_FORMAT_EXTENSIBLE's extension (valid bits, channel mask, sub-format). */
    private static final int FMT_BYTES = 16;
    private static final int EXTENSION_BYTES = 22;
    /** The sub-format GUID's last 14 bytes, alike for PCM and float (KSDATAFORMAT_SUBTYPE_*); its first two: the tag. */
    private static final byte[] GUID_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B,
            0x71};
    /** The sizes a writer leaves when it streams and never comes back to fill them in. */
    private static final long SIZE_UNKNOWN = 0xFFFF_FFFFL;

    /**
     * Which bytes of the file a clip needs. {@code offsetMs} is the time of the slice's first sample: a whole number of
     * samples and of milliseconds, so a cut at {@code startMs - offsetMs} of the slice is the same samples as a cut at
     * {@code startMs} of the file, however ffmpeg rounds a time to a sample.
     */
    /**
     * How a sample is stored, beyond its size.
     *
     * @param isFloat     IEEE float samples rather than integers
     * @param extensible  the file said so in a WAVE_FORMAT_EXTENSIBLE fmt chunk, with the two fields below
     * @param validBits   the bits of each sample that carry the signal (0 unless extensible)
     * @param channelMask which speaker each channel is for (0 unless extensible): ffmpeg's channel layout, so the
     *                    downmix of a slice is the downmix of the file
     */
    record Coding(boolean isFloat, boolean extensible, int validBits, int channelMask) {
        static final Coding PCM = new Coding(false, false, 0, 0);
        static final Coding IEEE_FLOAT = new Coding(true, false, 0, 0);
    }

    /** Plain integer PCM, the common case. */
    WavLayout(int channels, int sampleRateHz, int bitsPerSample, long dataOffset, long dataBytes) {
        this(channels, sampleRateHz, bitsPerSample, dataOffset, dataBytes, Coding.PCM);
    }

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
     * The layout of a PCM or float WAV file from its first bytes, or empty when it is not one or not one to trust.
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
                format = size >= FMT_BYTES && offset + 8 + FMT_BYTES <= head.length
                        ? format(bytes, offset + 8, Math.min(size, head.length - offset - 8)) : null;
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

    /** The fmt chunk's fields when they describe PCM or float samples with consistent sizes, else null. */
    private static WavLayout format(ByteBuffer bytes, int at, long bytesAtHand) {
        int tag = Short.toUnsignedInt(bytes.getShort(at));
        int channels = Short.toUnsignedInt(bytes.getShort(at + 2));
        long rateHz = Integer.toUnsignedLong(bytes.getInt(at + 4));
        long byteRate = Integer.toUnsignedLong(bytes.getInt(at + 8));
        int blockAlign = Short.toUnsignedInt(bytes.getShort(at + 12));
        int bits = Short.toUnsignedInt(bytes.getShort(at + 14));
        Coding coding = tag == EXTENSIBLE ? extension(bytes, at, bytesAtHand, bits)
                : tag == PCM ? Coding.PCM : tag == FLOAT ? Coding.IEEE_FLOAT : null;
        boolean sane = coding != null && channels >= 1 && channels <= MAX_CHANNELS && rateHz >= 1
                && rateHz <= MAX_SAMPLE_RATE_HZ && bitsFit(coding.isFloat(), bits)
                && blockAlign == channels * bits / 8 && byteRate == rateHz * blockAlign;
        return sane ? new WavLayout(channels, (int) rateHz, bits, 0, 0, coding) : null;
    }

    /** WAVE_FORMAT_EXTENSIBLE's extension, when it is all at hand and its sub-format is PCM or float, else null. */
    private static Coding extension(ByteBuffer bytes, int at, long bytesAtHand, int bits) {
        if (bytesAtHand < FMT_BYTES + 2 + EXTENSION_BYTES
                || Short.toUnsignedInt(bytes.getShort(at + FMT_BYTES)) < EXTENSION_BYTES) {
            return null;
        }
        int validBits = Short.toUnsignedInt(bytes.getShort(at + 18));
        int channelMask = bytes.getInt(at + 20);
        int subTag = Short.toUnsignedInt(bytes.getShort(at + 24));
        for (int i = 0; i < GUID_TAIL.length; i++) {
            if (bytes.get(at + 26 + i) != GUID_TAIL[i]) {
                return null;
            }
        }
        boolean known = (subTag == PCM || subTag == FLOAT) && validBits >= 1 && validBits <= bits;
        return known ? new Coding(subTag == FLOAT, true, validBits, channelMask) : null;
    }

    private static boolean bitsFit(boolean isFloat, int bits) {
        return isFloat ? bits == 32 || bits == 64 : bits == 8 || bits == 16 || bits == 24 || bits == 32;
    }

    private Optional<WavLayout> withData(long offset, long declaredBytes, long fileBytes) {
        if (declaredBytes == 0 || declaredBytes == SIZE_UNKNOWN || offset >= fileBytes) {
            return Optional.empty();
        }
        long inFile = Math.min(declaredBytes, fileBytes - offset);
        long whole = inFile - inFile % blockAlign();
        return whole == 0 ? Optional.empty()
                : Optional.of(new WavLayout(channels, sampleRateHz, bitsPerSample, offset, whole, coding));
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
        long sliceBytes = (endSample - firstSample) * blockAlign();
        if (firstSample >= endSample || sliceBytes > SIZE_UNKNOWN - EXTENSIBLE_HEADER_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new Slice(dataOffset + firstSample * blockAlign(),
                dataOffset + endSample * blockAlign() - 1, offsetMs));
    }

    /**
     * A canonical header for {@code dataBytes} of these samples: what goes before a slice to make it a WAV file. The
     * fmt chunk says what the file's said (tag, and for WAVE_FORMAT_EXTENSIBLE valid bits, speaker mask, sub-format),
     * so ffmpeg decodes the slice's samples as it would have decoded them in the file.
     */
    byte[] header(long dataBytes) {
        assert dataBytes >= 0 && dataBytes <= SIZE_UNKNOWN - EXTENSIBLE_HEADER_BYTES : "a WAV holds at most 4 GiB";
        int headerBytes = coding.extensible() ? EXTENSIBLE_HEADER_BYTES : HEADER_BYTES;
        int tag = coding.isFloat() ? FLOAT : PCM;
        ByteBuffer header = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) (headerBytes - 8 + dataBytes)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(headerBytes - 28).putShort((short) (coding.extensible() ? EXTENSIBLE : tag))
                .putShort((short) channels).putInt(sampleRateHz).putInt((int) byteRate()).putShort((short) blockAlign())
                .putShort((short) bitsPerSample);
        if (coding.extensible()) {
            header.putShort((short) EXTENSION_BYTES).putShort((short) coding.validBits()).putInt(coding.channelMask())
                    .putShort((short) tag).put(GUID_TAIL);
        }
        header.put(ascii("data")).putInt((int) dataBytes);
        assert header.position() == headerBytes : "the fmt chunk's size is the header's less RIFF's 12 and two 8s";
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
