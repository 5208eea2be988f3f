package dev.podclip.catalog.feeds;

import dev.podclip.catalog.support.CatalogProfile;

import java.util.Map;

/** The catalog profile with loopback feeds allowed, short fetch limits, and no background polling. */
public class FeedsProfile extends CatalogProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "catalog.feeds.allow-loopback", "true",
                "catalog.feeds.polling-enabled", "false",
                "catalog.feeds.headers-timeout", "1s",
                "catalog.feeds.total-deadline", "2s",
                "catalog.feeds.feed-max-bytes", "1048576");
    }
}
