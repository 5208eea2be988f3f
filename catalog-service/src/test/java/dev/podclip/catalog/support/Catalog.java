package dev.podclip.catalog.support;

import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.Topics;
import dev.podclip.support.auth.DevTokens;
import dev.podclip.support.auth.Roles;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the catalog's tests share: tokens, requests, and a plain consumer of the episode topic. */
public final class Catalog {

    public static final Path PRIVATE_KEY = Path.of("../dev/jwt/privateKey.pem");
    private static final Duration POLL = Duration.ofMillis(200);

    private Catalog() {
    }

    public static String token(String... roles) {
        return DevTokens.sign(PRIVATE_KEY, DevTokens.DEV_ISSUER, "catalog-test", List.of(roles),
                Duration.ofMinutes(10));
    }

    public static RequestSpecification editor() {
        return given().auth().oauth2(token(Roles.EDITOR)).contentType(ContentType.JSON);
    }

    public static Map<String, Object> show(String slug) {
        Map<String, Object> show = new HashMap<>();
        show.put("slug", slug);
        show.put("title", "Show " + slug);
        show.put("author", "Try Hard Studios");
        show.put("siteUrl", "https://databaseschool.com");
        return show;
    }

    public static Map<String, Object> episode(String showId, String slug) {
        Map<String, Object> episode = new HashMap<>();
        episode.put("showId", showId);
        episode.put("guid", "guid:" + slug);
        episode.put("slug", slug);
        episode.put("title", "Episode " + slug);
        episode.put("showNotes", "Chapters:00:00 - Intro02:13 - Next");
        episode.put("publishedAt", "2025-06-27T12:00:00Z");
        episode.put("durationText", "1h 18m");
        episode.put("audioUrl", "https://cdn.example.com/" + slug + ".mp3");
        return episode;
    }

    public static String createShow(String slug) {
        return editor().body(show(slug)).post("/api/shows").then().statusCode(201).extract().path("id");
    }

    public static String createEpisode(String showId, String slug) {
        return editor().body(episode(showId, slug)).post("/api/episodes").then().statusCode(201).extract()
                .path("id");
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /**
     * Every record of the topic with the episode's key, from the beginning, once {@code expected} arrived and no
     * more came for a while (so duplicates would show).
     */
    public static List<ConsumerRecord<String, byte[]>> records(String episodeId, int expected, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_RECORD_BYTES + 65_536);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        long quietUntilNs = Long.MAX_VALUE;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EPISODES));
            while (System.nanoTime() < Math.min(deadlineNs, quietUntilNs)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (episodeId.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (found.size() >= expected && quietUntilNs == Long.MAX_VALUE) {
                    quietUntilNs = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return found;
    }

    public static List<EpisodeEvent> events(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> r.value() != null).map(r -> EpisodeEventCodec.fromJson(r.value()))
                .toList();
    }
}
