package dev.podclip.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EpisodeEventType;
import dev.podclip.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event backbone end to end, through the packaged services only: catalog writes → outbox → a real broker →
 * clip-service's read model, under edits, deletes, a broker outage, duplicated and reordered deliveries and poison.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EpisodeFlowIT {

    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(180);
    static final int OUTAGE_EPISODES = 50;
    static final int OUTAGE_VERSIONS = 4;
    static final String DLQ_TOPIC = "clip-service.episodes.dlq";

    Stack stack;
    Api catalog;
    Api clip;
    String showId;

    @BeforeAll
    void start() {
        stack = Stack.start(Map.of("CATALOG_DEMO_MEDIA", "true"), Map.of());
        catalog = stack.catalogApi();
        clip = stack.clipApi();
        ObjectNode show = Api.JSON.createObjectNode().put("slug", "database-school").put("title", "Database School")
                .put("author", "Try Hard Studios").put("siteUrl", "https://databaseschool.com");
        Api.Response created = catalog.post("/api/shows", show);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        showId = created.json().get("id").asText();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void createEditDeleteReachTheReadModel() {
        JsonNode episode = createEpisode("flow-one", notes("Intro", 1), "15 min");
        String id = episode.get("id").asText();

        JsonNode chapters = awaitChapters(id, 1);
        assertThat(titles(chapters)).containsExactly("Intro v1", "Middle", "End");
        assertThat(chapters.at("/chapters/2/endMs").asLong()).isEqualTo(15 * 60_000L);

        Api.Response edited = catalog.put("/api/episodes/" + id, episodeBody("flow-one", notes("Welcome", 2), "1 hr"),
                "\"1\"");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        chapters = awaitChapters(id, 2);
        assertThat(titles(chapters)).containsExactly("Welcome v2", "Middle", "End");
        assertThat(chapters.at("/chapters/2/endMs").asLong()).isEqualTo(60 * 60_000L);

        Api.Response deleted = catalog.delete("/api/episodes/" + id, "\"2\"");
        assertThat(deleted.status()).as(deleted.body()).isIn(200, 204);
        await().atMost(FLOW_TIMEOUT).untilAsserted(() ->
                assertThat(clip.get("/api/episodes/" + id + "/chapters").status()).isIn(404, 410));
    }

    @Test
    @Order(2)
    void brokerOutageLosesNothingAndKeepsOrder() {
        double appliedBefore = consumed("applied");
        stack.broker.stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < OUTAGE_EPISODES; i++) {
                ids.add(createEpisode("outage-" + i, notes("Start", 1), "30 min").get("id").asText());
            }
            for (int version = 2; version <= OUTAGE_VERSIONS; version++) {
                for (int i = 0; i < OUTAGE_EPISODES; i++) {
                    Api.Response edited = catalog.put("/api/episodes/" + ids.get(i),
                            episodeBody("outage-" + i, notes("Start", version), "30 min"), "\"" + (version - 1) + "\"");
                    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
                }
            }
        } finally {
            stack.broker.start();
        }

        for (String id : ids) {
            JsonNode chapters = awaitChapters(id, OUTAGE_VERSIONS, DRAIN_TIMEOUT);
            assertThat(titles(chapters).get(0)).isEqualTo("Start v" + OUTAGE_VERSIONS);
        }
        // Once on the topic, per episode in version order...
        Map<String, List<Long>> versions = versionsByEpisode(Set.copyOf(ids));
        for (String id : ids) {
            assertThat(versions.get(id)).as("versions of %s on the topic", id).containsExactly(1L, 2L, 3L, 4L);
        }
        // ...and applied once each by the read model.
        int writes = OUTAGE_EPISODES * OUTAGE_VERSIONS;
        await().atMost(FLOW_TIMEOUT).untilAsserted(() ->
                assertThat(consumed("applied") - appliedBefore).isEqualTo(writes));
    }

    @Test
    @Order(3)
    void duplicatedAndReorderedDeliveriesLeaveTheReadModelRight() {
        String id = createEpisode("replayed", notes("Opening", 1), "20 min").get("id").asText();
        for (int version = 2; version <= 3; version++) {
            catalog.put("/api/episodes/" + id, episodeBody("replayed", notes("Opening", version), "20 min"),
                    "\"" + (version - 1) + "\"");
        }
        awaitChapters(id, 3);
        List<ConsumerRecord<String, byte[]>> own = Topic.readAll(stack.broker.bootstrapServers(), Topics.EPISODES)
                .stream().filter(r -> id.equals(r.key()) && r.value() != null).toList();
        assertThat(own).hasSize(3);
        double ignoredBefore = consumed("duplicate") + consumed("stale");

        List<ProducerRecord<String, byte[]>> replay = new ArrayList<>();
        for (int i = own.size() - 1; i >= 0; i--) {
            replay.add(copy(own.get(i)));
        }
        replay.add(copy(own.get(0)));
        replay.add(copy(own.get(2)));
        Topic.send(stack.broker.bootstrapServers(), replay);

        await().atMost(FLOW_TIMEOUT).untilAsserted(() ->
                assertThat(consumed("duplicate") + consumed("stale") - ignoredBefore).isEqualTo(replay.size()));
        JsonNode chapters = clip.get("/api/episodes/" + id + "/chapters").json();
        assertThat(chapters.get("version").asLong()).isEqualTo(3);
        assertThat(titles(chapters).get(0)).isEqualTo("Opening v3");
    }

    @Test
    @Order(4)
    void poisonGoesToTheDeadLetterTopicAndLaterRecordsStillApply() {
        String id = createEpisode("poisoned", notes("Hello", 1), "20 min").get("id").asText();
        awaitChapters(id, 1);
        byte[] wrongSchema = "{\"schemaVersion\": 1, \"type\": \"episode.upserted\"}".getBytes(StandardCharsets.UTF_8);
        byte[] garbage = {(byte) 0xff, 0x00, 0x13, 0x37};
        Topic.send(stack.broker.bootstrapServers(), List.of(
                new ProducerRecord<>(Topics.EPISODES, id, garbage),
                new ProducerRecord<>(Topics.EPISODES, id, wrongSchema)));

        Api.Response edited = catalog.put("/api/episodes/" + id, episodeBody("poisoned", notes("Hello", 2), "20 min"),
                "\"1\"");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(titles(awaitChapters(id, 2)).get(0)).isEqualTo("Hello v2");

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = Topic.readAll(stack.broker.bootstrapServers(), DLQ_TOPIC)
                    .stream().filter(r -> id.equals(r.key())).toList();
            assertThat(dead).hasSize(2);
            for (ConsumerRecord<String, byte[]> record : dead) {
                assertThat(record.headers().lastHeader("dlq-reason")).isNotNull();
                assertThat(new String(record.headers().lastHeader("dlq-original-topic").value(),
                        StandardCharsets.UTF_8)).isEqualTo(Topics.EPISODES);
            }
            assertThat(dead.get(0).value()).isEqualTo(garbage);
        });
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static String notes(String firstTitle, int version) {
        // Run together, as the seed listing writes them.
        return "Chapters: 00:00 - " + firstTitle + " v" + version + "05:00 - Middle10:00 - End";
    }

    ObjectNode episodeBody(String slug, String notes, String duration) {
        return Api.JSON.createObjectNode().put("showId", showId).put("guid", "e2e:" + slug).put("slug", slug)
                .put("title", "Episode " + slug).put("showNotes", notes).put("durationText", duration)
                .put("audioUrl", catalog.baseUrl() + "/media/demo/3600000/" + slug + ".wav");
    }

    JsonNode createEpisode(String slug, String notes, String duration) {
        Api.Response created = catalog.post("/api/episodes", episodeBody(slug, notes, duration));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    JsonNode awaitChapters(String id, long version) {
        return awaitChapters(id, version, FLOW_TIMEOUT);
    }

    JsonNode awaitChapters(String id, long version, Duration timeout) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Api.Response response = clip.get("/api/episodes/" + id + "/chapters");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("version").asLong()).isEqualTo(version);
            found[0] = response.json();
        });
        return found[0];
    }

    static List<String> titles(JsonNode chapters) {
        List<String> titles = new ArrayList<>();
        chapters.get("chapters").forEach(c -> titles.add(c.get("title").asText()));
        return titles;
    }

    Map<String, List<Long>> versionsByEpisode(Set<String> ids) {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        Set<UUID> eventIds = new HashSet<>();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(
                Topic.readAll(stack.broker.bootstrapServers(), Topics.EPISODES));
        records.sort(Comparator.comparingInt(ConsumerRecord<String, byte[]>::partition)
                .thenComparingLong(ConsumerRecord::offset));
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!ids.contains(record.key()) || record.value() == null) {
                continue;
            }
            EpisodeEvent event = EpisodeEventCodec.fromJson(record.value());
            assertThat(event.type()).isEqualTo(EpisodeEventType.UPSERTED);
            assertThat(eventIds.add(event.eventId())).as("event %s twice on the topic", event.eventId()).isTrue();
            versions.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.episodeVersion());
        }
        return versions;
    }

    /** Sum of clip_events_consumed_total over event types for one outcome. */
    double consumed(String outcome) {
        String metrics = clip.getText("/q/metrics").body();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("clip_events_consumed_total{") && line.contains("outcome=\"" + outcome + "\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers());
    }
}
