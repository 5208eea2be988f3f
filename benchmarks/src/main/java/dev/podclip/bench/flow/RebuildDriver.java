package dev.podclip.bench.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Read-model throughput from the topic: writes N upsert events (distinct episodes, seed show notes) straight to
 * {@code catalog.episodes.v1}, times clip-service's live consumer through them, then asks clip-service to rebuild its
 * read model from the whole topic and reports the rebuild's rate.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.podclip.bench.flow.RebuildDriver --bootstrap HOST:PORT
 * --clip URL --token ADMIN_JWT [--events 100000]}
 */
public final class RebuildDriver {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(30);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommitToChaptersDriver.Options.parse(args);
        int events = Integer.parseInt(options.getOrDefault("events", "100000"));
        String clip = options.get("clip");
        String token = options.get("token");
        JsonNode demo = JSON.readTree(Path.of(options.getOrDefault("data", "demo/database-school.json")).toFile());
        List<String> notes = new ArrayList<>();
        demo.get("episodes").forEach(e -> notes.add(e.get("showNotes").asText()));
        HttpClient http = HttpClient.newHttpClient();

        double appliedBefore = applied(http, clip);
        long produceStart = System.nanoTime();
        produce(options.get("bootstrap"), events, notes);
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        System.out.printf("produced %d events in %.1f s (%.0f/s)%n", events, produceSeconds, events / produceSeconds);
        Instant deadline = Instant.now().plus(MAX_WAIT);
        while (applied(http, clip) - appliedBefore < events && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
        }
        double liveSeconds = (System.nanoTime() - produceStart) / 1e9;
        System.out.printf("live consumer applied them %.1f s after the first send (%.0f events/s end to end)%n",
                liveSeconds, events / liveSeconds);

        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(clip + "/admin/rebuild"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild: " + started.statusCode() + " " + started.body());
        }
        String id = JSON.readTree(started.body()).get("id").asText();
        JsonNode status;
        do {
            Thread.sleep(POLL.toMillis());
            status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(clip + "/admin/rebuild/" + id))
                    .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } while ("running".equalsIgnoreCase(status.path("state").asText()) && Instant.now().isBefore(deadline));
        System.out.println("rebuild: " + status);
        System.exit(0);
    }

    static void produce(String bootstrap, int events, List<String> notes) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        ShowSnapshot show = new ShowSnapshot(UUID.randomUUID(), "rebuild-bench", "Rebuild benchmark", null, null, null);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                UUID episodeId = UUID.randomUUID();
                EpisodeSnapshot episode = new EpisodeSnapshot(episodeId, 1, "rebuild:" + episodeId, "rebuild-" + i,
                        "Rebuild episode " + i, notes.get(i % notes.size()), null, "1h 18m", 4_680_000L,
                        "https://media.example.com/" + i + ".mp3", null, null, null, show, null);
                EpisodeEvent event = EpisodeEvent.upserted(UUID.randomUUID(), Instant.now(), episode);
                producer.send(new ProducerRecord<>(Topics.EPISODES, episodeId.toString(),
                        EpisodeEventCodec.toJson(event)));
            }
            producer.flush();
        }
    }

    public static double applied(HttpClient http, String clip) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(clip + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("clip_events_consumed_total{") && line.contains("outcome=\"applied\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
