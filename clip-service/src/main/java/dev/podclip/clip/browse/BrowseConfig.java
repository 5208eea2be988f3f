package dev.podclip.clip.browse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The front door's pages (docs/clip-service.md, "Front door"). */
@ConfigMapping(prefix = "clip.browse")
public interface BrowseConfig {

    /**
     * Longest the home page is served as built, in ms; any episode change drops it sooner (0: built every time). It
     * aggregates every episode by show, which the page's traffic need not pay for on every request.
     */
    @WithDefault("5000")
    @Min(0) @Max(60_000)
    long homeCacheMs();
}
