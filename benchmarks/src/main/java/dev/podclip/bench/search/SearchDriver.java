package dev.podclip.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.bench.engine.SyntheticText;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.events.Topics;
import dev.podclip.events.TranscriptSnapshot;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

/**
 * Transcript ingest and search latency: writes N episode events, each with a synthetic one-hour WebVTT transcript and
 * seed show notes, straight to the topic; times clip-service until it has applied them all (ingest rate); then runs
 * search queries one after another and reports latency percentiles.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.podclip.bench.search.SearchDriver --bootstrap HOST:PORT
 * --clip URL [--episodes 1000] [--queries 500] [--skip-ingest true]}
 */
public final class SearchDriver {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long ONE_HOUR_MS = 3_600_000;
    static final Duration MAX_INGEST_WAIT = Duration.ofMinutes(30);
    /** Queries as listeners type them: one word, two words, a phrase, a rare word. */
    static final String[] QUERIES = {"postgres", "vacuum replica", "\"query planner\"", "migration schema index",
        "latency", "shard", "database and index", "talk about postgres", "why vacuum", "planner"};

    public static void main(String[] args) throws Exception {
        Map<String, String> options = dev.podclip.bench.flow.CommitToChaptersDriver.Options.parse(args);
        int episodes = Integer.parseInt(options.getOrDefault("episodes", "1000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "500"));
        String clip = options.get("clip");
        HttpClient http = HttpClient.newHttpClient();
        if (!Boolean.parseBoolean(options.getOrDefault("skip-ingest", "false"))) {
            ingest(options.get("bootstrap"), clip, http, episodes,
                    Path.of(options.getOrDefault("data", "demo/database-school.json")));
        }
        search(http, clip, queries);
        System.exit(0);
    }

    static void ingest(String bootstrap, String clip, HttpClient http, int episodes, Path data) throws Exception {
        JsonNode demo = JSON.readTree(data.toFile());
        List<String> notes = new ArrayList<>();
        demo.get("episodes").forEach(e -> notes.add(e.get("showNotes").asText()));
        double before = dev.podclip.bench.flow.RebuildDriver.applied(http, clip);
        long start = System.nanoTime();
        long bytes = produce(bootstrap, episodes, notes);
        Instant deadline = Instant.now().plus(MAX_INGEST_WAIT);
        while (dev.podclip.bench.flow.RebuildDriver.applied(http, clip) - before < episodes
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ingest: %d one-hour transcripts (%.1f MB of VTT) applied in %.1f s: %.1f transcripts/s, "
                + "%.2f MB/s%n", episodes, bytes / 1e6, seconds, episodes / seconds, bytes / 1e6 / seconds);
    }

    static long produce(String bootstrap, int episodes, List<String> notes) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_RECORD_BYTES));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        ShowSnapshot show = new ShowSnapshot(UUID.randomUUID(), "search-bench", "Search benchmark", null, null, null);
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < episodes; i++) {
                String vtt = SyntheticText.webVtt(ONE_HOUR_MS, i);
                bytes += vtt.length();
                UUID id = UUID.randomUUID();
                EpisodeSnapshot episode = new EpisodeSnapshot(id, 1, "search:" + id, "search-" + i,
                        "Search episode " + i, notes.get(i % notes.size()), null, "1 hr", ONE_HOUR_MS,
                        "https://media.example.com/search-" + i + ".mp3", null, null, null, show,
                        new TranscriptSnapshot("vtt", vtt, sha256(vtt)));
                producer.send(new ProducerRecord<>(Topics.EPISODES, id.toString(),
                        EpisodeEventCodec.toJson(EpisodeEvent.upserted(UUID.randomUUID(), Instant.now(), episode))));
            }
            producer.flush();
        }
        return bytes;
    }

    static void search(HttpClient http, String clip, int queries) throws Exception {
        Random random = new Random(3);
        long[] micros = new long[queries];
        int errors = 0;
        long hits = 0;
        for (int i = 0; i < queries; i++) {
            String q = QUERIES[random.nextInt(QUERIES.length)];
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(clip + "/api/search?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&size=10")).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (response.statusCode() != 200) {
                errors++;
            } else {
                hits += JSON.readTree(response.body()).path("hits").size();
            }
        }
        java.util.Arrays.sort(micros);
        System.out.printf("search: %d queries, %d errors, %.1f hits/query; latency ms p50 %.1f p95 %.1f p99 %.1f "
                        + "max %.1f%n", queries, errors, hits / (double) queries, pct(micros, 50), pct(micros, 95),
                pct(micros, 99), micros[micros.length - 1] / 1000.0);
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
        return sorted[index] / 1000.0;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
