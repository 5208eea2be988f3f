package dev.podclip.clip.media;

import java.util.Optional;

/**
 * How far into the audio the first bytes of an MP3 (any bitrate mode) or ADTS AAC file reach, counted from its frame
 * headers alone; pure (FrameWalkTest). For the sources whose clip bytes cannot be found from a header (VBR MP3: its
 * seek table has a hundred entries; ADTS: none), a clip's audio still ends where enough frames have passed: a prefix
 * of the file reaching past the clip's end is cut exactly as the whole file is (PrefixCutTest), since neither
 * format's frames depend on later ones. The walk tells when a fetched prefix is long enough.
 *
 * <p>Only whole frames whose bytes are all at hand count. A header that is not one of the stream's (another sample
 * rate or channel count, another layer, junk, a trailing ID3v1 or APE tag) ends the walk: {@link #ended}.
 *
 * @param kind         the stream's format
 * @param audioStart   where its first frame starts (after an ID3v2 tag)
 * @param sampleRateHz the first frame's rate, which every frame must have
 * @param channels     the first frame's channel count (MP3) or configuration (ADTS), which every frame must have
 * @param nextByte     where the next frame to count starts
 * @param samples      samples of the frames counted
 * @param ended        whether a header that is not the stream's was met at {@code nextByte}
 */
record FrameWalk(Kind kind, long audioStart, int sampleRateHz, int channels, long nextByte, long samples,
                 boolean ended) {

    /** Audio past a clip's end that a prefix must reach: frames a decoder or demuxer reads past the end, and more. */
    static final long MARGIN_MS = 1_000;
    /** The least a next fetch asks for, and what a projection adds for the rate to vary. */
    static final long MIN_STEP_BYTES = 64 * 1024;
    /** Bytes an ADTS header takes to read: 7, or 9 with a CRC (only the first 7 are read). */
    private static final int ADTS_HEADER_BYTES = 7;
    private static final int MP3_HEADER_BYTES = 4;
    private static final int[] ADTS_RATES_HZ = {96_000, 88_200, 64_000, 48_000, 44_100, 32_000, 24_000, 22_050,
        16_000, 12_000, 11_025, 8_000, 7_350};

    enum Kind {
        MP3(".mp3", MP3_HEADER_BYTES), ADTS(".aac", ADTS_HEADER_BYTES);

        final String extension;
        /** Bytes of a frame's header read to know the frame. */
        final int headerBytes;

        Kind(String extension, int headerBytes) {
            this.extension = extension;
            this.headerBytes = headerBytes;
        }
    }

    /** What a frame's header says of it: its rate, channels (or ADTS channel configuration), size and samples. */
    private record Frame(int rateHz, int channels, int bytes, int samples) {
    }

    /** The frame of {@code kind} whose header is at {@code at}, or null when none is (or not one counted here). */
    private static Frame frame(Kind kind, byte[] bytes, int at) {
        if (kind == Kind.MP3) {
            Mp3Layout.Header mp3 = Mp3Layout.Header.at(bytes, at);
            return mp3 == null ? null : new Frame(mp3.sampleRateHz(), mp3.channels(), mp3.frameBytes(),
                    mp3.mpeg1() ? 1_152 : 576);
        }
        Adts adts = Adts.at(bytes, at);
        return adts == null ? null : new Frame(adts.rateHz(), adts.channelConfig(), adts.frameBytes(), adts.samples());
    }

    FrameWalk {
        if (sampleRateHz <= 0 || nextByte < audioStart || samples < 0) {
            throw new IllegalArgumentException("walk out of order: " + sampleRateHz + " Hz at " + nextByte);
        }
    }

    /**
     * A walk from the first frame, at {@code at} of {@code bytes} and {@code audioStart} of the file, when it is an
     * MP3 frame the layout accepts (MPEG-1 or 2 Layer III at a listed bitrate) or an ADTS frame; else empty.
     */
    static Optional<FrameWalk> start(byte[] bytes, int at, long audioStart) {
        for (Kind kind : Kind.values()) {
            Frame first = frame(kind, bytes, at);
            if (first != null) {
                return Optional.of(new FrameWalk(kind, audioStart, first.rateHz(), first.channels(), audioStart, 0,
                        false));
            }
        }
        return Optional.empty();
    }

    /** The same walk before its first frame. */
    FrameWalk fromStart() {
        return new FrameWalk(kind, audioStart, sampleRateHz, channels, audioStart, 0, false);
    }

    /** Milliseconds of audio counted, rounded down. */
    long reachedMs() {
        return samples * 1000 / sampleRateHz;
    }

    /**
     * The walk continued over {@code bytes}, which are the file's from {@code offset}: frames are counted while the
     * next one lies whole within them. Bytes before {@link #nextByte} are not looked at.
     */
    FrameWalk over(byte[] bytes, long offset) {
        if (ended || nextByte < offset) {
            return this;
        }
        long at = nextByte;
        long counted = samples;
        long end = offset + bytes.length;
        while (at + kind.headerBytes <= end) {
            Frame frame = frame(kind, bytes, (int) (at - offset));
            if (frame == null || frame.rateHz() != sampleRateHz || frame.channels() != channels) {
                return new FrameWalk(kind, audioStart, sampleRateHz, channels, at, counted, true);
            }
            if (at + frame.bytes() > end) {
                break;
            }
            at += frame.bytes();
            counted += frame.samples();
        }
        return new FrameWalk(kind, audioStart, sampleRateHz, channels, at, counted, false);
    }

    /**
     * Where the next fetch of a prefix should end (exclusive) for its audio to reach {@code needMs}: the bytes a
     * millisecond took so far, projected, with an eighth and {@link #MIN_STEP_BYTES} more for the rate to vary; at
     * least that step past {@code fetched}, at most the file.
     */
    long nextFetchEnd(long needMs, long fetched, long fileBytes) {
        long reached = reachedMs();
        long projected = reached <= 0 ? fetched
                : nextByte + Math.max(0, needMs - reached) * (nextByte - audioStart) / reached;
        long withMargin = projected + projected / 8 + MIN_STEP_BYTES;
        return Math.min(fileBytes, Math.max(fetched + MIN_STEP_BYTES, withMargin));
    }

    /** The fields of an ADTS header that matter here; null when the bytes are not one. */
    record Adts(int rateHz, int channelConfig, int frameBytes, int samples) {

        static Adts at(byte[] bytes, int at) {
            if (at < 0 || at + ADTS_HEADER_BYTES > bytes.length) {
                return null;
            }
            int b1 = bytes[at + 1] & 0xFF;
            int b2 = bytes[at + 2] & 0xFF;
            int b3 = bytes[at + 3] & 0xFF;
            // Sync (12 bits), any MPEG version, layer 0.
            if ((bytes[at] & 0xFF) != 0xFF || (b1 & 0xF6) != 0xF0) {
                return null;
            }
            int rateIndex = b2 >> 2 & 0xF;
            int channelConfig = (b2 & 1) << 2 | b3 >> 6;
            int frameBytes = (b3 & 3) << 11 | (bytes[at + 4] & 0xFF) << 3 | (bytes[at + 5] & 0xFF) >> 5;
            int headerBytes = (b1 & 1) == 1 ? ADTS_HEADER_BYTES : ADTS_HEADER_BYTES + 2;
            if (rateIndex >= ADTS_RATES_HZ.length || frameBytes <= headerBytes) {
                return null;
            }
            int blocks = (bytes[at + 6] & 3) + 1;
            return new Adts(ADTS_RATES_HZ[rateIndex], channelConfig, frameBytes, 1_024 * blocks);
        }
    }
}
