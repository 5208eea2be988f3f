package dev.podclip.clip.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where the frames of a constant-bitrate MP3 file are, read from its first bytes, and which bytes a clip of it needs;
 * pure (Mp3LayoutTest, Mp3SliceCutTest). As {@link WavLayout}: header values are the remote's choice and only ever
 * become offsets checked against the bytes at hand and the file's size, never an allocation; anything this cannot
 * prove exact is "not known", for the caller to fetch the whole file.
 *
 * <p>What is trusted: an MPEG-1 or MPEG-2 Layer III stream whose first frame is an "Info" tag (what LAME and ffmpeg
 * write for CBR) giving the frame count and the stream's bytes, the frames after it of one bitrate, sample rate and
 * channel count, and those bytes equal to the count times the nominal frame size (padding slots aside) — so padding is
 * spread evenly, which is what the padding bit is for, and frame {@code k} starts within {@link #MAX_DRIFT_BYTES} of
 * {@code k} nominal frames. A "Xing" or "VBRI" tag (VBR), no tag at all, free format, MPEG-2.5, another layer, or
 * anything inconsistent is not known.
 *
 * <p>Times are those of ffmpeg's whole-file decode, the reference: it drops the encoder delay from the LAME tag plus
 * its own decoder delay ({@link #DECODER_DELAY_SAMPLES}) at the file's start, and the padding at its end. A slice has
 * no tag, so {@link Slice} says which of its decoded samples to keep.
 *
 * @param mpeg1         MPEG-1 (1,152 samples a frame) rather than MPEG-2 (576)
 * @param audioOffset   where the first audio frame starts: after any ID3v2 tag and the Info frame
 * @param frames        audio frames in the stream, the Info frame not counted
 * @param streamEnd     where the last frame ends (the Info tag's stream size), before any trailing tag
 * @param skipSamples   decoded samples ffmpeg drops at the start of the file (encoder delay + decoder delay, or 0)
 * @param decodedEnd    decoded samples (from the file's first audio frame) ffmpeg keeps up to, exclusive
 */
record Mp3Layout(boolean mpeg1, int sampleRateHz, int channels, int bitrateKbps, long audioOffset, long frames,
                 long streamEnd, int skipSamples, long decodedEnd) {

    /** The smallest frame is 24 bytes (MPEG-2, 8 kbit/s, 24 kHz): frame starts are unambiguous within half that. */
    static final int MAX_DRIFT_BYTES = 8;
    /** Frames whose headers are checked in a row, after the Info frame and where a slice starts. */
    static final int CHAIN_FRAMES = 4;
    /**
     * Frames decoded before a clip's first one at the least: a frame's samples depend on the previous granule
     * (MDCT overlap, synthesis filter bank) and its data may start up to 511 bytes back (bit reservoir); a decoder
     * started cold gives ~50 ms of silence and a fade-in (measured on 128 kbit/s noise). More are taken when frames
     * are small enough that the reservoir spans more than a few ({@link #prerollFrames}).
     */
    static final int MIN_PREROLL_FRAMES = 10;
    /** ffmpeg's mp3 decoder delay ("528 + 1" in libavformat/mp3dec.c), dropped with the LAME tag's encoder delay. */
    static final int DECODER_DELAY_SAMPLES = 529;
    /** Bytes allowed after the stream: an ID3v1 tag (128), APE or Lyrics3 tags. */
    static final long MAX_TRAILING_BYTES = 128 * 1024;
    /** Most frames a file may say it has: 24 hours of 48 kHz MPEG-1 is ~3.6 million; keeps every product in range. */
    static final long MAX_FRAMES = 100_000_000;
    /** Largest decoded slice (32-bit float WAV): ~12 minutes of 44.1 kHz stereo; longer clips fetch the file. */
    static final long MAX_SLICE_PCM_BYTES = 256L * 1024 * 1024;
    /** Bytes of a fetched slice looked at to find its first frame: the drift either side and a chain of frames. */
    static final int LOCATE_BYTES = 2 * MAX_DRIFT_BYTES + (CHAIN_FRAMES + 1) * 1_441;
    /** Encoders whose LAME tag ffmpeg reads the delays from; any other gets none dropped (libavformat/mp3dec.c). */
    private static final List<String> GAPLESS_ENCODERS = List.of("LAME", "Lavf", "Lavc");
    private static final int HEADER_BYTES = 4;
    private static final int ID3_HEADER_BYTES = 10;
    private static final int XING_FLAG_FRAMES = 1;
    private static final int XING_FLAG_BYTES = 2;
    private static final int XING_FLAG_TOC = 4;
    private static final int XING_FLAG_QUALITY = 8;
    private static final int[] MPEG1_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] MPEG1_RATES_HZ = {44_100, 48_000, 32_000};

    /**
     * The clip's bytes and what to keep of them decoded. {@code offsetMs} is the time of the first kept sample, a
     * whole number of samples and of milliseconds (as {@link WavLayout.Slice}); {@code firstFrame} is the index of
     * the audio frame that starts within {@link #MAX_DRIFT_BYTES} after {@code firstByte}; {@code keepFrom} and
     * {@code keepTo} are sample indexes of the slice's own decode, from that frame.
     */
    record Slice(long firstByte, long lastByte, long offsetMs, long firstFrame, long keepFrom, long keepTo) {
        long length() {
            return lastByte - firstByte + 1;
        }
    }

    int samplesPerFrame() {
        return mpeg1 ? 1_152 : 576;
    }

    /** A frame's bytes times the sample rate, padding aside: the nominal frame size is this over the rate. */
    long frameBytesTimesRate() {
        return (mpeg1 ? 144_000L : 72_000L) * bitrateKbps;
    }

    /** Where frame {@code k} starts by nominal sizes, rounded down. */
    long nominalOffset(long frame) {
        return audioOffset + frame * frameBytesTimesRate() / sampleRateHz;
    }

    /** Original samples: what ffmpeg's whole-file decode gives. */
    long samples() {
        return decodedEnd - skipSamples;
    }

    /**
     * Where the first MPEG frame is: after an ID3v2 tag (header, body, footer) when the file starts with one, else 0;
     * -1 when the tag's header is not one to trust. It may be past {@code head}: the caller reads from there.
     */
    static long audioStart(byte[] head) {
        if (head.length < 3 || head[0] != 'I' || head[1] != 'D' || head[2] != '3') {
            return head.length >= HEADER_BYTES ? 0 : -1;
        }
        if (head.length < ID3_HEADER_BYTES) {
            return -1;
        }
        int major = head[3] & 0xFF;
        int flags = head[5] & 0xFF;
        long size = 0;
        for (int i = 6; i < 10; i++) {
            if ((head[i] & 0x80) != 0) {
                return -1;
            }
            size = size << 7 | head[i];
        }
        if (major < 2 || major > 4) {
            return -1;
        }
        boolean footer = major == 4 && (flags & 0x10) != 0;
        return ID3_HEADER_BYTES + size + (footer ? ID3_HEADER_BYTES : 0);
    }

    /**
     * The layout of a CBR MP3 file from its bytes at its first frame, or empty when it is not one or not one to trust.
     *
     * @param bytes       the file's bytes from {@code firstFrame} on (the Info frame and a few frames after it)
     * @param firstFrame  where {@code bytes} start in the file: {@link #audioStart}
     * @param fileBytes   the whole file's size, as the host stated it
     */
    static Optional<Mp3Layout> parse(byte[] bytes, long firstFrame, long fileBytes) {
        Header info = Header.at(bytes, 0);
        if (info == null || firstFrame < 0 || firstFrame >= fileBytes) {
            return Optional.empty();
        }
        int tagAt = HEADER_BYTES + sideInfoBytes(info.mpeg1(), info.channels());
        if (matches(bytes, HEADER_BYTES + 32, "VBRI") || !matches(bytes, tagAt, "Info")) {
            return Optional.empty();
        }
        int infoBytes = info.frameBytes();
        int at = tagAt + 4;
        if (at + 4 > Math.min(bytes.length, infoBytes)) {
            return Optional.empty();
        }
        int flags = readInt(bytes, at);
        at += 4;
        if ((flags & XING_FLAG_FRAMES) == 0 || (flags & XING_FLAG_BYTES) == 0
                || at + 8 > Math.min(bytes.length, infoBytes)) {
            return Optional.empty();
        }
        long frames = Integer.toUnsignedLong(readInt(bytes, at));
        long streamBytes = Integer.toUnsignedLong(readInt(bytes, at + 4));
        at += 8 + ((flags & XING_FLAG_TOC) != 0 ? 100 : 0) + ((flags & XING_FLAG_QUALITY) != 0 ? 4 : 0);
        // Encoder (9), revision (1), lowpass (1), replay gain (8), flags (1), bitrate (1), then the delays (3).
        int delaysAt = at + 21;
        if (delaysAt + 3 > Math.min(bytes.length, infoBytes)) {
            return Optional.empty();
        }
        String encoder = new String(bytes, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        int delays = (bytes[delaysAt] & 0xFF) << 16 | (bytes[delaysAt + 1] & 0xFF) << 8 | bytes[delaysAt + 2] & 0xFF;
        // The Info frame has the bitrate its tag needed (ffmpeg picks the smallest that fits): the stream's is the next.
        Header audio = Header.at(bytes, infoBytes);
        if (audio == null || audio.mpeg1() != info.mpeg1() || audio.sampleRateHz() != info.sampleRateHz()) {
            return Optional.empty();
        }
        int spf = audio.mpeg1() ? 1_152 : 576;
        long decoded = frames * spf;
        boolean gapless = GAPLESS_ENCODERS.contains(encoder);
        int skip = gapless ? (delays >>> 12) + DECODER_DELAY_SAMPLES : 0;
        long end = gapless ? Math.min(decoded, decoded - (delays & 0xFFF) + DECODER_DELAY_SAMPLES) : decoded;
        Mp3Layout layout = new Mp3Layout(audio.mpeg1(), audio.sampleRateHz(), audio.channels(), audio.kbps(),
                firstFrame + infoBytes, frames, firstFrame + streamBytes, skip, end);
        long trailingBytes = fileBytes - firstFrame - streamBytes;
        long audioBytes = streamBytes - infoBytes;
        boolean consistent = frames >= 1 && frames <= MAX_FRAMES && end > skip && trailingBytes >= 0
                && trailingBytes <= MAX_TRAILING_BYTES
                && Math.abs(audioBytes * audio.sampleRateHz() - frames * layout.frameBytesTimesRate())
                <= (long) MAX_DRIFT_BYTES * audio.sampleRateHz()
                && chain(bytes, infoBytes, audio, (int) Math.min(CHAIN_FRAMES, frames));
        return consistent ? Optional.of(layout) : Optional.empty();
    }

    /** Frames in a row of the same kind as {@code like}, each starting where the last ended. */
    private static boolean chain(byte[] bytes, int from, Header like, int count) {
        int at = from;
        for (int i = 0; i < count; i++) {
            Header next = Header.at(bytes, at);
            if (next == null || !next.sameStream(like)) {
                return false;
            }
            at += next.frameBytes();
        }
        return true;
    }

    /** Frames decoded before a clip's first: the minimum, and twice the reservoir's reach in whole frames. */
    int prerollFrames() {
        long reservoirBytes = mpeg1 ? 511 : 255;
        long minFrameBytes = frameBytesTimesRate() / sampleRateHz;
        return (int) (MIN_PREROLL_FRAMES + 2 * ((reservoirBytes + minFrameBytes - 1) / minFrameBytes));
    }

    /**
     * The bytes of {@code [startMs, endMs]} with the frames before it the decoder needs, or empty when the clip
     * starts past the audio or its decode would be larger than {@link #MAX_SLICE_PCM_BYTES}. As a WAV slice, it
     * starts on the last millisecond at or before {@code startMs} that falls on a sample and is kept to
     * {@link WavLayout#END_MARGIN_MS} and a grid step past {@code endMs}, or the audio's end.
     */
    Optional<Slice> slice(long startMs, long endMs) {
        long gridMs = 1000 / gcd(sampleRateHz, 1000);
        long offsetMs = startMs / gridMs * gridMs;
        long firstSample = offsetMs * sampleRateHz / 1000;
        long endSample = Math.min(samples(),
                ((endMs + WavLayout.END_MARGIN_MS + gridMs) * sampleRateHz + 999) / 1000);
        if (firstSample >= endSample || (endSample - firstSample) * channels * 4 > MAX_SLICE_PCM_BYTES) {
            return Optional.empty();
        }
        int spf = samplesPerFrame();
        long firstDecoded = firstSample + skipSamples;
        long endDecoded = endSample + skipSamples;
        long firstFrame = Math.max(0, firstDecoded / spf - prerollFrames());
        // One frame past the last one needed, so a frame cut at the range's end is never one whose samples are kept.
        long endFrame = Math.min(frames, (endDecoded + spf - 1) / spf + 1);
        long firstByte = firstFrame == 0 ? audioOffset : nominalOffset(firstFrame) - MAX_DRIFT_BYTES;
        long lastByte = Math.min(nominalOffset(endFrame) + MAX_DRIFT_BYTES, streamEnd) - 1;
        long keepFrom = firstDecoded - firstFrame * spf;
        return Optional.of(new Slice(firstByte, lastByte, offsetMs, firstFrame, keepFrom,
                keepFrom + endSample - firstSample));
    }

    /**
     * Where in a fetched slice its first frame starts: the first offset within the drift allowed around the frame's
     * nominal start where a chain of frames of this stream begins; empty when there is none (the file is not evenly
     * padded there, or the bytes are not the asked ones).
     *
     * @param window the slice's first bytes (up to {@link #LOCATE_BYTES})
     */
    OptionalInt locate(byte[] window, Slice slice) {
        Header like = new Header(mpeg1, sampleRateHz, channels, bitrateKbps, false);
        long nominalTimesRate = slice.firstFrame() * frameBytesTimesRate();
        int chain = (int) Math.min(CHAIN_FRAMES, frames - slice.firstFrame());
        for (int at = 0; at <= 2 * MAX_DRIFT_BYTES && at < window.length; at++) {
            long fromAudio = slice.firstByte() + at - audioOffset;
            boolean near = Math.abs(fromAudio * sampleRateHz - nominalTimesRate)
                    <= (long) MAX_DRIFT_BYTES * sampleRateHz;
            if (near && fromAudio >= 0 && chain(window, at, like, chain)) {
                return OptionalInt.of(at);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The ffmpeg arguments that decode a fetched slice, from its first frame ({@code skipBytes} in, {@link #locate}),
     * to the samples it stands for, as a 32-bit float WAV: the decoder's own format, so nothing is rounded and a cut
     * of it encodes the same samples as a cut of the whole file's decode.
     */
    static List<String> decodeArgs(Path part, int skipBytes, Slice slice, Path wav) {
        return List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-protocol_whitelist", "file",
                "-skip_initial_bytes", Integer.toString(skipBytes), "-f", "mp3", "-i", part.toString(),
                "-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1",
                "-af", "atrim=start_sample=" + slice.keepFrom() + ":end_sample=" + slice.keepTo(),
                "-c:a", "pcm_f32le", "-f", "wav", wav.toString());
    }

    /** Bytes of side information after the header (and CRC, which ffmpeg does not count either) before a tag. */
    private static int sideInfoBytes(boolean mpeg1, int channels) {
        if (mpeg1) {
            return channels == 1 ? 17 : 32;
        }
        return channels == 1 ? 9 : 17;
    }

    /** One frame header's fields that matter here; null for anything but MPEG-1/2 Layer III at a listed bitrate. */
    record Header(boolean mpeg1, int sampleRateHz, int channels, int kbps, boolean padded) {

        static Header at(byte[] bytes, int at) {
            if (at < 0 || at + HEADER_BYTES > bytes.length) {
                return null;
            }
            int b1 = bytes[at + 1] & 0xFF;
            int b2 = bytes[at + 2] & 0xFF;
            int b3 = bytes[at + 3] & 0xFF;
            int version = b1 >> 3 & 3;
            int layer = b1 >> 1 & 3;
            int bitrateIndex = b2 >> 4;
            int rateIndex = b2 >> 2 & 3;
            // Sync, MPEG-1 (3) or MPEG-2 (2) but not 2.5 (0), Layer III (1), a listed bitrate (not free, not 15).
            if ((bytes[at] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0 || version < 2 || layer != 1 || bitrateIndex == 0
                    || bitrateIndex == 15 || rateIndex == 3) {
                return null;
            }
            boolean mpeg1 = version == 3;
            int rateHz = MPEG1_RATES_HZ[rateIndex] / (mpeg1 ? 1 : 2);
            int kbps = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex];
            return new Header(mpeg1, rateHz, (b3 >> 6) == 3 ? 1 : 2, kbps, (b2 >> 1 & 1) == 1);
        }

        int frameBytes() {
            return (int) ((mpeg1 ? 144_000L : 72_000L) * kbps / sampleRateHz) + (padded ? 1 : 0);
        }

        boolean sameStream(Header other) {
            return mpeg1 == other.mpeg1 && sampleRateHz == other.sampleRateHz && channels == other.channels
                    && kbps == other.kbps;
        }
    }

    private static boolean matches(byte[] bytes, int at, String id) {
        if (at < 0 || at + id.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (bytes[at + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                | bytes[at + 3] & 0xFF;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
