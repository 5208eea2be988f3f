package dev.podclip.catalog;

import dev.podclip.catalog.support.Catalog;
import dev.podclip.catalog.support.OwnBrokerProfile;
import dev.podclip.catalog.support.OwnBrokerResource;
import dev.podclip.events.EpisodeEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.podclip.catalog.support.Catalog.createShow;
import static dev.podclip.catalog.support.Catalog.editor;
import static dev.podclip.catalog.support.Catalog.episode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;

/** Writes succeed while the broker is down; when it returns, the backlog drains, each event once, in order. */
@QuarkusTest
@TestProfile(OwnBrokerProfile.class)
class BrokerOutageTest {

    private static final int EPISODES = 2;
    private static final int UPDATES = 3;

    @Test
    void theBacklogDrainsInOrderWhenTheBrokerReturns() {
        String showId = createShow("outage-show");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/well").statusCode() == 200);

        OwnBrokerResource.broker().stop();
        try {
            List<String> ids = new ArrayList<>();
            for (int e = 0; e < EPISODES; e++) {
                String id = editor().body(episode(showId, "outage-" + e)).post("/api/episodes").then()
                        .statusCode(201).extract().path("id");
                Map<String, Object> input = episode(showId, "outage-" + e);
                for (int version = 1; version <= UPDATES; version++) {
                    input.put("title", "v" + (version + 1));
                    editor().header("If-Match", "\"" + version + "\"").body(input).put("/api/episodes/" + id)
                            .then().statusCode(200);
                }
                ids.add(id);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(backlogRows())
                    .isEqualTo((double) EPISODES * (UPDATES + 1)));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/well").then()
                    .statusCode(503).body("checks[0].data.reason", startsWith("Kafka unreachable: ")));
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            OwnBrokerResource.broker().start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(backlogRows()).isZero());
        List<String> ids = given().queryParam("show", showId).get("/api/episodes").then().extract().path("items.id");
        assertThat(ids).hasSize(EPISODES);
        for (String id : ids) {
            List<EpisodeEvent> events = Catalog.events(Catalog.records(id, UPDATES + 1, Duration.ofSeconds(30)));
            assertThat(events).extracting(EpisodeEvent::episodeVersion)
                    .containsExactly(1L, 2L, 3L, 4L);
        }
    }

    private static double backlogRows() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("catalog_outbox_backlog_rows"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no backlog gauge in\n" + metrics));
    }
}
