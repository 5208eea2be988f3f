package dev.podclip.catalog.support;

import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The catalog against a fresh PostgreSQL database and the test JVM's shared real broker. */
public class CatalogProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class, Map.of("prefix", "catalog_test")),
                new TestResourceEntry(KafkaResource.class));
    }
}
