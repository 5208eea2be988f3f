package dev.podclip.clip.limits;

import dev.podclip.clip.TopicsResource;
import dev.podclip.support.auth.DevTokens;
import dev.podclip.support.auth.Roles;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-client limits with the limits switched on and made small: a client past its bucket gets 429 problem+json with
 * Retry-After, a verified editor has its own larger bucket, a made-up token or a client-set forwarding header buys
 * nothing, and one client opening change streams gets 429 at its own limit while another client still gets one.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class RateLimitTest {

    static final int SEARCH_BURST = 3;
    static final int STREAMS_PER_CLIENT = 2;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("podclip.limits.enabled", "true",
                    "podclip.limits.routes.search.per-minute", "6",
                    "podclip.limits.routes.search.burst", Integer.toString(SEARCH_BURST),
                    "clip.sse.max-per-client", Integer.toString(STREAMS_PER_CLIENT));
        }
    }

    @TestHTTPResource("/")
    URL root;

    private static Response search(String bearer) {
        // A forwarding header set by the client itself: not believed (no trusted proxy is configured).
        var request = given().queryParam("q", "index")
                .header("X-Forwarded-For", "203.0.113." + System.nanoTime() % 250);
        if (bearer != null) {
            request = request.auth().oauth2(bearer);
        }
        return request.get("/api/search");
    }

    @Test
    void aClientPastItsBucketGets429WithRetryAfter() {
        for (int i = 0; i < SEARCH_BURST; i++) {
            assertThat(search(null).statusCode()).as("request %d", i).isNotEqualTo(429);
        }
        Response refused = search(null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.jsonPath().getString("type")).endsWith("/too-many-requests");

        assertThat(search("not.a.token").statusCode()).as("a made-up token counts as none").isEqualTo(429);
        String editor = DevTokens.sign(Path.of("../dev/jwt/privateKey.pem"), DevTokens.DEV_ISSUER, "limits",
                List.of(Roles.EDITOR), Duration.ofMinutes(5));
        for (int i = 0; i < SEARCH_BURST * 3; i++) {
            assertThat(search(editor).statusCode()).as("editor request %d", i).isNotEqualTo(429);
        }
        // Routes outside the class are not charged to it.
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void oneClientGets429OnStreamsLongBeforeTheInstanceIsFull() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI stream = URI.create(root.toString().replaceAll("/$", "") + "/api/chapters/stream");
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS_PER_CLIENT; i++) {
                HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(stream)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                open.add(response.body());
            }
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(stream)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        } finally {
            for (InputStream body : open) {
                body.close();
            }
        }
    }
}
