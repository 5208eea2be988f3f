package dev.podclip.clip.share;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.clip.clips.ClipRange;
import dev.podclip.clip.clips.ClipRef;
import dev.podclip.clip.clips.ClipService;
import dev.podclip.clip.clips.ClipView;
import dev.podclip.clip.clips.EpisodeContext;
import dev.podclip.clip.clips.Resolved;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache's freshness rules, without a database: loads come from a counting stand-in for the service. */
class ShareCacheTest {

    record Config(String publicBaseUrl, String providerName, int embedWidthPx, int embedHeightPx,
                  long cacheMaxEntries, long cacheTtlSeconds, boolean listenForChanges, int listenPollMs,
                  int listenRetryMs) implements ShareConfig {
        @Override
        public boolean pingEnabled() {
            return false;
        }
    }

    static final Config CONFIG = new Config("http://127.0.0.1:8082", "podclip", 480, 180, 100, 300, false, 1000,
            2000);

    /** The read model as the stand-in service sees it: each episode's current version. */
    final Map<UUID, Long> versions = new ConcurrentHashMap<>();
    final AtomicInteger loads = new AtomicInteger();

    final ClipService service = new ClipService(null, null, null, CONFIG::publicBaseUrl) {
        @Override
        public Resolved resolve(ClipRef ref) {
            loads.incrementAndGet();
            UUID episodeId = ref.episodeId();
            long version = versions.get(episodeId);
            EpisodeContext episode = new EpisodeContext(episodeId, version, false, "Show", "Episode v" + version,
                    "https://cdn.example/e.mp3", null, null, 600_000L, 0, List.of(), null);
            ClipRange range = new ClipRange(ref.startMs(), ref.endMs());
            return new Resolved(episodeId, version, ClipView.of(ref, baseUrl(), null, range, episode), episode);
        }
    };

    final ShareCache cache = new ShareCache(service, new SharePages(CONFIG), new ObjectMapper(), CONFIG,
            new SimpleMeterRegistry());

    @Test
    void servesFromTheCacheUntilTheEpisodeChanges() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        versions.put(a, 1L);
        versions.put(b, 1L);
        ClipRef clipA = ClipRef.range(a, 1_000, 5_000);
        ClipRef clipB = ClipRef.range(b, 1_000, 5_000);
        cache.get(clipA);
        cache.get(clipB);
        cache.get(clipA);
        cache.get(clipB);
        assertThat(loads).hasValue(2);

        versions.put(a, 2L);
        cache.episodeChanged(a, 2);
        assertThat(cache.get(clipA).resolved().episodeVersion()).isEqualTo(2);
        assertThat(cache.get(clipB).resolved().episodeVersion()).isEqualTo(1);
        assertThat(loads).as("only the changed episode is loaded again").hasValue(3);
    }

    @Test
    void aLoadOlderThanTheAnnouncedVersionIsNeverServedFromTheCache() {
        UUID a = UUID.randomUUID();
        versions.put(a, 1L);
        ClipRef clip = ClipRef.range(a, 1_000, 5_000);
        // The notification for version 2 arrives while the read model still answers version 1 (a racing load).
        cache.episodeChanged(a, 2);
        assertThat(cache.get(clip).resolved().episodeVersion()).isEqualTo(1);
        assertThat(cache.get(clip).resolved().episodeVersion()).isEqualTo(1);
        assertThat(loads).as("the stale load was not stored").hasValue(2);
        versions.put(a, 2L);
        cache.get(clip);
        cache.get(clip);
        assertThat(loads).hasValue(3);
    }

    @Test
    void invalidateAllDropsEverything() {
        UUID a = UUID.randomUUID();
        versions.put(a, 1L);
        ClipRef clip = ClipRef.range(a, 1_000, 5_000);
        cache.get(clip);
        assertThat(cache.size()).isEqualTo(1);
        cache.invalidateAll();
        assertThat(cache.size()).isZero();
        cache.get(clip);
        assertThat(loads).hasValue(2);
    }

    @Test
    void rendersJsonOnce() {
        // Pages need the Qute engine and are covered by SharePageTest; JSON needs only Jackson.
        UUID a = UUID.randomUUID();
        versions.put(a, 1L);
        ShareCache.Entry entry = cache.get(ClipRef.range(a, 1_000, 5_000));
        assertThat(cache.json(entry)).isSameAs(cache.json(entry)).contains("\"startMs\":1000");
    }

    @Test
    void clipsOfOneEpisodeVersionShareOneContextAndANewVersionGetsItsOwn() {
        UUID a = UUID.randomUUID();
        versions.put(a, 1L);
        EpisodeContext first = cache.get(ClipRef.range(a, 1_000, 5_000)).resolved().episode();
        EpisodeContext second = cache.get(ClipRef.range(a, 7_000, 9_000)).resolved().episode();
        assertThat(second).as("each load reads its own copy; the cache keeps one").isSameAs(first);

        versions.put(a, 2L);
        cache.episodeChanged(a, 2);
        EpisodeContext newer = cache.get(ClipRef.range(a, 7_000, 9_000)).resolved().episode();
        assertThat(newer.version()).isEqualTo(2);
        assertThat(cache.get(ClipRef.range(a, 11_000, 12_000)).resolved().episode()).isSameAs(newer);
        assertThat(loads).hasValue(4);
    }
}
