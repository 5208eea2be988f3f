package dev.podclip.catalog.support;

import java.util.Map;

/** The relay stopped, so tests can read the outbox table as the writes left it. */
public class RelayOffProfile extends CatalogProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("catalog.relay.enabled", "false");
    }
}
