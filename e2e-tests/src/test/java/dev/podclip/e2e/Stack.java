package dev.podclip.e2e;

import dev.podclip.testing.RepoPaths;
import dev.podclip.testing.ServiceProcess;
import dev.podclip.kafka.LocalKafkaBroker;
import dev.podclip.support.auth.DevTokens;
import dev.podclip.testing.TestDatabases;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole product for one test class: its own forked Kafka broker (so a test may stop it), two fresh databases, and
 * both packaged services pointed at them. Closing it stops everything and drops the databases.
 */
final class Stack implements AutoCloseable {

    static final String ISSUER = DevTokens.DEV_ISSUER;
    static final Duration TOKEN_TTL = Duration.ofHours(1);

    final LocalKafkaBroker broker;
    final ServiceProcess catalog;
    final ServiceProcess clip;
    private final String catalogDatabase;
    private final String clipDatabase;

    private Stack(Map<String, String> catalogExtra, Map<String, String> clipExtra) {
        broker = LocalKafkaBroker.start(LocalKafkaBroker.Options.temporary());
        catalogDatabase = TestDatabases.create("e2e_catalog");
        clipDatabase = TestDatabases.create("e2e_clip");
        // These tests check behaviour, not speed: C1 alone starts the services sooner on 2 cores.
        catalog = new ServiceProcess("catalog-service", environment(catalogDatabase, catalogExtra)).c1Only();
        clip = new ServiceProcess("clip-service", environment(clipDatabase, clipExtra)).c1Only();
        // Share links must name the port this clip-service really listens on.
        clip.env("CLIP_PUBLIC_BASE_URL", clip.baseUrl());
    }

    static Stack start(Map<String, String> catalogExtra, Map<String, String> clipExtra) {
        return start(catalogExtra, clipExtra, ServiceProcess.DEFAULT_MAX_HEAP_MIB);
    }

    /** As {@link #start(Map, Map)}, each service with a heap of {@code maxHeapMib}. */
    static Stack start(Map<String, String> catalogExtra, Map<String, String> clipExtra, int maxHeapMib) {
        Stack stack = new Stack(catalogExtra, clipExtra);
        stack.catalog.maxHeapMib(maxHeapMib);
        stack.clip.maxHeapMib(maxHeapMib);
        try {
            stack.catalog.start();
            stack.clip.start();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private Map<String, String> environment(String database, Map<String, String> extra) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "DB_URL", TestDatabases.jdbcUrl(database),
                "DB_USER", TestDatabases.user(),
                "DB_PASSWORD", TestDatabases.password(),
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "JWT_PUBLIC_KEY_LOCATION", RepoPaths.root().resolve("dev/jwt/publicKey.pem").toString(),
                "JWT_ISSUER", ISSUER,
                "ALLOW_DEVELOPMENT_KEYS", "true"));
        environment.putAll(extra);
        return environment;
    }

    Api catalogApi() {
        return new Api(catalog.baseUrl(), token("editor"));
    }

    Api clipApi() {
        return new Api(clip.baseUrl(), token("admin"));
    }

    static String token(String role) {
        Path key = RepoPaths.root().resolve("dev/jwt/privateKey.pem");
        return DevTokens.sign(key, ISSUER, "e2e-" + role, List.of(role), TOKEN_TTL);
    }

    @Override
    public void close() {
        clip.close();
        catalog.close();
        broker.close();
        TestDatabases.drop(clipDatabase);
        TestDatabases.drop(catalogDatabase);
    }
}
