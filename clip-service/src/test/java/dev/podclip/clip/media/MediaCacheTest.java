package dev.podclip.clip.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The disk cache: bounded by bytes, least recently used out first, an episode's old versions dropped. */
class MediaCacheTest {

    @TempDir
    Path dir;

    private MediaCache cache(long maxBytes) {
        MediaCache cache = new MediaCache();
        cache.config = (MediaConfig) Proxy.newProxyInstance(MediaConfig.class.getClassLoader(),
                new Class<?>[] {MediaConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "cacheDir" -> Optional.of(dir.toString());
                    case "cacheMaxBytes" -> maxBytes;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return cache;
    }

    private static Path put(MediaCache cache, String name, int bytes, long usedAtMs) throws IOException {
        Path temp = cache.tempFile(".mp3");
        Files.write(temp, new byte[bytes]);
        Path stored = cache.store(temp, MediaCache.RENDERS, name);
        Files.setLastModifiedTime(stored, FileTime.fromMillis(usedAtMs));
        return stored;
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheBoundIsPassed() throws IOException {
        MediaCache cache = cache(2_500);
        UUID episode = UUID.randomUUID();
        String a = MediaNames.render(episode, 1, "a", "mp3");
        String b = MediaNames.render(episode, 1, "b", "mp3");
        String c = MediaNames.render(episode, 1, "c", "mp3");
        put(cache, a, 1_000, 1_000);
        put(cache, b, 1_000, 2_000);
        assertThat(cache.find(MediaCache.RENDERS, a)).isPresent(); // a is now the most recently used
        put(cache, c, 1_000, System.currentTimeMillis() + 1_000);
        assertThat(cache.find(MediaCache.RENDERS, b)).isEmpty();
        assertThat(cache.find(MediaCache.RENDERS, a)).isPresent();
        assertThat(cache.find(MediaCache.RENDERS, c)).isPresent();
    }

    @Test
    void anEpisodesOlderVersionsAreDroppedAndOthersKept() throws IOException {
        MediaCache cache = cache(1_000_000);
        UUID episode = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String old = MediaNames.render(episode, 3, "a", "mp3");
        String current = MediaNames.render(episode, 4, "a", "mp3");
        String unrelated = MediaNames.render(other, 1, "a", "mp3");
        put(cache, old, 10, 1_000);
        put(cache, current, 10, 1_000);
        put(cache, unrelated, 10, 1_000);
        cache.dropOlderThan(episode, 4);
        assertThat(cache.find(MediaCache.RENDERS, old)).isEmpty();
        assertThat(cache.find(MediaCache.RENDERS, current)).isPresent();
        assertThat(cache.find(MediaCache.RENDERS, unrelated)).isPresent();
    }
}
