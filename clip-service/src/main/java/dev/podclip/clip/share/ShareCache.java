package dev.podclip.clip.share;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.podclip.clip.clips.ClipProblems;
import dev.podclip.clip.clips.ClipRef;
import dev.podclip.clip.clips.ClipService;
import dev.podclip.clip.clips.EpisodeContext;
import dev.podclip.clip.clips.Resolved;
import dev.podclip.support.problem.ProblemException;
import dev.podclip.support.problem.Problems;
import dev.podclip.support.text.Digests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hot path: resolved clips with their rendered page, embed page and JSON, by reference, in a bounded Caffeine
 * cache ({@link ShareConfig#cacheMaxEntries()}, {@link ShareConfig#cacheTtlSeconds()}).
 *
 * <p>Invalidation: {@link #episodeChanged} drops every entry of the episode (found through a per-episode index, so a
 * burst of notifications costs per entry dropped, not per entry cached) and remembers the newest version it was told
 * about; an entry resolved at an older version is treated as a miss even if a load that raced with the notification
 * put it back after the drop, or the index lost track of it. The TTL bounds staleness when a notification is lost.
 */
@ApplicationScoped
public class ShareCache {

    /** The entry that is stored: rendered lazily, once per representation. */
    public static final class Entry {
        final Resolved resolved;
        private final ClipRef ref;
        // Pages are kept encoded: the hot path then writes cached bytes instead of encoding ~9 KB per request.
        private volatile byte[] page;
        private volatile byte[] embed;
        private volatile String json;
        private volatile String pageEtag;
        private volatile String jsonEtag;

        Entry(ClipRef ref, Resolved resolved) {
            this.ref = ref;
            this.resolved = resolved;
        }

        public Resolved resolved() {
            return resolved;
        }
    }

    /** Hex digits of the body's SHA-256 in an ETag: 128 bits, collisions out of reach. */
    static final int ETAG_HEX_CHARS = 32;
    /** Hits, misses, evictions and size appear as {@code cache_*{cache="clip_share_pages"}} on /q/metrics. */
    static final String METRIC_NAME = "clip_share_pages";

    private final ClipService clips;
    private final SharePages pages;
    private final ObjectMapper json;
    private final Cache<ClipRef, Entry> entries;
    /** The newest version each recently changed episode was announced at. */
    private final Cache<UUID, Long> announcedVersions;
    /**
     * One episode context per episode version, shared by every cached clip of it. Each load reads its own copy, and
     * 10,000 cached clips of the demo's episodes held 245,826 chapters: most of the heap's live objects, which every
     * GC pause pays for (BENCHMARKS.md §3). Weak values: a context lives as long as an entry uses it.
     */
    private final Cache<UUID, EpisodeContext> sharedContexts =
            Caffeine.newBuilder().weakValues().build();
    /** Which cached references belong to which episode; an optimisation only (freshness is checked by version). */
    private final ConcurrentHashMap<UUID, Set<ClipRef>> refsByEpisode = new ConcurrentHashMap<>();

    @Inject
    public ShareCache(ClipService clips, SharePages pages, ObjectMapper json, ShareConfig config,
                      MeterRegistry metrics) {
        this.clips = clips;
        this.pages = pages;
        this.json = json;
        Duration ttl = Duration.ofSeconds(config.cacheTtlSeconds());
        this.entries = Caffeine.newBuilder().maximumSize(config.cacheMaxEntries()).expireAfterWrite(ttl)
                .executor(Runnable::run)
                .removalListener((ClipRef ref, Entry entry, RemovalCause cause) -> unindex(ref, entry, cause))
                .recordStats().build();
        CaffeineCacheMetrics.monitor(metrics, entries, METRIC_NAME);
        // Remembered at least as long as an entry lives, so a racing stale load cannot outlive the announcement.
        this.announcedVersions = Caffeine.newBuilder().maximumSize(config.cacheMaxEntries())
                .expireAfterWrite(ttl.multipliedBy(2)).build();
    }

    /** The resolved clip, from the cache or the read model. Throws the problem of an unknown or invalid clip. */
    public Entry get(ClipRef ref) {
        Entry entry = entries.getIfPresent(ref);
        if (entry != null && fresh(entry)) {
            return entry;
        }
        Entry loaded = new Entry(ref, sharingContext(clips.resolve(ref)));
        if (fresh(loaded)) {
            refsByEpisode.computeIfAbsent(loaded.resolved.episodeId(), id -> ConcurrentHashMap.newKeySet()).add(ref);
            entries.put(ref, loaded);
        }
        return loaded;
    }

    /** The same clip with the episode context other entries of that episode version hold, when there is one. */
    private Resolved sharingContext(Resolved resolved) {
        EpisodeContext episode = resolved.episode();
        if (episode == null) {
            return resolved;
        }
        EpisodeContext shared = sharedContexts.asMap().merge(resolved.episodeId(), episode,
                (held, loaded) -> held.version() >= loaded.version() ? held : loaded);
        if (shared == episode || shared.version() != episode.version()) {
            return resolved;
        }
        return new Resolved(resolved.episodeId(), resolved.episodeVersion(), resolved.view(), shared);
    }

    /** The share page, UTF-8. */
    public byte[] page(Entry entry) {
        byte[] html = entry.page;
        if (html == null) {
            html = utf8(entry.resolved.gone() ? pages.gone(shareUrl(entry))
                    : pages.page(entry.resolved.view(), SharePages.timeline(entry.resolved.view(),
                    entry.resolved.episode())));
            entry.page = html;
        }
        return html;
    }

    /** The embeddable player page, UTF-8. */
    public byte[] embed(Entry entry) {
        byte[] html = entry.embed;
        if (html == null) {
            html = utf8(entry.resolved.gone() ? pages.gone(shareUrl(entry))
                    : pages.embed(entry.resolved.view(), SharePages.timeline(entry.resolved.view(),
                    entry.resolved.episode())));
            entry.embed = html;
        }
        return html;
    }

    /**
     * A strong validator of the share page: a hash of its bytes, so every instance of the same build gives the same
     * one, and any change (the episode, the clip, the template) gives another. Computed once per entry.
     */
    public String pageEtag(Entry entry) {
        String etag = entry.pageEtag;
        if (etag == null) {
            etag = etag(page(entry));
            entry.pageEtag = etag;
        }
        return etag;
    }

    /** The same for the clip JSON. */
    public String jsonEtag(Entry entry) {
        String etag = entry.jsonEtag;
        if (etag == null) {
            etag = etag(utf8(json(entry)));
            entry.jsonEtag = etag;
        }
        return etag;
    }

    private static String etag(byte[] body) {
        return "\"" + Digests.sha256Hex(body).substring(0, ETAG_HEX_CHARS) + "\"";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The clip JSON; for a gone clip the problem+json body. */
    public String json(Entry entry) {
        String text = entry.json;
        if (text == null) {
            try {
                Object body = entry.resolved.gone() ? goneBody(entry) : withTranscript(entry.resolved.view());
                text = json.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write clip JSON", e);
            }
            entry.json = text;
        }
        return text;
    }

    /**
     * The clip JSON plus {@code transcript}: the cues of its range (transcripts feature); and, where the clip has a
     * video, whether it carries captions, with a note when it cannot.
     */
    private Object withTranscript(dev.podclip.clip.clips.ClipView view) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.convertValue(view, java.util.LinkedHashMap.class);
        var cues = pages.transcriptOf(view);
        body.put("transcript", cues);
        if (view.video() != null) {
            body.put("videoCaptions", !cues.isEmpty());
            if (cues.isEmpty()) {
                body.put("videoCaptionsNote", "The video has no captions: the episode has no transcript for this range");
            }
        }
        return body;
    }

    /** Drops the episode's entries: its chapters, titles, media or existence changed. */
    public void episodeChanged(UUID episodeId, long version) {
        announcedVersions.asMap().merge(episodeId, version, Math::max);
        Set<ClipRef> refs = refsByEpisode.remove(episodeId);
        if (refs != null) {
            entries.invalidateAll(refs);
        }
    }

    /** Drops everything: changes may have been missed (the listener reconnected). */
    public void invalidateAll() {
        entries.invalidateAll();
        refsByEpisode.clear();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Keeps the index as small as the cache when entries expire or are evicted. */
    private void unindex(ClipRef ref, Entry entry, RemovalCause cause) {
        if (ref == null || entry == null || cause == RemovalCause.REPLACED) {
            return;
        }
        refsByEpisode.computeIfPresent(entry.resolved.episodeId(), (id, refs) -> {
            refs.remove(ref);
            return refs.isEmpty() ? null : refs;
        });
    }

    private boolean fresh(Entry entry) {
        Long announced = announcedVersions.getIfPresent(entry.resolved.episodeId());
        return announced == null || announced <= entry.resolved.episodeVersion();
    }

    private String shareUrl(Entry entry) {
        return entry.ref.shareUrl(clips.baseUrl());
    }

    private Map<String, Object> goneBody(Entry entry) {
        ProblemException gone = ClipProblems.gone(entry.resolved.episodeId());
        Response response = Problems.response(gone, entry.ref.path());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        return body;
    }
}
