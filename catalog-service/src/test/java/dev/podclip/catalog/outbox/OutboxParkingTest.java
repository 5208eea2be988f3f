package dev.podclip.catalog.outbox;

import dev.podclip.catalog.support.Catalog;
import dev.podclip.catalog.support.OwnBrokerProfile;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.Topics;
import dev.podclip.support.auth.Roles;
import dev.podclip.support.kafka.KafkaClientSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static dev.podclip.catalog.support.Catalog.createShow;
import static dev.podclip.catalog.support.Catalog.editor;
import static dev.podclip.catalog.support.Catalog.episode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A row the broker refuses for good is parked with its reason and its slot moves on; an operator replays it once the
 * cause is gone. Made real: the topic's max.message.bytes is lowered below one episode's event.
 */
@QuarkusTest
@TestProfile(OwnBrokerProfile.class)
class OutboxParkingTest {

    private static final int SMALL_TOPIC_LIMIT_BYTES = 20_000;
    private static final String BIG_NOTES = "Chapters:00:00 - Intro02:13 - Next " + "x".repeat(40_000);

    @Test
    void aRefusedRowIsParkedTheOthersFlowAndAReplayPublishesIt() throws Exception {
        String showId = createShow("parking-show");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/well").statusCode() == 200);
        setTopicLimit(SMALL_TOPIC_LIMIT_BYTES);
        try {
            Map<String, Object> big = episode(showId, "parking-big");
            big.put("showNotes", BIG_NOTES);
            String bigId = editor().body(big).post("/api/episodes").then().statusCode(201).extract().path("id");
            big.put("title", "bigger");
            editor().header("If-Match", "\"1\"").body(big).put("/api/episodes/" + bigId).then().statusCode(200);
            String smallId = Catalog.createEpisode(showId, "parking-small");

            // The small episode is published although an older row of the relay's work is refused.
            assertThat(Catalog.events(Catalog.records(smallId, 1, Duration.ofSeconds(30))))
                    .extracting(EpisodeEvent::episodeVersion).containsExactly(1L);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(parked())
                    .extracting(row -> row.get("episodeVersion")).containsExactly(1, 2));
            List<Map<String, Object>> rows = parked();
            assertThat(rows.get(0).get("exceptionClass").toString()).endsWith("RecordTooLargeException");
            assertThat(rows.get(0).get("episodeId")).isEqualTo(bigId);
            assertThat((Integer) rows.get(0).get("sizeBytes")).isGreaterThan(SMALL_TOPIC_LIMIT_BYTES);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(gauge("catalog_outbox_parked_waiting_rows")).isEqualTo(2.0);
                assertThat(gauge("catalog_outbox_backlog_rows")).isZero();
            });
        } finally {
            setTopicLimit(KafkaClientSettings.maxRecordBytes(Topics.MAX_RECORD_BYTES));
        }

        admin().post("/admin/outbox/parked/999999999/replay").then().statusCode(404);
        admin().post("/admin/outbox/parked/replay").then().statusCode(200).body("replayed", org.hamcrest.Matchers.is(2));
        String bigId = (String) given().queryParam("show", showId).queryParam("slug", "parking-big")
                .get("/api/episodes").then().extract().path("items[0].id");
        assertThat(Catalog.events(Catalog.records(bigId, 2, Duration.ofSeconds(30))))
                .extracting(EpisodeEvent::episodeVersion).containsExactly(1L, 2L);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(parked()).isEmpty());
    }

    @Test
    void parkedRowsAreForAdminsOnly() {
        given().get("/admin/outbox/parked").then().statusCode(401);
        editor().get("/admin/outbox/parked").then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Catalog.token(Roles.ADMIN));
    }

    private static List<Map<String, Object>> parked() {
        return admin().get("/admin/outbox/parked").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static double gauge(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in\n" + metrics));
    }

    private static void setTopicLimit(int bytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Catalog.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EPISODES);
            Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", Integer.toString(bytes)), AlterConfigOp.OpType.SET));
            admin.incrementalAlterConfigs(Map.of(topic, ops)).all().get();
        }
    }
}
