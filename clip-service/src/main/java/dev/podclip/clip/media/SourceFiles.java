package dev.podclip.clip.media;

import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.net.SafeFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An episode's audio file and its artwork on local disk, fetched once per episode version through the guarded fetcher
 * (http(s) only, no private or link-local address, loopback only where allowed, size and time bounded) and kept in
 * the media cache.
 */
@ApplicationScoped
public class SourceFiles {

    private static final Logger LOG = Logger.getLogger(SourceFiles.class);
    /** Bytes of an image's start that tell PNG, JPEG and WebP apart. */
    static final int MAGIC_BYTES = 12;

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(15);
    static final int MAX_REDIRECTS = 5;

    @Inject
    MediaConfig config;
    @Inject
    MediaCache cache;

    private volatile SafeFetcher fetcher;

    /**
     * @throws FetchRefused when the source cannot be fetched, with its reason (422 for the URL, 502 for the host)
     */
    Path fetch(UUID episodeId, long version, String url) {
        String name = MediaNames.source(episodeId, version, url);
        Optional<Path> cached = cache.find(MediaCache.SOURCES, name);
        if (cached.isPresent()) {
            return cached.get();
        }
        Path temp = cache.tempFile(".src");
        try {
            String type = fetcher().download(url, config.sourceMaxBytes(), temp);
            if (type != null && !isAudioOrVideo(type)) {
                throw FetchRefused.remote("not-audio", url + " answered " + type + ", not audio");
            }
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
