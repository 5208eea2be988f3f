package dev.podclip.clip.share;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.clips.ClipTestSupport;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The whole refresh path: episode events on a real broker, applied by the read model's consumer, which NOTIFYs
 * {@code chapters_changed}; the share cache drops the episode's pages and the next read shows the new chapters, or
 * 410 once the episode is deleted.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class EventFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ShowSnapshot SHOW = new ShowSnapshot(UUID.fromString("00000000-0000-0000-0000-0000000c11b5"),
            "database-school", "Database School", "Try Hard Studios", "https://databaseschool.com", null);
    static final String CHAPTERS_V1 = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Intro\"},"
            + "{\"startTime\":773,\"title\":\"Covering indexes\"},{\"startTime\":1347,\"title\":\"Wrap up\"}]}";
    static final String CHAPTERS_V2 = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Intro\"},"
            + "{\"startTime\":600,\"title\":\"Indexes, recut\"},{\"startTime\":1000,\"title\":\"Questions\"}]}";

    private static KafkaProducer<byte[], byte[]> producer;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    static void send(EpisodeEvent event) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(new ProducerRecord<>(TopicsResource.TOPIC,
                    event.episodeId().toString().getBytes(StandardCharsets.UTF_8), EpisodeEventCodec.toJson(event)))
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce: " + e, e);
        }
    }

    static EpisodeEvent upsert(UUID id, long version, String title, String chaptersJson) {
        EpisodeSnapshot snapshot = new EpisodeSnapshot(id, version, "guid-" + id, "ep-" + id, title, null,
                Instant.parse("2026-11-01T10:00:00Z"), "49 min", 49 * 60_000L,
                "https://cdn.example.com/" + id + ".mp3", "https://youtu.be/abc123", null, chaptersJson, SHOW, null);
        return EpisodeEvent.upserted(UUID.randomUUID(), Instant.now(), snapshot);
    }

    @Test
    void clipsFollowTheirEpisodeThroughEvents() {
        UUID id = UUID.randomUUID();
        send(upsert(id, 1, "Indexes", CHAPTERS_V1));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/episodes/{id}/chapters", id).then()
                .statusCode(200).body("version", is(1)));

        String shareUrl = given().contentType(ContentType.JSON).auth().oauth2(ClipTestSupport.editor())
                .body(Map.of("episodeId", id.toString(), "start", "12:53", "end", "22:27", "title", "The good part"))
                .post("/api/clips").then().statusCode(201)
                .body("chapters.title", is(List.of("Covering indexes")))
                .body("youtubeUrl", is("https://youtu.be/abc123?t=773"))
                .extract().jsonPath().getString("shareUrl");
        String page = shareUrl.substring(shareUrl.indexOf("/c/"));
        given().accept(ContentType.JSON).get(page).then().statusCode(200).body("episodeVersion", is(1));

        send(upsert(id, 2, "Indexes (remastered)", CHAPTERS_V2));
        await().atMost(WAIT).untilAsserted(() -> given().accept(ContentType.JSON).get(page).then()
                .statusCode(200).body("episodeVersion", is(2)));
        given().accept(ContentType.JSON).get(page).then()
                .body("startMs", is(773_000))
                .body("endMs", is(1_347_000))
                .body("episodeTitle", is("Indexes (remastered)"))
                .body("chapters.title", is(List.of("Indexes, recut", "Questions")));
        assertThat(Jsoup.parse(given().get(page).asString()).select("ol.chapters .chapter-title").eachText())
                .containsExactly("Indexes, recut", "Questions");

        send(EpisodeEvent.deleted(UUID.randomUUID(), Instant.now(), id, 3));
        await().atMost(WAIT).untilAsserted(() -> given().get(page).then().statusCode(410));
        given().accept(ContentType.JSON).get(page).then().statusCode(410).contentType("application/problem+json");
    }
}
