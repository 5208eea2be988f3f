package dev.podclip.e2e;

import dev.podclip.testing.RepoPaths;
import dev.podclip.testing.ServiceProcess;
import dev.podclip.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged services in the production profile refuse to start, with a message naming the setting and a non-zero
 * exit, when nothing verifies tokens or when the key is the repository's development key; with
 * {@code ALLOW_DEVELOPMENT_KEYS=true} they start and say so (docs/security.md, "Keys").
 */
class ProductionKeysIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> SERVICES = List.of("catalog-service", "clip-service");
    private static final Map<String, String> DATABASES = new HashMap<>();

    @BeforeAll
    static void databases() {
        for (String service : SERVICES) {
            DATABASES.put(service, TestDatabases.create("keys_" + service.replace("-service", "")));
        }
    }

    @AfterAll
    static void drop() {
        DATABASES.values().forEach(TestDatabases::drop);
    }

    private static ServiceProcess service(String module, Map<String, String> keys) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "DB_URL", TestDatabases.jdbcUrl(DATABASES.get(module)),
                "DB_USER", TestDatabases.user(),
                "DB_PASSWORD", TestDatabases.password(),
                // No broker is needed to be refused: the key check comes first.
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ServiceProcess.freePort()));
        environment.putAll(keys);
        return new ServiceProcess(module, module + "-keys", environment).c1Only();
    }

    private static String refusal(String module, Map<String, String> keys) throws IOException {
        try (ServiceProcess process = service(module, keys)) {
            long logStart = Files.exists(process.logFile()) ? Files.size(process.logFile()) : 0;
            process.spawn();
            OptionalInt exit = process.awaitExit(EXIT_TIMEOUT);
            String log = Files.readString(process.logFile()).substring((int) logStart);
            assertThat(exit).as(module + " must exit by itself; log:%n%s", log).isPresent();
            assertThat(exit.getAsInt()).as("exit code").isNotZero();
            assertThat(log).contains("Refusing to start").doesNotContain("Listening on");
            return log;
        }
    }

    @Test
    void noVerificationConfiguredIsRefusedNamingTheSettings() throws IOException {
        for (String module : SERVICES) {
            assertThat(refusal(module, Map.of())).contains("OIDC_AUTH_SERVER_URL", "JWT_PUBLIC_KEY_LOCATION");
        }
    }

    @Test
    void theDevelopmentKeyIsRefused() throws IOException {
        for (String module : SERVICES) {
            assertThat(refusal(module, Map.of(
                    "JWT_PUBLIC_KEY_LOCATION", RepoPaths.root().resolve("dev/jwt/publicKey.pem").toString(),
                    "JWT_ISSUER", Stack.ISSUER)))
                    .contains("development key", "ALLOW_DEVELOPMENT_KEYS");
        }
    }

    @Test
    void allowingDevelopmentKeysStartsWithAWarning() throws Exception {
        try (ServiceProcess process = service("catalog-service", Map.of(
                "JWT_PUBLIC_KEY_LOCATION", RepoPaths.root().resolve("dev/jwt/publicKey.pem").toString(),
                "JWT_ISSUER", Stack.ISSUER,
                "ALLOW_DEVELOPMENT_KEYS", "true"))) {
            process.start();
            assertThat(Files.readString(process.logFile())).contains("ALLOW_DEVELOPMENT_KEYS=true");

            // Production logs are JSON, one object a line, and a presented token never reaches them.
            String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtc3ViamVjdCJ9.c2VjcmV0LXNpZ25hdHVyZS1kby1ub3QtbG9n";
            java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(process.baseUrl() + "/api/shows"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            String log = Files.readString(process.logFile());
            assertThat(log).doesNotContain(token).doesNotContain("c2VjcmV0LXNpZ25hdHVyZS1kby1ub3QtbG9n");
            String warning = log.lines().filter(line -> line.contains("ALLOW_DEVELOPMENT_KEYS=true")).findFirst()
                    .orElseThrow();
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(warning);
            assertThat(json.path("level").asText()).isEqualTo("WARN");
            assertThat(json.path("message").asText()).contains("ALLOW_DEVELOPMENT_KEYS=true");
            assertThat(json.has("timestamp")).isTrue();
        }
    }

    /** What is for development only stays off in production unless a setting turns it on. */
    @Test
    void productionServesNoBenchmarkRouteAndNoSwaggerUi() throws Exception {
        try (ServiceProcess process = service("clip-service", Map.of(
                "JWT_PUBLIC_KEY_LOCATION", RepoPaths.root().resolve("dev/jwt/publicKey.pem").toString(),
                "JWT_ISSUER", Stack.ISSUER,
                "ALLOW_DEVELOPMENT_KEYS", "true"))) {
            process.start();
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            for (String path : List.of("/api/ping", "/q/swagger-ui")) {
                java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(process.baseUrl() + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(404);
            }
        }
    }
}
