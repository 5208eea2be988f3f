package dev.podclip.clip.transcripts;

import dev.podclip.clip.TopicsResource;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.events.Topics;
import dev.podclip.events.TranscriptSnapshot;
import dev.podclip.testing.KafkaResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Episode events carrying transcripts, produced the way catalog-service does (R's Fixtures pattern). */
public final class TranscriptFixtures {

    public static final ShowSnapshot SHOW = new ShowSnapshot(UUID.fromString("00000000-0000-0000-0000-00000000d5c2"),
            "database-school", "Database School", "Try Hard Studios", "https://databaseschool.com", null);
    /** Three explicit chapters over ten minutes. */
    public static final String CHAPTERS_V1 = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Cold open\"},"
            + "{\"startTime\":60,\"title\":\"Write-ahead logging\"},{\"startTime\":300,\"title\":\"Outro\"}]}";
    /** Two chapters, the boundary moved: re-segments the same cues. */
    public static final String CHAPTERS_V2 = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Intro\"},"
            + "{\"startTime\":200,\"title\":\"Everything else\"}]}";
    public static final long TEN_MINUTES_MS = 600_000L;
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    /** Six cues: 0-5 s, 30 s, 61 s (after the first boundary), 150 s, 299-301 s (straddles 300 s), 400 s. */
    public static final String VTT = """
            WEBVTT

            NOTE synthetic test transcript

            00:00.000 --> 00:05.000
            <v Aaron>Welcome back to the show about databases.

            00:30.000 --> 00:35.000
            <v Preston>Today we rewrite a storage engine in prison.

            01:01.000 --> 01:06.000
            <v Aaron>The write-ahead log keeps every page change durable.

            02:30.000 --> 02:36.000
            <v Preston>Checkpoints fold the journal back into the main file.

            04:59.000 --> 05:01.000
            <v Aaron>That straddles the chapter boundary.

            06:40.000 --> 06:45.000
            <v Preston>Thanks for listening &amp; &lt;goodbye&gt;.
            """;

    private static KafkaProducer<byte[], byte[]> producer;

    private TranscriptFixtures() {
    }

    public static TranscriptSnapshot transcript(String format, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return new TranscriptSnapshot(format, body, HexFormat.of().formatHex(digest));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static EpisodeSnapshot snapshot(UUID id, long version, String title, String notes, String chaptersJson,
                                           TranscriptSnapshot transcript) {
        return new EpisodeSnapshot(id, version, "guid-" + id, "episode-" + id.toString().substring(0, 8), title,
                notes, Instant.parse("2026-11-01T10:00:00Z"), "10 min", TEN_MINUTES_MS,
                "https://cdn.example.com/" + id + ".mp3", null, "https://databaseschool.com/" + id, chaptersJson,
                SHOW, transcript);
    }

    public static EpisodeEvent upsert(EpisodeSnapshot snapshot) {
        return EpisodeEvent.upserted(UUID.randomUUID(), Instant.now(), snapshot);
    }

    public static synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** As catalog-service publishes: keyed by episode id, headers for tools. */
    public static void send(EpisodeEvent event) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TopicsResource.TOPIC,
                utf8(event.episodeId().toString()), EpisodeEventCodec.toJson(event));
        record.headers().add(Topics.HEADER_EVENT_ID, utf8(event.eventId().toString()));
        record.headers().add(Topics.HEADER_EVENT_TYPE, utf8(event.type().wireName()));
        record.headers().add(Topics.HEADER_EPISODE_VERSION, utf8(Long.toString(event.episodeVersion())));
        record.headers().add(Topics.HEADER_SCHEMA_VERSION, utf8(Integer.toString(event.schemaVersion())));
        try {
            producer().send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce: " + e, e);
        }
    }

    /** Sends the upsert and waits until the read model serves that version's chapters. */
    public static void sendAndAwait(EpisodeSnapshot snapshot) {
        send(upsert(snapshot));
        await().atMost(APPLY_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() ->
                given().get("/api/episodes/{id}/chapters", snapshot.id()).then().extract().statusCode() == 200
                        && given().get("/api/episodes/{id}/chapters", snapshot.id()).then().extract()
                        .jsonPath().getLong("version") == snapshot.version());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
