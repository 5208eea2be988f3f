package dev.podclip.catalog.support;

import dev.podclip.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The catalog with a broker the test can stop; short relay backoff so the backlog drains soon after a restart. */
public class OwnBrokerProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class, Map.of("prefix", "catalog_outage")),
                new TestResourceEntry(OwnBrokerResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("catalog.relay.backoff-max", "1s", "catalog.relay.delivery-timeout", "4s");
    }
}
