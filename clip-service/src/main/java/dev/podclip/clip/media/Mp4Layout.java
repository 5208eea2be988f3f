package dev.podclip.clip.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an audio-only MP4 (M4A: AAC or ALAC, what podcasts publish when not MP3) keeps its index and the samples of a
 * clip; pure (Mp4LayoutTest, M4aSliceCutTest). An MP4's index (the moov box) says exactly where each sample is, so
 * unlike a VBR MP3 a clip's bytes follow from its times. The caller writes the index and those bytes at their own
 * offsets into a sparse file of the source's size and cuts that as it would the whole file: ffmpeg seeks with the
 * index and reads only samples of the clip's window, so the cut is the same samples.
 * <p>
 * As {@link WavLayout}: the boxes are the remote's choice; sizes only become offsets checked against the bytes at hand
 * and the file's size, counts are checked against their box before anything is read, and anything unusual (more
 * than one track, not sound, fragments, an edit list that starts far into the media, compact sample sizes) is "not
 * known", for the caller to fetch the whole file.
 */
final class Mp4Layout {

    /** The largest index read: an hour of 44.1 kHz AAC has ~155,000 samples, ~0.6 MB of tables (4 bytes a sample). */
    static final int MAX_MOOV_BYTES = 16 * 1024 * 1024;
    /** Top-level boxes walked to find the index (ftyp, free, mdat, moov, ... in practice fewer than five). */
    static final int MAX_TOP_BOXES = 16;
    /** Bytes that hold any box header: size, type, and a 64-bit size. */
    static final int BOX_HEADER_BYTES = 16;
    static final int MAX_SAMPLES = 4_000_000;
    static final int MAX_DEPTH = 8;
    /**
     * Samples fetched before a clip's start, past the end, and the file's first ones. ffmpeg 5.1 needs none of them:
     * it seeks to the sample that holds the start, reads nothing before it or at the file's opening, and stops at the
     * end (M4aSliceCutTest passes without them, and fails when the sample that holds the start is left out: ffmpeg
     * then decodes a hole and says so). They are kept, three seconds of a clip's reading, because where a demuxer
     * seeks is its own choice: with an edit list's encoder delay, or in another version, it may start a frame or two
     * earlier, and a sample it reads from a hole would be silence in the clip.
     */
    static final long PRE_ROLL_MS = 2_000;
    static final long END_MARGIN_MS = 1_000;
    static final long OPENING_MS = 1_000;
    /** An edit list may skip the encoder's delay (1,024 to 2,112 samples); one that skips more is not known. */
    static final long MAX_EDIT_MEDIA_MS = 1_000;

    /** A top-level box: where it starts, its header's size, and its whole size (header included). */
    record Box(String type, long offset, int headerBytes, long bytes) {
        long end() {
            return offset + bytes;
        }
    }

    /** Bytes {@code first..last} of the file, both included. */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    private final int timescale;
    /** Each sample's start in the track's timescale, and one more: the end of the last. */
    private final long[] sampleTimes;
    private final long[] sampleOffsets;
    private final int[] sampleSizes;

    private Mp4Layout(int timescale, long[] sampleTimes, long[] sampleOffsets, int[] sampleSizes) {
        this.timescale = timescale;
        this.sampleTimes = sampleTimes;
        this.sampleOffsets = sampleOffsets;
        this.sampleSizes = sampleSizes;
    }

    int samples() {
        return sampleSizes.length;
    }

    /** What this index holds in memory: three numbers a sample. */
    long weightBytes() {
        return (long) samples() * (Long.BYTES * 2 + Integer.BYTES);
    }

    /** Whether the file's first bytes are an MP4's: a {@code ftyp} box first. */
    static boolean isMp4(byte[] head) {
        return head.length >= 8 && type(ByteBuffer.wrap(head), 4).equals("ftyp");
    }

    /**
     * The top-level boxes whose headers are in {@code bytes}, the file's bytes from {@code at}, walking from there;
     * the walk stops at a header past the bytes, at the file's end, or at a size that cannot be (then the last box
     * returned is not followed by another: the caller asks no further).
     */
    static List<Box> topBoxes(byte[] bytes, long at, long fileBytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        List<Box> boxes = new ArrayList<>();
        long offset = at;
        while (boxes.size() < MAX_TOP_BOXES && offset < at + bytes.length) {
            int local = (int) (offset - at);
            long[] sizes = header(buffer, local, bytes.length - local, fileBytes - offset);
            if (sizes == null) {
                break;
            }
            boxes.add(new Box(type(buffer, local + 4), offset, (int) sizes[1], sizes[0]));
            offset += sizes[0];
        }
        return boxes;
    }

    /**
     * The sample index of an audio-only MP4 from its moov box's bytes (header included), or empty when it is not one
     * to trust.
     *
     * @param fileBytes the whole file's size: every sample must be inside it
     */
    static Optional<Mp4Layout> parse(byte[] moov, long fileBytes) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(moov);
            List<Child> top = children(bytes, 0, moov.length);
            if (top.size() != 1 || !top.get(0).type().equals("moov")) {
                return Optional.empty();
            }
            List<Child> inMoov = children(bytes, top.get(0).body(), top.get(0).end());
            List<Child> tracks = inMoov.stream().filter(c -> c.type().equals("trak")).toList();
            boolean fragmented = inMoov.stream().anyMatch(c -> c.type().equals("mvex"));
            return tracks.size() != 1 || fragmented ? Optional.empty() : track(bytes, tracks.get(0), fileBytes);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            // A count or size that the checks let through but the bytes do not hold: not a file to slice.
            return Optional.empty();
        }
    }

    /**
     * The bytes ffmpeg reads to cut {@code [startMs, endMs]}: the file's opening samples and the clip's with their
     * pre-roll and margin, merged when they meet; empty when the clip starts at or past the media's end.
     */
    Optional<List<Range>> ranges(long startMs, long endMs) {
        long mediaEndMs = sampleTimes[samples()] * 1000 / timescale;
        if (startMs >= mediaEndMs || endMs <= startMs) {
            return Optional.empty();
        }
        Range opening = span(0, OPENING_MS);
        Range clip = span(Math.max(0, startMs - PRE_ROLL_MS), endMs + END_MARGIN_MS);
        if (clip.first() <= opening.last() + 1) {
            return Optional.of(List.of(new Range(opening.first(), Math.max(opening.last(), clip.last()))));
        }
        return Optional.of(List.of(opening, clip));
    }

    /** The bytes of every sample that starts before {@code toMs} and ends after {@code fromMs}. */
    private Range span(long fromMs, long toMs) {
        long from = fromMs * timescale / 1000;
        long to = toMs * timescale / 1000;
        int first = firstSampleEndingAfter(from);
        long low = Long.MAX_VALUE;
        long high = -1;
        for (int i = first; i < samples() && (i == first || sampleTimes[i] < to); i++) {
            low = Math.min(low, sampleOffsets[i]);
            high = Math.max(high, sampleOffsets[i] + sampleSizes[i] - 1);
        }
        assert high >= low : "a window holds at least one sample";
        return new Range(low, high);
    }

    private int firstSampleEndingAfter(long time) {
        int low = 0;
        int high = samples() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sampleTimes[middle + 1] <= time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private record Child(String type, int body, int end) {
    }

    /** The boxes inside {@code [from, to)}, each inside it, or an exception for one that is not. */
    private static List<Child> children(ByteBuffer bytes, int from, int to) {
        List<Child> children = new ArrayList<>();
        int at = from;
        while (at + 8 <= to) {
            long[] sizes = header(bytes, at, to - at, to - at);
            if (sizes == null) {
                throw new IllegalArgumentException("a box outside its parent");
            }
            children.add(new Child(type(bytes, at + 4), at + (int) sizes[1], at + (int) sizes[0]));
            at += (int) sizes[0];
        }
        return children;
    }

    /**
     * The whole size and the header's size of the box whose header is at {@code at}: a 32-bit size, a 64-bit one
     * after the type (size 1), or all of {@code room} (size 0, "to the end"). Null when the header is not all within
     * the {@code available} bytes or the size is smaller than the header or larger than {@code room}.
     */
    private static long[] header(ByteBuffer bytes, int at, long available, long room) {
        if (available < 8) {
            return null;
        }
        long size = Integer.toUnsignedLong(bytes.getInt(at));
        int header = 8;
        if (size == 1) {
            if (available < 16) {
                return null;
            }
            size = bytes.getLong(at + 8);
            header = 16;
        } else if (size == 0) {
            size = room;
        }
        return size < header || size > room ? null : new long[] {size, header};
    }

    /** The child of type {@code path[0]}, then its child of type {@code path[1]}, ...; null when one is missing. */
    private static Child find(ByteBuffer bytes, Child parent, String... path) {
        Child current = parent;
        for (int depth = 0; depth < path.length && depth < MAX_DEPTH; depth++) {
            String type = path[depth];
            current = children(bytes, current.body(), current.end()).stream().filter(c -> c.type().equals(type))
                    .findFirst().orElse(null);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Optional<Mp4Layout> track(ByteBuffer bytes, Child trak, long fileBytes) {
        Child handler = find(bytes, trak, "mdia", "hdlr");
        Child header = find(bytes, trak, "mdia", "mdhd");
        Child table = find(bytes, trak, "mdia", "minf", "stbl");
        if (handler == null || header == null || table == null
                || !type(bytes, handler.body() + 8).equals("soun")) {
            return Optional.empty();
        }
        int version = bytes.get(header.body());
        long timescale = Integer.toUnsignedLong(bytes.getInt(header.body() + (version == 1 ? 20 : 12)));
        if (timescale < 1 || timescale > WavLayout.MAX_SAMPLE_RATE_HZ || !editsKnown(bytes, trak, timescale)) {
            return Optional.empty();
        }
        Child times = find(bytes, table, "stts");
        Child chunks = find(bytes, table, "stsc");
        Child sizes = find(bytes, table, "stsz");
        Child offsets = find(bytes, table, "stco");
        Child offsets64 = find(bytes, table, "co64");
        if (times == null || chunks == null || sizes == null || (offsets == null) == (offsets64 == null)) {
            return Optional.empty();
        }
        int[] sampleSizes = sampleSizes(bytes, sizes);
        long[] sampleTimes = sampleTimes(bytes, times, sampleSizes.length);
        long[] chunkOffsets = offsets != null ? chunkOffsets(bytes, offsets, 4) : chunkOffsets(bytes, offsets64, 8);
        long[] sampleOffsets = sampleOffsets(bytes, chunks, chunkOffsets, sampleSizes);
        if (sampleSizes.length == 0 || sampleTimes == null || sampleOffsets == null) {
            return Optional.empty();
        }
        for (int i = 0; i < sampleSizes.length; i++) {
            if (sampleOffsets[i] < 0 || sampleOffsets[i] + sampleSizes[i] > fileBytes) {
                return Optional.empty();
            }
        }
        return Optional.of(new Mp4Layout((int) timescale, sampleTimes, sampleOffsets, sampleSizes));
    }

    /** No edit list, or one edit that skips at most {@link #MAX_EDIT_MEDIA_MS} of the media (an encoder's delay). */
    private static boolean editsKnown(ByteBuffer bytes, Child trak, long timescale) {
        Child edits = find(bytes, trak, "edts", "elst");
        if (edits == null) {
            return true;
        }
        int version = bytes.get(edits.body());
        long count = Integer.toUnsignedLong(bytes.getInt(edits.body() + 4));
        if (count != 1) {
            return false;
        }
        long mediaTime = version == 1 ? bytes.getLong(edits.body() + 16) : bytes.getInt(edits.body() + 12);
        return mediaTime >= 0 && mediaTime <= MAX_EDIT_MEDIA_MS * timescale / 1000;
    }

    /** stsz: one size per sample (compact stz2 is not read: no such file is known to podcast hosts). */
    private static int[] sampleSizes(ByteBuffer bytes, Child box) {
        int body = box.body();
        long fixed = Integer.toUnsignedLong(bytes.getInt(body + 4));
        long count = Integer.toUnsignedLong(bytes.getInt(body + 8));
        if (count > MAX_SAMPLES || (fixed == 0 && body + 12 + count * 4 > box.end()) || fixed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sample sizes");
        }
        int[] sizes = new int[(int) count];
        for (int i = 0; i < sizes.length; i++) {
            long size = fixed != 0 ? fixed : Integer.toUnsignedLong(bytes.getInt(body + 12 + i * 4));
            if (size == 0 || size > MAX_MOOV_BYTES) {
                throw new IllegalArgumentException("a sample's size");
            }
            sizes[i] = (int) size;
        }
        return sizes;
    }

    /**
     * stts: each sample's start in the track's timescale, and the last one's end; null when the runs do not add up
     * to the samples.
     */
    private static long[] sampleTimes(ByteBuffer bytes, Child box, int samples) {
        int body = box.body();
        long runs = Integer.toUnsignedLong(bytes.getInt(body + 4));
        if (body + 8 + runs * 8 > box.end()) {
            throw new IllegalArgumentException("time runs");
        }
        long[] times = new long[samples + 1];
        int sample = 0;
        long time = 0;
        for (int run = 0; run < runs; run++) {
            long count = Integer.toUnsignedLong(bytes.getInt(body + 8 + run * 8));
            long delta = Integer.toUnsignedLong(bytes.getInt(body + 12 + run * 8));
            if (count > samples - sample) {
                return null;
            }
            for (long i = 0; i < count; i++) {
                times[sample++] = time;
                time += delta;
            }
        }
        times[samples] = time;
        return sample == samples ? times : null;
    }

    /** stco or co64: where each chunk starts. */
    private static long[] chunkOffsets(ByteBuffer bytes, Child box, int width) {
        int body = box.body();
        long count = Integer.toUnsignedLong(bytes.getInt(body + 4));
        if (count > MAX_SAMPLES || body + 8 + count * width > box.end()) {
            throw new IllegalArgumentException("chunk offsets");
        }
        long[] offsets = new long[(int) count];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = width == 4 ? Integer.toUnsignedLong(bytes.getInt(body + 8 + i * 4))
                    : bytes.getLong(body + 8 + i * 8);
        }
        return offsets;
    }

    /**
     * stsc: which samples are in which chunk, in runs of chunks with the same count; each sample's offset is its
     * chunk's plus the sizes of the samples before it there. Null when the runs and the samples do not agree.
     */
    private static long[] sampleOffsets(ByteBuffer bytes, Child box, long[] chunkOffsets, int[] sizes) {
        int body = box.body();
        long runs = Integer.toUnsignedLong(bytes.getInt(body + 4));
        if (runs == 0 || body + 8 + runs * 12 > box.end()) {
            return null;
        }
        long[] offsets = new long[sizes.length];
        int sample = 0;
        for (int run = 0; run < runs; run++) {
            long firstChunk = Integer.toUnsignedLong(bytes.getInt(body + 8 + run * 12));
            long perChunk = Integer.toUnsignedLong(bytes.getInt(body + 12 + run * 12));
            long nextFirst = run + 1 < runs ? Integer.toUnsignedLong(bytes.getInt(body + 20 + run * 12))
                    : chunkOffsets.length + 1L;
            if (firstChunk < 1 || nextFirst <= firstChunk || nextFirst > chunkOffsets.length + 1L || perChunk == 0) {
                return null;
            }
            for (long chunk = firstChunk; chunk < nextFirst; chunk++) {
                long offset = chunkOffsets[(int) chunk - 1];
                for (long i = 0; i < perChunk; i++) {
                    if (sample == sizes.length) {
                        return null;
                    }
                    offsets[sample] = offset;
                    offset += sizes[sample++];
                }
            }
        }
        return sample == sizes.length ? offsets : null;
    }

    private static String type(ByteBuffer bytes, int at) {
        byte[] type = new byte[4];
        bytes.get(at, type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }
}
