package dev.podclip.clip.browse;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The home page is kept for a minute here, yet a new episode shows on it within the notification's round trip: the
 * chapters_changed notice drops it, so the cache never hides a change.
 */
@QuarkusTest
@TestProfile(HomePageCacheTest.LongCache.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class HomePageCacheTest {

    public static class LongCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clip.browse.home-cache-ms", "60000");
        }
    }

    @Test
    void aChangedEpisodeDropsTheCachedHomePage() {
        ShowSnapshot show = BrowseFixtures.show("Cached show", null);
        TranscriptFixtures.sendAndAwait(BrowseFixtures.episode(show, "First of the cached show", null,
                Instant.parse("2035-03-01T10:00:00Z"), null));
        String before = given().accept("text/html").get("/").then().statusCode(200).extract().asString();
        assertThat(before).contains("First of the cached show");

        EpisodeSnapshot later = BrowseFixtures.episode(show, "Second of the cached show", null,
                Instant.parse("2035-03-02T10:00:00Z"), null);
        TranscriptFixtures.sendAndAwait(later);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                given().accept("text/html").get("/").then().statusCode(200).extract().asString())
                .contains("Second of the cached show"));
    }
}
