package dev.podclip.catalog.home;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the catalog's home page points people ({@code catalog.home.*}, or {@code CATALOG_HOME_*} environment
 * variables).
 */
@ConfigMapping(prefix = "catalog.home")
public interface HomeConfig {

    /**
     * clip-service's front door, the pages where people browse, search and share: its public URL, as clip-service
     * itself reads it ({@code CLIP_PUBLIC_BASE_URL}, which bin/stack sets for both services), with a slash.
     */
    @WithDefault("${CLIP_PUBLIC_BASE_URL:http://127.0.0.1:8082}/")
    String clipServiceUrl();
}
