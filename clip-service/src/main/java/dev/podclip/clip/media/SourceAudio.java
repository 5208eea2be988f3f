package dev.podclip.clip.media;

import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.net.SafeFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An episode's audio file on local disk, fetched once per episode version through the guarded fetcher (http(s) only,
 * no private or link-local address, loopback only where allowed, size and time bounded) and kept in the media cache.
 */
@ApplicationScoped
public class SourceAudio {

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
