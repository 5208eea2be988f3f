package dev.podclip.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.catalog.outbox.OutboxSlots;
import dev.podclip.catalog.support.Catalog;
import dev.podclip.catalog.support.CatalogProfile;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventType;
import dev.podclip.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.podclip.catalog.support.Catalog.createEpisode;
import static dev.podclip.catalog.support.Catalog.createShow;
import static dev.podclip.catalog.support.Catalog.editor;
import static dev.podclip.catalog.support.Catalog.episode;
import static dev.podclip.catalog.support.Catalog.show;
import static org.assertj.core.api.Assertions.assertThat;

/** The relay publishes each episode's events in version order, a delete as deleted + tombstone. */
@QuarkusTest
@TestProfile(CatalogProfile.class)
class EpisodeEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The documented contract; this test keeps it and the code in step. */
    private static final Path SCHEMA = Path.of("../docs/events/episode-events.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void changesArriveInVersionOrderAndADeleteEndsInATombstone() {
        String showId = createShow("events-show");
        String id = createEpisode(showId, "events-episode");
        Map<String, Object> input = episode(showId, "events-episode");
        String notes = "Chapters:00:00 - Intro\u00a002:13 - Next\u2019s";
        for (int version = 1; version <= 4; version++) {
            input.put("title", "Title v" + (version + 1));
            input.put("showNotes", notes);
            editor().header("If-Match", "\"" + version + "\"").body(input).put("/api/episodes/" + id).then()
                    .statusCode(200);
        }
        editor().delete("/api/episodes/" + id).then().statusCode(204);

        List<ConsumerRecord<String, byte[]>> records = Catalog.records(id, 7, WAIT);

        assertThat(records).hasSize(7);
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
        List<EpisodeEvent> events = Catalog.events(records.subList(0, 6));
        assertThat(events).extracting(EpisodeEvent::episodeVersion).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events).extracting(EpisodeEvent::type).containsExactly(EpisodeEventType.UPSERTED,
                EpisodeEventType.UPSERTED, EpisodeEventType.UPSERTED, EpisodeEventType.UPSERTED,
                EpisodeEventType.UPSERTED, EpisodeEventType.DELETED);
        assertThat(events).extracting(EpisodeEvent::eventId).doesNotHaveDuplicates();
        EpisodeEvent last = events.get(4);
        assertThat(last.episode().title()).isEqualTo("Title v5");
        assertThat(last.episode().showNotes()).isEqualTo(notes);
        assertThat(last.episode().durationMs()).isEqualTo(4_680_000L);
        assertThat(last.episode().show().slug()).isEqualTo("events-show");
        assertThat(header(records.get(0), Topics.HEADER_EVENT_TYPE)).isEqualTo("episode.upserted");
        assertThat(header(records.get(0), Topics.HEADER_EVENT_ID)).isEqualTo(events.get(0).eventId().toString());
        assertThat(header(records.get(0), Topics.HEADER_EPISODE_VERSION)).isEqualTo("1");
        assertThat(header(records.get(0), Topics.HEADER_SCHEMA_VERSION)).isEqualTo("1");
        assertThat(header(records.get(5), Topics.HEADER_EVENT_TYPE)).isEqualTo("episode.deleted");
        ConsumerRecord<String, byte[]> tombstone = records.get(6);
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.key()).isEqualTo(id);
        assertThat(header(tombstone, Topics.HEADER_EPISODE_VERSION)).isEqualTo("6");
    }

    @Test
    void aShowChangeReEventsEachOfItsEpisodes() {
        String showId = createShow("renamed-show");
        String first = createEpisode(showId, "renamed-1");
        String second = createEpisode(showId, "renamed-2");
        Map<String, Object> changed = show("renamed-show");
        changed.put("title", "The New Name");
        editor().header("If-Match", "\"1\"").body(changed).put("/api/shows/" + showId).then().statusCode(200);

        for (String id : List.of(first, second)) {
            List<EpisodeEvent> events = Catalog.events(Catalog.records(id, 2, WAIT));
            assertThat(events).extracting(EpisodeEvent::episodeVersion).containsExactly(1L, 2L);
            assertThat(events.get(1).episode().show().title()).isEqualTo("The New Name");
            assertThat(events.get(1).episode().show().id()).isEqualTo(UUID.fromString(showId));
        }
        // The episode's own version moved with the show change.
        io.restassured.RestAssured.given().get("/api/episodes/" + first).then().statusCode(200)
                .header("ETag", "\"2\"");
    }

    /** Another catalog instance holding a slot's advisory lock keeps this one from publishing that slot. */
    @Test
    void aSlotLockedByAnotherInstanceWaitsForIt() throws Exception {
        String showId = createShow("locked-show");
        String id = createEpisode(showId, "locked-episode");
        assertThat(Catalog.records(id, 1, WAIT)).hasSize(1);
        int slot = OutboxSlots.slotOf(UUID.fromString(id), 16);

        Config config = ConfigProvider.getConfig();
        try (Connection other = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""))) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, 0x63617431);
                lock.setInt(2, slot);
                lock.execute();
            }
            Map<String, Object> input = episode(showId, "locked-episode");
            input.put("title", "While locked");
            editor().header("If-Match", "\"1\"").body(input).put("/api/episodes/" + id).then().statusCode(200);

            assertThat(Catalog.records(id, 2, Duration.ofSeconds(3))).hasSize(1);
            other.rollback();
        }
        List<EpisodeEvent> events = Catalog.events(Catalog.records(id, 2, WAIT));
        assertThat(events).extracting(EpisodeEvent::episodeVersion).containsExactly(1L, 2L);
    }

    @Test
    void recordsHaveExactlyTheMembersTheDocumentedSchemaRequires() throws IOException {
        JsonNode schema = JSON.readTree(SCHEMA.toFile());
        String showId = createShow("schema-show");
        Map<String, Object> input = episode(showId, "schema-episode");
        input.put("transcript", Map.of("format", "srt", "body", "1\n00:00:00,000 --> 00:00:01,000\nHi\n"));
        String id = editor().body(input).post("/api/episodes").then().statusCode(201).extract().path("id");

        JsonNode value = JSON.readTree(Catalog.records(id, 1, WAIT).get(0).value());

        assertThat(names(value)).containsExactlyInAnyOrderElementsOf(required(schema));
        assertThat(names(value.get("episode"))).containsExactlyInAnyOrderElementsOf(
                required(schema.at("/$defs/episode")));
        assertThat(names(value.get("episode").get("show"))).containsExactlyInAnyOrderElementsOf(
                required(schema.at("/$defs/show")));
        assertThat(names(value.get("episode").get("transcript"))).containsExactlyInAnyOrderElementsOf(
                required(schema.at("/$defs/transcript")));
        assertThat(value.get("episode").get("transcript").get("sha256").asText()).matches("[0-9a-f]{64}");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.get("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
