package dev.podclip.clip.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Search's result cache (docs/transcripts-and-search.md, "Result cache"). */
@ConfigMapping(prefix = "clip.search")
public interface SearchConfig {

    /**
     * Most memory the cached pages of results may take, in bytes, estimated from their text (0: no cache, every
     * search runs its statement). A page of ten hits of the demo's episodes weighs ~8.5 KB, so the default keeps
     * about 1,000 of them.
     */
    @WithDefault("8388608")
    @Min(0) @Max(268_435_456)
    long cacheMaxBytes();

    /**
     * Longest a cached page is answered, in ms. Any episode change drops every cached page at once (the
     * {@code chapters_changed} notice every instance hears); this bounds what a lost notice could leave behind.
     */
    @WithDefault("60000")
    @Min(1) @Max(3_600_000)
    long cacheTtlMs();
}
