package dev.podclip.clip.share;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of share pages, embeds, oEmbed and the page cache. Defaults live here so application.properties needs no
 * entry; override with {@code clip.share.*} properties or {@code CLIP_SHARE_*} environment variables.
 */
@ConfigMapping(prefix = "clip.share")
public interface ShareConfig {

    /**
     * The absolute URL people reach this service under (scheme, host, port, no trailing slash). Share links, oEmbed
     * and card tags are built from it, and oEmbed answers only for URLs under it.
     */
    @WithDefault("${CLIP_PUBLIC_BASE_URL:http://127.0.0.1:8082}")
    String publicBaseUrl();

    /** The name oEmbed gives as provider_name. */
    @WithDefault("podclip")
    String providerName();

    /** Width of the embedded player (oEmbed iframe, twitter:player), in CSS pixels. */
    @WithDefault("480")
    int embedWidthPx();

    /** Height of the embedded player, in CSS pixels. */
    @WithDefault("180")
    int embedHeightPx();

    /** Most resolved pages and JSON documents the hot-path cache keeps. */
    @WithDefault("20000")
    long cacheMaxEntries();

    /**
     * How long a cached page may live at most, in seconds. Invalidation normally comes from the
     * {@code chapters_changed} notifications; this bounds staleness if one is lost while the listener reconnects.
     */
    @WithDefault("300")
    long cacheTtlSeconds();

    /** Whether episode changes announced by PostgreSQL invalidate the cache (off only in tests of the cache itself). */
    @WithDefault("true")
    boolean listenForChanges();

    /**
     * Whether {@code /api/ping}, the trivial route the share-page benchmarks compare with, answers; off in production
     * (an open endpoint that does nothing), on in dev and test, and set by bin/stack ({@code CLIP_SHARE_PING_ENABLED}).
     */
    @WithDefault("false")
    boolean pingEnabled();
}
