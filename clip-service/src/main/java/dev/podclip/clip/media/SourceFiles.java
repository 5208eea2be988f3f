package dev.podclip.clip.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.podclip.support.net.FetchRefused.Reason;
import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.net.SafeFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An episode's audio file and its artwork on local disk, fetched once per episode version through the guarded fetcher
 * (http(s) only, no private or link-local address, loopback only where allowed, size and time bounded) and kept in the
 * media cache. A clip's audio needs less: when the source is a PCM or float WAV, a CBR MP3 or an audio-only MP4 on a
 * host that answers Range requests, only the clip's part of it is fetched, into a temp file of its own ({@link
 * #forClip}); a VBR MP3's or an ADTS AAC's start up to past the clip is kept, and grown by later clips ({@link
 * #prefix}). A whole source in the cache is used first.
 */
@ApplicationScoped
public class SourceFiles {

    private static final Logger LOG = Logger.getLogger(SourceFiles.class);
    /** Bytes of an image's start that tell PNG, JPEG and WebP apart. */
    static final int MAGIC_BYTES = 12;

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(15);
    static final int MAX_REDIRECTS = 5;
    /** The first bytes fetched to read a source's header: a WAV's chunks before its samples fit with room to spare. */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /**
     * Sources whose header was read, so the next clips of an episode fetch their slice at once: bounded by their
     * weight, since an MP4's index is kept whole (~0.6 MB and ~3 MB parsed for an hour of AAC) where a WAV's or an
     * MP3's header is a few numbers, counted as {@link #SMALL_HEAD_BYTES}. Room for a thousand of those.
     */
    static final long MAX_REMEMBERED_HEAD_BYTES = 64L * 1024 * 1024;
    static final int SMALL_HEAD_BYTES = 64 * 1024;
    static final Duration HEAD_MEMORY = Duration.ofMinutes(10);
    /**
     * Ranges fetched at most for a prefix ({@link #prefix}): each is sized by the bytes a millisecond took before it,
     * with an eighth more, so a VBR file's second range almost always reaches; past this many the rate is not one to
     * project, and the file is fetched whole.
     */
    static final int MAX_PREFIX_FETCHES = 6;
    /** Bytes read at a time to walk a prefix's frames: a few hundred frames of a podcast's MP3. */
    static final int WALK_WINDOW_BYTES = 256 * 1024;
    /** Refusals of a range fetch that the whole-file fetch would meet as well (with the URL's, status 422). */
    static final Set<Reason> FINAL_REFUSALS = EnumSet.of(Reason.TIMEOUT, Reason.INTERRUPTED, Reason.UNKNOWN_HOST,
            Reason.NOT_AUDIO);

    /** The audio a clip is cut from: a file, the episode time of its start, whether it is the caller's to delete. */
    record ClipSource(Path file, long offsetMs, boolean temporary) {
    }

    /**
     * What a source's first bytes told, per source name: where its samples (a PCM or float WAV, an MP4) or frames
     * (a CBR MP3) are, or, for another MP3 or an ADTS AAC, how its first frames ran ({@code frames}, a walk over the
     * first bytes: its rate of bytes per millisecond sizes the first prefix fetch); its size and validator
     * (If-Range). One of the four is set.
     */
    private record Head(WavLayout wav, Mp3Layout mp3, Mp4Slices.Index mp4, FrameWalk frames, long fileBytes,
                        String etag) {
        int weightBytes() {
            return mp4 == null ? SMALL_HEAD_BYTES : (int) Math.min(Integer.MAX_VALUE, mp4.weightBytes());
        }
    }

    @Inject
    MediaConfig config;
    @Inject
    MediaCache cache;
    @Inject
    RenderLauncher launcher;

    private volatile SafeFetcher fetcher;
    private final Cache<String, Head> heads = Caffeine.newBuilder().maximumWeight(MAX_REMEMBERED_HEAD_BYTES)
            .<String, Head>weigher((name, head) -> head.weightBytes()).expireAfterWrite(HEAD_MEMORY).build();

    /**
     * The audio to cut {@code [startMs, endMs]} of an episode from: the whole source when it is on disk, else the
     * clip's slice when the source allows one (a WAV, a CBR MP3, an MP4; Range honoured), else the whole source fetched
     * now. A whole CBR MP3 on disk is sliced and decoded the same way, so a clip's samples do not depend on whether its
     * source was fetched whole: ffmpeg seeking in the MP3 itself starts its decoder cold at the clip.
     *
     * @throws FetchRefused as {@link #fetch}
     */
    ClipSource forClip(UUID episodeId, long version, String url, long startMs, long endMs) {
        String name = MediaNames.source(episodeId, version, url);
        Optional<Path> whole = cache.find(MediaCache.SOURCES, name);
        if (whole.isEmpty() && config.rangeFetch()) {
            Optional<ClipSource> slice = slice(name, url, startMs, endMs);
            if (slice.isPresent()) {
                return slice.get();
            }
        }
        Path file = whole.orElseGet(() -> fetch(episodeId, version, url));
        Optional<ClipSource> local = config.rangeFetch() ? localMp3Slice(file, startMs, endMs) : Optional.empty();
        return local.orElseGet(() -> new ClipSource(file, 0, false));
    }

    /** The clip's slice of a whole CBR MP3 on disk, decoded as a fetched one is; empty for any other file. */
    private Optional<ClipSource> localMp3Slice(Path file, long startMs, long endMs) {
        try {
            long fileBytes = Files.size(file);
            long start = Mp3Layout.audioStart(readAt(file, 0, MAX_HEADER_BYTES));
            Optional<Mp3Layout> layout = start < 0 || start >= fileBytes ? Optional.empty()
                    : Mp3Layout.parse(readAt(file, start, MAX_HEADER_BYTES), start, fileBytes);
            Optional<Mp3Layout.Slice> range = layout.flatMap(l -> l.slice(startMs, endMs));
            if (range.isEmpty()) {
                return Optional.empty();
            }
            return decodedMp3Slice(layout.get(), range.get(), part -> copyRange(file, range.get(), part));
        } catch (IOException e) {
            LOG.infof("%s not sliced (%s), cutting from the whole file", file, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Copies the slice's bytes of a local file into {@code part}; false when the file ends before them. */
    private static boolean copyRange(Path file, Mp3Layout.Slice range, Path part) throws IOException {
        try (FileChannel in = FileChannel.open(file);
             FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            return transfer(in, range.firstByte(), range.length(), out);
        }
    }

    /** Writes {@code length} bytes of {@code in} from {@code first} to {@code out}; false when {@code in} ends first. */
    private static boolean transfer(FileChannel in, long first, long length, FileChannel out) throws IOException {
        for (long copied = 0; copied < length; ) {
            long moved = in.transferTo(first + copied, length - copied, out);
            if (moved <= 0) {
                return false;
            }
            copied += moved;
        }
        return true;
    }

    /** Writes a slice's bytes (its frames with their pre-roll) to a file; false when they could not be had. */
    @FunctionalInterface
    private interface SliceBytes {
        boolean writeTo(Path part) throws IOException, InterruptedException;
    }

    /**
     * An MP3 slice's bytes, written by {@code bytes}, decoded to exactly the samples the whole file's decode has from
     * the slice's start (Mp3SliceCutTest); empty when the bytes could not be had or did not decode.
     */
    private Optional<ClipSource> decodedMp3Slice(Mp3Layout layout, Mp3Layout.Slice range, SliceBytes bytes)
            throws IOException, InterruptedException {
        Path part = cache.tempFile(".part");
        Path wav = cache.tempFile(".wav");
        boolean decoded = false;
        try {
            decoded = bytes.writeTo(part) && Mp3Slices.decode(layout, range, part, wav, config.ffmpeg(),
                    config.renderTimeoutMs(), launcher.launcher());
            return decoded ? Optional.of(new ClipSource(wav, range.offsetMs(), true)) : Optional.empty();
        } finally {
            if (!decoded) {
                deleteQuietly(wav);
            }
            deleteQuietly(part);
        }
    }

    /** Up to {@code maxBytes} of a local file from {@code offset}: fewer at its end, none past it. */
    private static byte[] readAt(Path file, long offset, int maxBytes) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, Math.min(maxBytes, in.size() - offset)));
            while (buffer.hasRemaining() && in.read(buffer, offset + buffer.position()) > 0) {
                // Reads until the buffer is full or the file ends.
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /**
     * The clip's slice of a WAV or CBR MP3 source as a WAV file of its own, or empty for the whole-file path: any other
     * source, a host without Range, a header not to trust, a file that changed between the two requests, an MP3 slice
     * whose frames are not where its layout puts them. Refusals the whole-file path would meet the same way (the URL, a
     * timeout, not audio) are thrown at once.
     */
    private Optional<ClipSource> slice(String name, String url, long startMs, long endMs) {
        try {
            Optional<Head> head = head(name, url);
            if (head.isEmpty()) {
                return Optional.empty();
            }
            if (head.get().wav() != null) {
                return wavSlice(name, url, head.get(), startMs, endMs);
            }
            if (head.get().frames() != null) {
                return prefix(name, url, head.get(), endMs);
            }
            return head.get().mp4() != null ? mp4Slice(name, url, head.get(), startMs, endMs)
                    : mp3Slice(name, url, head.get(), startMs, endMs);
        } catch (FetchRefused refused) {
            if (refused.status() == 422 || FINAL_REFUSALS.contains(refused.reason())) {
                throw refused;
            }
            LOG.infof("range fetch of %s not used (%s), fetching it whole", url, refused.summary());
            heads.invalidate(name);
            return Optional.empty();
        }
    }

    /** A slice that could not be made forgets the header, so the next clip reads it again (the file may change). */
    private Optional<ClipSource> wavSlice(String name, String url, Head head, long startMs, long endMs) {
        Optional<WavLayout.Slice> range = head.wav().slice(startMs, endMs)
                .filter(r -> r.length() <= config.sourceMaxBytes());
        if (range.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> wav = fetchWavSlice(url, head, range.get());
        if (wav.isEmpty()) {
            heads.invalidate(name);
        }
        return wav.map(file -> new ClipSource(file, range.get().offsetMs(), true));
    }

    /**
     * The clip's frames with their pre-roll, fetched, then decoded to exactly the samples the whole file's decode
     * has from the slice's start (Mp3SliceCutTest): a WAV cut as a WAV slice is.
     */
    private Optional<ClipSource> mp3Slice(String name, String url, Head head, long startMs, long endMs) {
        Optional<Mp3Layout.Slice> range = head.mp3().slice(startMs, endMs)
                .filter(r -> r.length() <= config.sourceMaxBytes());
        if (range.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<ClipSource> slice = decodedMp3Slice(head.mp3(), range.get(),
                    part -> fetchRange(url, head, range.get().firstByte(), range.get().lastByte(), part));
            if (slice.isEmpty()) {
                LOG.infof("slice of %s not usable (not the bytes asked, or frames not where its header puts them),"
                        + " fetching it whole", url);
                heads.invalidate(name);
            }
            return slice;
        } catch (IOException e) {
            LOG.infof("slice of %s not decoded (%s), fetching it whole", url, e.getMessage());
            heads.invalidate(name);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The file's first bytes up to a little past the clip's end, for an MP3 whose frames cannot be located from its
     * header (VBR) or an ADTS AAC: cut as the whole file would be, since its frames there are the same bytes
     * (PrefixCutTest). The start is kept in the cache ({@link MediaNames#prefix}) and grown by later clips that reach
     * further, so no byte is fetched twice; once it is the whole file it is kept as the source. Fetched in ranges
     * sized by the bytes a millisecond took so far, each appended and its frames counted, until they reach {@link
     * FrameWalk#MARGIN_MS} past the clip's end or the file's end; at most {@link #MAX_PREFIX_FETCHES} ranges a clip.
     * Empty for the whole-file path when the frames stop being the stream's before that (junk, another rate), a range
     * is not what was asked, or the prefix would pass the source limit.
     */
    private Optional<ClipSource> prefix(String name, String url, Head head, long endMs) {
        long needMs = endMs + FrameWalk.MARGIN_MS;
        String keptName = MediaNames.prefix(name, head.etag(), head.fileBytes());
        Optional<Path> kept = cache.find(MediaCache.SOURCES, keptName);
        Path prefix = cache.tempFile(head.frames().kind().extension);
        Path part = cache.tempFile(".part");
        boolean reached = false;
        try {
            FrameWalk walk = head.frames().fromStart();
            FrameWalk projection = head.frames();
            long fetched = 0;
            if (kept.isPresent()) {
                walk = walkFile(walk, kept.get());
                if (walk.reachedMs() >= needMs) {
                    return Optional.of(new ClipSource(kept.get(), 0, false));
                }
                Files.copy(kept.get(), prefix);
                fetched = Files.size(prefix);
                projection = walk;
            }
            for (int round = 0; round < MAX_PREFIX_FETCHES && !reached && !walk.ended(); round++) {
                long end = projection.nextFetchEnd(needMs, fetched, head.fileBytes());
                if (end > config.sourceMaxBytes() || !fetchRange(url, head, fetched, end - 1, part)
                        || !appendTo(part, prefix)) {
                    heads.invalidate(name);
                    return Optional.empty();
                }
                fetched = end;
                walk = walkFile(walk, prefix);
                projection = walk;
                reached = walk.reachedMs() >= needMs || fetched == head.fileBytes();
            }
            if (!reached) {
                LOG.infof("the start of %s did not reach %d ms (frames end at byte %d: %s), fetching it whole", url,
                        needMs, walk.nextByte(), walk.ended() ? "not the stream's" : "too many ranges");
                return Optional.empty();
            }
            return Optional.of(new ClipSource(keep(prefix, fetched == head.fileBytes() ? name : keptName, keptName),
                    0, false));
        } catch (IOException e) {
            LOG.infof("prefix of %s not written (%s), fetching it whole", url, e.getMessage());
            return Optional.empty();
        } finally {
            deleteQuietly(prefix);
            deleteQuietly(part);
        }
    }

    /** Stores a fetched start as {@code name}; when that is the whole source, its kept start goes. */
    private Path keep(Path prefix, String name, String keptName) {
        Path stored = cache.store(prefix, MediaCache.SOURCES, name);
        if (!name.equals(keptName)) {
            cache.find(MediaCache.SOURCES, keptName).ifPresent(SourceFiles::deleteQuietly);
        }
        return stored;
    }

    /** Appends all of {@code part} to {@code file}, creating it. */
    private static boolean appendTo(Path part, Path file) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            return appendAll(part, out);
        }
    }

    /** The walk continued over a local file's bytes, read a window at a time from where it stands. */
    private static FrameWalk walkFile(FrameWalk walk, Path file) throws IOException {
        FrameWalk current = walk;
        while (true) {
            byte[] window = readAt(file, current.nextByte(), WALK_WINDOW_BYTES);
            FrameWalk next = current.over(window, current.nextByte());
            if (next.ended() || next.nextByte() == current.nextByte()) {
                return next;
            }
            current = next;
        }
    }

    /**
     * The index and the clip's samples of an MP4 written at their own offsets into a sparse file of the source's size:
     * ffmpeg cuts it as it would cut the whole file, seeking with the index and reading only samples that are there
     * (M4aSliceCutTest), so the times are the episode's own.
     */
    private Optional<ClipSource> mp4Slice(String name, String url, Head head, long startMs, long endMs) {
        Optional<List<Mp4Layout.Range>> ranges = head.mp4().layout().ranges(startMs, endMs)
                .filter(rs -> rs.stream().mapToLong(Mp4Layout.Range::length).sum() <= config.sourceMaxBytes());
        if (ranges.isEmpty()) {
            return Optional.empty();
        }
        Path sparse = cache.tempFile(".m4a");
        Path part = cache.tempFile(".part");
        boolean written = false;
        try {
            written = Mp4Slices.write(sparse, head.fileBytes(), head.mp4(), ranges.get(),
                    (first, last, out) -> fetchRange(url, head, first, last, part) && appendAll(part, out));
            if (!written) {
                LOG.infof("slice of %s not usable (not the bytes asked), fetching it whole", url);
                heads.invalidate(name);
            }
            return written ? Optional.of(new ClipSource(sparse, 0, true)) : Optional.empty();
        } catch (IOException e) {
            LOG.infof("slice of %s not written (%s), fetching it whole", url, e.getMessage());
            return Optional.empty();
        } finally {
            if (!written) {
                deleteQuietly(sparse);
            }
            deleteQuietly(part);
        }
    }

    /** Writes all of {@code file} to {@code out} at its position. */
    private static boolean appendAll(Path file, FileChannel out) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            return transfer(in, 0, in.size(), out);
        }
    }

    /**
     * The source's header, remembered, or read from its first bytes (an MP3's ID3v2 tag may need a second read past
     * it, an MP4's index a read of its own); empty when it is not a WAV, MP3 or MP4 to slice.
     */
    private Optional<Head> head(String name, String url) {
        Head known = heads.getIfPresent(name);
        if (known != null) {
            return Optional.of(known);
        }
        Path temp = cache.tempFile(".head");
        try {
            SafeFetcher.Slice first = fetcher().downloadRange(url, 0, MAX_HEADER_BYTES - 1, Map.of(), temp);
            checkAudio(first.contentType(), url);
            if (!first.partial() || first.totalBytes() < 0) {
                return Optional.empty();
            }
            // At most MAX_HEADER_BYTES: the fetcher cut the body at the asked length.
            byte[] bytes = Files.readAllBytes(temp);
            long fileBytes = first.totalBytes();
            Optional<Head> head = WavLayout.parse(bytes, fileBytes)
                    .map(layout -> new Head(layout, null, null, null, fileBytes, first.etag()))
                    .or(() -> Mp4Layout.isMp4(bytes) ? mp4Head(url, bytes, first, temp)
                            : mp3Head(url, bytes, first, temp));
            head.ifPresent(h -> heads.put(name, h));
            return head;
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * The MP3 layout from the file's first bytes, reading its first frames past a large ID3v2 tag when needed; for an
     * MP3 whose frames cannot be located from its header (VBR) or an ADTS AAC, a walk over those first frames.
     */
    private Optional<Head> mp3Head(String url, byte[] bytes, SafeFetcher.Slice first, Path temp) {
        long start = Mp3Layout.audioStart(bytes);
        long fileBytes = first.totalBytes();
        if (start < 0 || start >= fileBytes) {
            return Optional.empty();
        }
        Head unknown = new Head(null, null, null, null, fileBytes, first.etag());
        byte[] frames;
        if (start + Mp3Layout.LOCATE_BYTES <= bytes.length) {
            frames = Arrays.copyOfRange(bytes, (int) start, bytes.length);
        } else if (fetchRange(url, unknown, start, Math.min(fileBytes, start + MAX_HEADER_BYTES) - 1, temp)) {
            try {
                frames = Files.readAllBytes(temp);
            } catch (IOException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        byte[] firstFrames = frames;
        return Mp3Layout.parse(firstFrames, start, fileBytes)
                .map(layout -> new Head(null, layout, null, null, fileBytes, first.etag()))
                .or(() -> FrameWalk.start(firstFrames, 0, start).map(walk -> new Head(null, null, null,
                        walk.over(firstFrames, start), fileBytes, first.etag())));
    }

    /** An MP4's index, read through ranged fetches of the same file. */
    private Optional<Head> mp4Head(String url, byte[] bytes, SafeFetcher.Slice first, Path temp) {
        long fileBytes = first.totalBytes();
        Head unknown = new Head(null, null, null, null, fileBytes, first.etag());
        try {
            return Mp4Slices.index(bytes, fileBytes,
                            (from, to) -> fetchRange(url, unknown, from, to, temp) ? Files.readAllBytes(temp) : null)
                    .map(index -> new Head(null, null, index, null, fileBytes, first.etag()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Fetches bytes {@code first..last} of the source into {@code target}; false when the host did not answer
     * exactly those bytes of the same file (If-Range with its strong validator, the same size otherwise).
     */
    private boolean fetchRange(String url, Head head, long first, long last, Path target) {
        Map<String, String> sameFile = head.etag() == null ? Map.of() : Map.of("If-Range", head.etag());
        SafeFetcher.Slice answer = fetcher().downloadRange(url, first, last, sameFile, target);
        return answer.partial() && answer.first() == first && answer.length() == last - first + 1
                && answer.totalBytes() == head.fileBytes();
    }

    /** Fetches a WAV slice's bytes and writes them after a header of their own; empty as {@link #fetchRange}. */
    private Optional<Path> fetchWavSlice(String url, Head head, WavLayout.Slice range) {
        Path part = cache.tempFile(".part");
        Path wav = cache.tempFile(".wav");
        try {
            if (!fetchRange(url, head, range.firstByte(), range.lastByte(), part)) {
                return Optional.empty();
            }
            Files.write(wav, head.wav().header(range.length()), StandardOpenOption.CREATE_NEW);
            try (OutputStream out = Files.newOutputStream(wav, StandardOpenOption.APPEND)) {
                Files.copy(part, out);
            }
            return Optional.of(wav);
        } catch (IOException e) {
            deleteQuietly(wav);
            LOG.infof("slice of %s not written (%s), fetching it whole", url, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            deleteQuietly(wav);
            throw e;
        } finally {
            deleteQuietly(part);
        }
    }

    /**
     * @throws FetchRefused when the source cannot be fetched, with its reason (422 for the URL, 502 for the host)
     */
    private Path fetch(UUID episodeId, long version, String url) {
        String name = MediaNames.source(episodeId, version, url);
        Optional<Path> cached = cache.find(MediaCache.SOURCES, name);
        if (cached.isPresent()) {
            return cached.get();
        }
        Path temp = cache.tempFile(".src");
        try {
            checkAudio(fetcher().download(url, config.sourceMaxBytes(), temp), url);
            return cache.store(temp, MediaCache.SOURCES, name);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * The artwork at {@code url} as an image ffmpeg may read, or empty when there is none to use: not fetched (any
     * reason), too large, or not PNG, JPEG or WebP by its first bytes. A video without artwork shows a generated card,
     * so no failure here fails a render.
     */
    Optional<VideoCut.Artwork> artwork(UUID episodeId, long version, String url) {
        if (url == null) {
            return Optional.empty();
        }
        String name = MediaNames.source(episodeId, version, "art|" + url);
        Path file = cache.find(MediaCache.SOURCES, name).orElse(null);
        if (file == null) {
            Path temp = cache.tempFile(".img");
            try {
                fetcher().download(url, config.artworkMaxBytes(), temp);
                file = cache.store(temp, MediaCache.SOURCES, name);
            } catch (FetchRefused refused) {
                LOG.infof("artwork %s not used: %s", url, refused.getMessage());
                return Optional.empty();
            } finally {
                deleteQuietly(temp);
            }
        }
        Path image = file;
        return imageKind(head(image)).map(kind -> new VideoCut.Artwork(image, kind));
    }

    /** PNG, JPEG or WebP by signature; anything else (SVG, HTML, a playlist) is not an image ffmpeg gets. */
    static Optional<VideoCut.Artwork.Kind> imageKind(byte[] head) {
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Optional.of(VideoCut.Artwork.Kind.PNG);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(VideoCut.Artwork.Kind.JPEG);
        }
        if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(VideoCut.Artwork.Kind.WEBP);
        }
        return Optional.empty();
    }

    private static byte[] head(Path file) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(MAGIC_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void checkAudio(String contentType, String url) {
        if (contentType != null && !isAudioOrVideo(contentType)) {
            throw FetchRefused.remote(Reason.NOT_AUDIO, url + " answered " + contentType + ", not audio");
        }
    }

    /** Hosts often answer media as octet-stream; pages and errors come as text or JSON. */
    static boolean isAudioOrVideo(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        return type.startsWith("audio/") || type.startsWith("video/") || type.startsWith("application/octet-stream")
                || type.startsWith("application/ogg") || type.startsWith("binary/");
    }

    private SafeFetcher fetcher() {
        SafeFetcher current = fetcher;
        if (current == null) {
            current = new SafeFetcher(new SafeFetcher.Limits(CONNECT_TIMEOUT, HEADERS_TIMEOUT,
                    Duration.ofMillis(config.fetchTimeoutMs()), MAX_REDIRECTS, config.allowLoopbackSources()));
            fetcher = current;
        }
        return current;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover temp file is swept with the cache folder; nothing to tell the caller.
        }
    }
}
