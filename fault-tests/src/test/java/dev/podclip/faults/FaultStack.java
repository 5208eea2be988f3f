package dev.podclip.faults;

import dev.podclip.kafka.LocalKafkaBroker;
import dev.podclip.support.auth.DevTokens;
import dev.podclip.testing.PostgresCluster;
import dev.podclip.testing.RepoPaths;
import dev.podclip.testing.ServiceProcess;
import dev.podclip.testing.TcpProxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The product as production runs it, wired for faults: a throwaway PostgreSQL cluster, a real broker JVM, the packaged
 * services as processes; between every service kind and PostgreSQL, and between every service kind and the broker, a
 * {@link TcpProxy} the scenario can slow down or cut. The broker has a client listener per service kind, each
 * advertising that kind's proxy, so clients keep talking through their proxy after bootstrap; the checker uses the
 * broker's own listener, directly.
 */
final class FaultStack implements AutoCloseable {

    static final String CATALOG_DB = "fault_catalog";
    static final String CLIP_DB = "fault_clip";
    static final String ISSUER = DevTokens.DEV_ISSUER;

    final PostgresCluster postgres;
    final TcpProxy catalogDb;
    final TcpProxy clipDb;
    final TcpProxy catalogKafka;
    final TcpProxy clipKafka;
    final LocalKafkaBroker broker;
    final List<ServiceProcess> catalogs = new CopyOnWriteArrayList<>();
    final List<ServiceProcess> clips = new CopyOnWriteArrayList<>();
    private final Map<String, String> clipExtra;

    private FaultStack(Map<String, String> clipExtra) {
        this.clipExtra = Map.copyOf(clipExtra);
        postgres = PostgresCluster.start();
        postgres.createDatabase(CATALOG_DB);
        postgres.createDatabase(CLIP_DB);
        catalogDb = new TcpProxy("catalog-db", postgres.port());
        clipDb = new TcpProxy("clip-db", postgres.port());
        int catalogListener = ServiceProcess.freePort();
        int clipListener = ServiceProcess.freePort();
        catalogKafka = new TcpProxy("catalog-kafka", catalogListener);
        clipKafka = new TcpProxy("clip-kafka", clipListener);
        broker = LocalKafkaBroker.start(LocalKafkaBroker.Options.temporary().withListeners(List.of(
                new LocalKafkaBroker.Listener("CATALOG", catalogListener, catalogKafka.port()),
                new LocalKafkaBroker.Listener("CLIP", clipListener, clipKafka.port()))));
    }

    /** Starts PostgreSQL, the broker, and the first instance of each service (ready before this returns). */
    static FaultStack start(Map<String, String> clipExtra) {
        FaultStack stack = new FaultStack(clipExtra);
        try {
            stack.addCatalog("catalog-a").start();
            stack.addClip("clip-a").start();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    ServiceProcess addCatalog(String name) {
        Map<String, String> environment = common(catalogDb, CATALOG_DB, catalogKafka);
        ServiceProcess catalog = new ServiceProcess("catalog-service", name, environment);
        catalogs.add(catalog);
        return catalog;
    }

    ServiceProcess addClip(String name) {
        Map<String, String> environment = common(clipDb, CLIP_DB, clipKafka);
        environment.put("CLIP_EVENTS_INSTANCE_ID", name);
        environment.putAll(clipExtra);
        ServiceProcess clip = new ServiceProcess("clip-service", name, environment);
        clip.env("CLIP_PUBLIC_BASE_URL", clip.baseUrl());
        clips.add(clip);
        return clip;
    }

    private Map<String, String> common(TcpProxy db, String database, TcpProxy kafka) {
        Map<String, String> environment = new HashMap<>();
        environment.put("DB_URL", postgres.jdbcUrl(database, db.port()));
        environment.put("DB_USER", "postgres");
        environment.put("DB_PASSWORD", "");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafka.port());
        environment.put("JWT_PUBLIC_KEY_LOCATION", RepoPaths.root().resolve("dev/jwt/publicKey.pem").toString());
        environment.put("JWT_ISSUER", ISSUER);
        environment.put("ALLOW_DEVELOPMENT_KEYS", "true");
        // The checker reads every episode from one address after each fault: per-client limits (tested by
        // RateLimitTest and HeavyReadsIT) would answer it 429, which is not what this suite measures.
        environment.put("PODCLIP_LIMITS_ENABLED", "false");
        return environment;
    }

    List<ServiceProcess> runningCatalogs() {
        return catalogs.stream().filter(ServiceProcess::isRunning).toList();
    }

    List<ServiceProcess> runningClips() {
        return clips.stream().filter(ServiceProcess::isRunning).toList();
    }

    static String token(String role) {
        Path key = RepoPaths.root().resolve("dev/jwt/privateKey.pem");
        return DevTokens.sign(key, ISSUER, "faults-" + role, List.of(role), Duration.ofHours(2));
    }

    /** Copies the service and broker logs next to the report, for a run that failed or is read later. */
    void keepLogs(Path into) {
        try {
            Files.createDirectories(into);
            Files.copy(broker.logFile(), into.resolve("broker.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(postgres.logFile(), into.resolve("postgres.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            // logs are a help, not a result
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>();
        all.addAll(clips);
        all.addAll(catalogs);
        all.add(broker);
        all.add(catalogKafka);
        all.add(clipKafka);
        all.add(catalogDb);
        all.add(clipDb);
        all.add(postgres);
        for (AutoCloseable closeable : all) {
            try {
                closeable.close();
            } catch (Exception e) {
                // close the rest
            }
        }
    }
}
