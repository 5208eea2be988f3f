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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

/**
 * Transcript ingest and search latency: writes N episode events, each with a synthetic one-hour WebVTT transcript and
 * seed show notes, straight to the topic; times clip-service until it has applied them all (ingest rate); then runs
 * search queries one after another and reports latency percentiles per query class and overall.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.podclip.bench.search.SearchDriver --bootstrap HOST:PORT
 * --clip URL [--episodes 1000] [--queries 600] [--warmup 60] [--skip-ingest true] [--text zipf|uniform]
 * [--vocabulary 8000] [--zipf 1.0] [--seed 1] [--pool 20]}
 *
 * <p>{@code --text zipf} (the default) draws transcripts from {@link ZipfTranscripts} (a Zipf law over several thousand
 * words plus a few names per episode) and queries from six stated classes, each with its expected share of matching
 * cues; {@code --text uniform} is the first run's data ({@code SyntheticText}, 20 equally likely words) and its ten
 * queries. Ingest and queries must use the same --text, --vocabulary, --zipf, --seed and --episodes.
 */
public final class SearchDriver {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long ONE_HOUR_MS = 3_600_000;
    static final Duration MAX_INGEST_WAIT = Duration.ofMinutes(30);
    /** The uniform text's queries (its 20-word vocabulary): one word, two words, a phrase, a rare word. */
    static final String[] QUERIES = {"postgres", "vacuum replica", "\"query planner\"", "migration schema index",
        "latency", "shard", "database and index", "talk about postgres", "why vacuum", "planner"};

    public static void main(String[] args) throws Exception {
        Map<String, String> options = dev.podclip.bench.flow.CommitToChaptersDriver.Options.parse(args);
        int episodes = Integer.parseInt(options.getOrDefault("episodes", "1000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "600"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
        String clip = options.get("clip");
        boolean zipf = switch (options.getOrDefault("text", "zipf")) {
            case "zipf" -> true;
            case "uniform" -> false;
            default -> throw new IllegalArgumentException("--text zipf|uniform");
        };
        ZipfTranscripts text = new ZipfTranscripts(
                Integer.parseInt(options.getOrDefault("vocabulary", Integer.toString(ZipfTranscripts.DEFAULT_VOCABULARY))),
                Double.parseDouble(options.getOrDefault("zipf", Double.toString(ZipfTranscripts.DEFAULT_EXPONENT))),
                Long.parseLong(options.getOrDefault("seed", "1")));
        HttpClient http = HttpClient.newHttpClient();
        if (!Boolean.parseBoolean(options.getOrDefault("skip-ingest", "false"))) {
            ingest(options.get("bootstrap"), clip, http, episodes,
                    Path.of(options.getOrDefault("data", "demo/database-school.json")), zipf ? text : null);
        }
        List<QueryMix.QueryClass> mix = zipf
                ? QueryMix.zipf(text, episodes, Integer.parseInt(options.getOrDefault("pool", "20")))
                : List.of(new QueryMix.QueryClass("uniform", "the uniform text's ten queries", List.of(QUERIES)));
        for (QueryMix.QueryClass c : mix) {
            System.out.printf("class %-8s %s; e.g. %s%n", c.name(), c.about(),
                    c.queries().subList(0, Math.min(3, c.queries().size())));
        }
        search(http, clip, mix, warmup, queries);
        System.exit(0);
    }

    /** {@code text} null: the uniform {@code SyntheticText} transcripts of the first run. */
    static void ingest(String bootstrap, String clip, HttpClient http, int episodes, Path data, ZipfTranscripts text)
            throws Exception {
        JsonNode demo = JSON.readTree(data.toFile());
        List<String> notes = new ArrayList<>();
        demo.get("episodes").forEach(e -> notes.add(e.get("showNotes").asText()));
        double before = dev.podclip.bench.flow.RebuildDriver.applied(http, clip);
        long start = System.nanoTime();
        long bytes = produce(bootstrap, episodes, notes, text);
        Instant deadline = Instant.now().plus(MAX_INGEST_WAIT);
        while (dev.podclip.bench.flow.RebuildDriver.applied(http, clip) - before < episodes
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ingest: %d one-hour transcripts (%.1f MB of VTT) applied in %.1f s: %.1f transcripts/s, "
                + "%.2f MB/s%n", episodes, bytes / 1e6, seconds, episodes / seconds, bytes / 1e6 / seconds);
    }

    static long produce(String bootstrap, int episodes, List<String> notes, ZipfTranscripts text) throws Exception {
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
                String vtt = text == null ? SyntheticText.webVtt(ONE_HOUR_MS, i) : text.webVtt(ONE_HOUR_MS, i);
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

    /**
     * Warm-up queries (not recorded: JIT, PostgreSQL's caches), then {@code queries} queries one after another, the
     * classes in turn, each query drawn from its class's pool. Latency is the client's, request to parsed body.
     */
    static void search(HttpClient http, String clip, List<QueryMix.QueryClass> mix, int warmup, int queries)
            throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < warmup; i++) {
            QueryMix.QueryClass c = mix.get(i % mix.size());
            timed(http, clip, c.queries().get(random.nextInt(c.queries().size())));
        }
        Map<String, Stats> byClass = new LinkedHashMap<>();
        mix.forEach(c -> byClass.put(c.name(), new Stats()));
        Stats all = new Stats();
        List<Timed> slowest = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            QueryMix.QueryClass c = mix.get(i % mix.size());
            Timed t = timed(http, clip, c.queries().get(random.nextInt(c.queries().size())));
            byClass.get(c.name()).add(t);
            all.add(t);
            slowest.add(t);
        }
        System.out.printf("search: %d queries after %d warm-up; latency ms, total = the response's total (median), "
                + "lower bound = share of answers whose total is a lower bound%n", queries, warmup);
        System.out.println("| class | queries | errors | p50 | p95 | p99 | max | median total | lower bound | hits/query |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        byClass.forEach((name, stats) -> stats.print(name));
        all.print("all");
        slowest.sort(Comparator.comparingLong(Timed::micros).reversed());
        System.out.println("slowest: " + slowest.subList(0, Math.min(5, slowest.size())).stream()
                .map(t -> t.query() + " " + t.micros() / 1000 + " ms").toList());
    }

    record Timed(String query, long micros, boolean ok, long total, boolean lowerBound, int hits) {
    }

    static Timed timed(HttpClient http, String clip, String q) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(clip + "/api/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&size=10")).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return new Timed(q, (System.nanoTime() - start) / 1_000, false, 0, false, 0);
        }
        JsonNode body = JSON.readTree(response.body());
        long micros = (System.nanoTime() - start) / 1_000;
        return new Timed(q, micros, true, body.path("total").asLong(),
                "gte".equals(body.path("totalRelation").asText()), body.path("items").size());
    }

    static final class Stats {
        final List<Timed> runs = new ArrayList<>();

        void add(Timed t) {
            runs.add(t);
        }

        void print(String name) {
            long[] micros = runs.stream().mapToLong(Timed::micros).sorted().toArray();
            long[] totals = runs.stream().filter(Timed::ok).mapToLong(Timed::total).sorted().toArray();
            long errors = runs.stream().filter(t -> !t.ok()).count();
            long lower = runs.stream().filter(Timed::lowerBound).count();
            double hits = runs.stream().mapToInt(Timed::hits).average().orElse(0);
            System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %s | %d%% | %.1f |%n", name, micros.length,
                    errors, pct(micros, 50), pct(micros, 95), pct(micros, 99), micros[micros.length - 1] / 1000.0,
                    totals.length == 0 ? "-" : Long.toString(totals[totals.length / 2]),
                    Math.round(100.0 * lower / runs.size()), hits);
        }
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
        return sorted[index] / 1000.0;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
