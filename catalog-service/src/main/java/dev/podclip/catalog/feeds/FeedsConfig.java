package dev.podclip.catalog.feeds;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Feed import and polling ({@code catalog.feeds.*}); docs/feeds.md has the table. */
@ConfigMapping(prefix = "catalog.feeds")
public interface FeedsConfig {

    /** Only tests serve feeds from 127.0.0.1; everywhere else loopback is refused like any private address. */
    @WithDefault("false")
    boolean allowLoopback();

    /** Off: this instance never polls (registered feeds are still polled by the others). */
    @WithDefault("true")
    boolean pollingEnabled();

    /** Time between two polls of one feed. */
    @WithDefault("15m")
    Duration pollInterval();

    /** Time between two checks for due feeds. */
    @WithDefault("30s")
    Duration tick();

    /** Due feeds one instance claims per tick. */
    @WithDefault("10")
    int claimBatch();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Until the response headers arrive. */
    @WithDefault("10s")
    Duration headersTimeout();

    /** One fetch, every redirect hop and the whole body included. */
    @WithDefault("30s")
    Duration totalDeadline();

    @WithDefault("5")
    int maxRedirects();

    /**
     * One poll of a feed as a whole: past it no more chapter or transcript files are fetched (the items still get
     * their episodes; their attachments come with the next poll), so a poll takes at most this plus one fetch.
     */
    @WithDefault("2m")
    Duration pollDeadline();

    /** Feed registrations, uploads and manual polls worked on at once, on their own threads (not request threads). */
    @WithDefault("2")
    int importConcurrency();

    /** Imports waiting for a thread; past it the request is answered 503 with Retry-After. */
    @WithDefault("20")
    int importQueue();

    @WithDefault("10485760")
    long feedMaxBytes();

    @WithDefault("1048576")
    long chaptersMaxBytes();

    @WithDefault("8388608")
    long transcriptMaxBytes();
}
