package dev.podclip.clip;

import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.events.Topics;
import dev.podclip.support.auth.DevTokens;
import dev.podclip.testing.KafkaResource;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Producing episode events the way catalog-service does, reading the dead-letter topic, tokens. */
final class Fixtures {

    static final ShowSnapshot SHOW = new ShowSnapshot(UUID.fromString("00000000-0000-0000-0000-00000000d5c1"),
            "database-school", "Database School", "Try Hard Studios", "https://databaseschool.com", null);
    /** Database School style: a chapter list run together after the links. */
    static final String NOTES = "In this episode Aaron talks shop. Follow Aaron:Twitter/X: https://twitter.com/aarondfrancis"
            + " Chapters:00:00 - Intro01:10 - How it started12:30 - The deep dive35:00 - Wrapping up";
    static final String NOTES_V2 = "Chapters:00:00 - Intro02:00 - The real start20:00 - Questions";
    static final String EXPLICIT = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Cold open\"},"
            + "{\"startTime\":30,\"title\":\"Main part\",\"url\":\"https://example.com/main\"},"
            + "{\"startTime\":600,\"title\":\"Outro\"}]}";
    static final long FORTY_NINE_MINUTES_MS = 49 * 60_000L;
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);

    private static KafkaProducer<byte[], byte[]> producer;

    private Fixtures() {
    }

    static synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    static EpisodeSnapshot snapshot(UUID id, long version, String title, String notes, String chaptersJson) {
        return new EpisodeSnapshot(id, version, "guid-" + id, "episode-" + id.toString().substring(0, 8), title,
                notes, Instant.parse("2026-11-01T10:00:00Z"), "49 min", FORTY_NINE_MINUTES_MS,
                "https://cdn.example.com/" + id + ".mp3", null, "https://databaseschool.com/" + id, chaptersJson,
                SHOW, null);
    }

    static EpisodeEvent upsert(UUID id, long version, String title, String notes, String chaptersJson) {
        return EpisodeEvent.upserted(UUID.randomUUID(), Instant.now(), snapshot(id, version, title, notes,
                chaptersJson));
    }

    static EpisodeEvent upsert(UUID id, long version, String title) {
        return upsert(id, version, title, NOTES, null);
    }

    static EpisodeEvent delete(UUID id, long version) {
        return EpisodeEvent.deleted(UUID.randomUUID(), Instant.now(), id, version);
    }

    /** As catalog-service publishes: keyed by episode id, headers for tools. */
    static void send(EpisodeEvent event) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TopicsResource.TOPIC,
                utf8(event.episodeId().toString()), EpisodeEventCodec.toJson(event));
        record.headers().add(Topics.HEADER_EVENT_ID, utf8(event.eventId().toString()));
        record.headers().add(Topics.HEADER_EVENT_TYPE, utf8(event.type().wireName()));
        record.headers().add(Topics.HEADER_EPISODE_VERSION, utf8(Long.toString(event.episodeVersion())));
        record.headers().add(Topics.HEADER_SCHEMA_VERSION, utf8(Integer.toString(event.schemaVersion())));
        sendRecord(record);
    }

    /** A tombstone as the catalog writes it after a delete: null value, the episode's key and version header. */
    static void sendTombstone(UUID id, long version) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TopicsResource.TOPIC, utf8(id.toString()), null);
        record.headers().add(Topics.HEADER_EPISODE_VERSION, utf8(Long.toString(version)));
        sendRecord(record);
    }

    static void sendRaw(String key, byte[] value) {
        sendRecord(new ProducerRecord<>(TopicsResource.TOPIC, key == null ? null : utf8(key), value));
    }

    private static void sendRecord(ProducerRecord<byte[], byte[]> record) {
        try {
            producer().send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce: " + e, e);
        }
    }

    /** Every record on the dead-letter topic so far whose key is {@code key}. */
    static List<ConsumerRecord<byte[], byte[]>> deadLetters(String key) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(TopicsResource.DLQ_TOPIC, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                return found;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && Arrays.equals(record.key(), utf8(key))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String token(String... roles) {
        return DevTokens.sign(Path.of("../dev/jwt/privateKey.pem"), DevTokens.DEV_ISSUER, "tester", List.of(roles),
                Duration.ofMinutes(10));
    }

    /** The value of one Prometheus sample (0 when absent), e.g. {@code clip_events_consumed_total{outcome="stale",type="episode.upserted"}}. */
    static double metric(String name, Map<String, String> tags) {
        String body = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(body);
        double sum = 0;
        while (m.find()) {
            String labels = m.group(1);
            boolean all = tags.entrySet().stream()
                    .allMatch(t -> labels.contains(t.getKey() + "=\"" + t.getValue() + "\""));
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
