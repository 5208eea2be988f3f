package dev.podclip.catalog.outbox;

import dev.podclip.catalog.support.CatalogProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.podclip.catalog.support.Catalog.createShow;
import static dev.podclip.catalog.support.Catalog.editor;
import static dev.podclip.catalog.support.Catalog.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Past catalog.outbox.max-rows unpublished events, writes answer 503 with Retry-After instead of filling the disk. */
@QuarkusTest
@TestProfile(OutboxBoundTest.Bounded.class)
class OutboxBoundTest {

    static final int MAX_ROWS = 3;

    public static class Bounded extends CatalogProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Nothing is published here, so the outbox only grows.
            return Map.of("catalog.relay.enabled", "false", "catalog.outbox.max-rows", Integer.toString(MAX_ROWS));
        }
    }

    @Test
    void writesAreRefusedWhileTheOutboxIsFull() {
        String showId = createShow("bound-show");
        for (int i = 0; i < MAX_ROWS; i++) {
            editor().body(episode(showId, "bound-" + i)).post("/api/episodes").then().statusCode(201);
        }
        // The bound reads the backlog at most once a second: within a second of writes past it, writes stop.
        int[] attempt = {MAX_ROWS};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Response response = editor().body(episode(showId, "bound-" + attempt[0]++)).post("/api/episodes");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.header("Retry-After")).isEqualTo(Integer.toString(OutboxCapacity.RETRY_AFTER_S));
            assertThat(response.jsonPath().getString("type")).endsWith("/outbox-full");
        });
        // Reads still work.
        org.hamcrest.MatcherAssert.assertThat(editor().get("/api/episodes").statusCode(),
                org.hamcrest.Matchers.is(200));
    }
}
