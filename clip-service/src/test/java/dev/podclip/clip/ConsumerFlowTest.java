package dev.podclip.clip;

import dev.podclip.clip.db.TestSql;
import dev.podclip.clip.events.DeadLetters;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.podclip.clip.Fixtures.EXPLICIT;
import static dev.podclip.clip.Fixtures.NOTES;
import static dev.podclip.clip.Fixtures.NOTES_V2;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Events on a real broker into the read model on real PostgreSQL, served over HTTP. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class ConsumerFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestSql sql;

    static ValidatableResponse chapters(UUID id) {
        return given().get("/api/episodes/{id}/chapters", id).then();
    }

    static void awaitVersion(UUID id, long version) {
        await().atMost(WAIT).untilAsserted(() -> chapters(id).statusCode(200).body("version", is((int) version)));
    }

    @Test
    void upsertServesChaptersFromShowNotes() {
        UUID id = UUID.randomUUID();
        Fixtures.send(Fixtures.upsert(id, 1, "Episode one"));
        awaitVersion(id, 1);
        chapters(id)
                .contentType("application/json")
                .body("episodeId", is(id.toString()))
                .body("title", is("Episode one"))
                .body("durationMs", is((int) Fixtures.FORTY_NINE_MINUTES_MS))
                .body("source", is("notes"))
                .body("chapters.title", contains("Intro", "How it started", "The deep dive", "Wrapping up"))
                .body("chapters.startMs", contains(0, 70_000, 750_000, 2_100_000))
                .body("chapters[0].index", is(0))
                .body("chapters[0].endMs", is(70_000))
                .body("chapters[0].durationMs", is(70_000))
                .body("chapters[3].endMs", is((int) Fixtures.FORTY_NINE_MINUTES_MS))
                .body("chapters[0].toc", is(true));
        given().queryParam("size", 100).get("/api/episodes").then().statusCode(200)
                .body("items.find { it.episodeId == '" + id + "' }.chapterCount", is(4))
                .body("items.find { it.episodeId == '" + id + "' }.showSlug", is("database-school"));
    }

    @Test
    void explicitChaptersWinOverNotes() {
        UUID id = UUID.randomUUID();
        Fixtures.send(Fixtures.upsert(id, 1, "Explicit", NOTES, EXPLICIT));
        awaitVersion(id, 1);
        chapters(id)
                .body("source", is("explicit"))
                .body("chapters.title", contains("Cold open", "Main part", "Outro"))
                .body("chapters.startMs", contains(0, 30_000, 600_000))
                .body("chapters[1].url", is("https://example.com/main"));
    }

    @Test
    void editReplacesAndDeleteIsGone() {
        UUID id = UUID.randomUUID();
        Fixtures.send(Fixtures.upsert(id, 1, "First"));
        awaitVersion(id, 1);
        Fixtures.send(Fixtures.upsert(id, 2, "Second", NOTES_V2, null));
        awaitVersion(id, 2);
        chapters(id).body("title", is("Second"))
                .body("chapters.title", contains("Intro", "The real start", "Questions"));
        assertThat(count("SELECT count(*) FROM clip_chapter WHERE episode_id = ?1", id)).isEqualTo(3);

        Fixtures.send(Fixtures.delete(id, 3));
        Fixtures.sendRaw(id.toString(), null); // the tombstone that follows a delete
        await().atMost(WAIT).untilAsserted(() -> chapters(id).statusCode(410)
                .contentType("application/problem+json")
                .body("status", is(410))
                .body("version", is(3)));
        given().get("/api/episodes/{id}/chapters.vtt", id).then().statusCode(410);
        assertThat(count("SELECT count(*) FROM clip_chapter WHERE episode_id = ?1", id)).isZero();

        // A late, older upsert cannot resurrect it.
        var late = Fixtures.upsert(id, 2, "Zombie");
        Fixtures.send(late);
        await().atMost(WAIT).until(() -> outcome(late.eventId()) != null);
        assertThat(outcome(late.eventId())).isEqualTo("stale");
        chapters(id).statusCode(410);
    }

    @Test
    void duplicatesAndReorderingLeaveTheReadModelRight() {
        UUID id = UUID.randomUUID();
        var v1 = Fixtures.upsert(id, 1, "Version one");
        var v2 = Fixtures.upsert(id, 2, "Version two", NOTES_V2, null);
        Fixtures.send(v2); // out of order: the newer first
        awaitVersion(id, 2);
        Fixtures.send(v1);
        await().atMost(WAIT).until(() -> outcome(v1.eventId()) != null);
        assertThat(outcome(v1.eventId())).isEqualTo("stale");
        chapters(id).body("version", is(2)).body("title", is("Version two"));

        double duplicatesBefore = Fixtures.metric("clip_events_consumed_total",
                Map.of("type", "episode.upserted", "outcome", "duplicate"));
        Fixtures.send(v2); // the same event again
        await().atMost(WAIT).until(() -> Fixtures.metric("clip_events_consumed_total",
                Map.of("type", "episode.upserted", "outcome", "duplicate")) > duplicatesBefore);
        chapters(id).body("version", is(2)).body("title", is("Version two"))
                .body("chapters.title", contains("Intro", "The real start", "Questions"));
        assertThat(count("SELECT count(*) FROM clip_consumed_event WHERE episode_id = ?1", id)).isEqualTo(2);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndLaterRecordsStillApply() {
        UUID id = UUID.randomUUID();
        String garbageKey = "garbage-" + id;
        Fixtures.sendRaw(garbageKey, new byte[] {(byte) 0xff, 0x00, 0x13, 0x37});
        Fixtures.sendRaw(id.toString(), Fixtures.utf8("{\"schemaVersion\":1,\"hello\":\"world\"}"));
        Fixtures.send(Fixtures.upsert(id, 1, "After the poison"));
        awaitVersion(id, 1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(Fixtures.deadLetters(garbageKey)).hasSize(1));
        ConsumerRecord<byte[], byte[]> garbage = Fixtures.deadLetters(garbageKey).get(0);
        assertThat(garbage.value()).containsExactly((byte) 0xff, 0x00, 0x13, 0x37);
        assertThat(Fixtures.header(garbage, DeadLetters.HEADER_REASON)).isNotBlank();
        assertThat(Fixtures.header(garbage, DeadLetters.HEADER_EXCEPTION))
                .isEqualTo("dev.podclip.events.EventFormatException");
        assertThat(Fixtures.header(garbage, DeadLetters.HEADER_TOPIC)).isEqualTo(TopicsResource.TOPIC);
        assertThat(Fixtures.header(garbage, DeadLetters.HEADER_PARTITION)).matches("[0-9]+");
        assertThat(Fixtures.header(garbage, DeadLetters.HEADER_OFFSET)).matches("[0-9]+");

        List<ConsumerRecord<byte[], byte[]>> wrongSchema = Fixtures.deadLetters(id.toString());
        assertThat(wrongSchema).hasSize(1);
        assertThat(new String(wrongSchema.get(0).value())).contains("hello");
        assertThat(Fixtures.header(wrongSchema.get(0), DeadLetters.HEADER_REASON)).isNotBlank();
    }

    @Test
    void anEventTheDatabaseRefusesFailsItsBatchAloneAndGoesToTheDeadLetterTopic() {
        // PostgreSQL text cannot hold NUL: the event reads fine but cannot be applied. Sent back to back on one key
        // (one partition) with good events around it, it fails their batch, which is then redone record by record.
        UUID id = UUID.randomUUID();
        Fixtures.send(Fixtures.upsert(id, 1, "Good one"));
        var poison = Fixtures.upsert(id, 2, "Bad \u0000 title");
        Fixtures.send(poison);
        Fixtures.send(Fixtures.upsert(id, 3, "Good three"));
        awaitVersion(id, 3);
        chapters(id).body("title", is("Good three"));
        List<ConsumerRecord<byte[], byte[]>> dead = Fixtures.deadLetters(id.toString());
        assertThat(dead).hasSize(1);
        assertThat(Fixtures.header(dead.get(0), "event-id")).isEqualTo(poison.eventId().toString());
        assertThat(Fixtures.header(dead.get(0), DeadLetters.HEADER_EXCEPTION)).isNotBlank();
        assertThat(outcome(poison.eventId())).isNull();
    }

    @Test
    void keyThatDiffersFromTheEpisodeIsPoison() {
        UUID id = UUID.randomUUID();
        String otherKey = UUID.randomUUID().toString();
        var event = Fixtures.upsert(id, 1, "Mislabelled");
        Fixtures.sendRaw(otherKey, dev.podclip.events.EpisodeEventCodec.toJson(event));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Fixtures.deadLetters(otherKey)).hasSize(1));
        assertThat(Fixtures.header(Fixtures.deadLetters(otherKey).get(0), DeadLetters.HEADER_REASON))
                .contains("differs from episodeId");
        chapters(id).statusCode(404);
    }

    @Test
    void unknownEpisodeIsNotFoundProblem() {
        given().get("/api/episodes/{id}/chapters", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("type", equalTo("https://podclip.dev/problems/not-found"));
        given().get("/api/episodes/{id}/chapters.json", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void metricsAreExposed() {
        UUID id = UUID.randomUUID();
        Fixtures.send(Fixtures.upsert(id, 1, "Measured"));
        awaitVersion(id, 1);
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(body).contains("clip_events_consumed_total{")
                .contains("outcome=\"applied\"")
                .contains("clip_commit_to_chapters_seconds_bucket")
                .contains("clip_commit_to_chapters_seconds_count")
                .contains("clip_consumer_lag{");
        // The groups hold what docs/operations.md "Readiness" says: readiness the database, the broker and the
        // consumer members; liveness no dependency at all.
        await().atMost(WAIT).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                        .body("checks.name", org.hamcrest.Matchers.containsInAnyOrder(
                                "database", "kafka", "episode-consumer")));
        given().get("/q/health/live").then().statusCode(200).body("checks", org.hamcrest.Matchers.empty());
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        chapters(id).body("warnings", org.hamcrest.Matchers.notNullValue());
        chapters(id).body("chapters[0].img", nullValue());
    }

    private long count(String sql, UUID id) {
        return ((Number) this.sql.value(sql, id)).longValue();
    }

    private String outcome(UUID eventId) {
        return (String) sql.value("SELECT outcome FROM clip_consumed_event WHERE event_id = ?1", eventId);
    }
}
