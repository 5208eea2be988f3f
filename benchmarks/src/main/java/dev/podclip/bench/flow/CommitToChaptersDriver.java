package dev.podclip.bench.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Commit-to-chapters-queryable latency of the running stack: creates episodes through catalog-service at a fixed rate
 * and times each one on two clocks, up to the moment clip-service's change stream announces its chapters (sent after
 * clip-service's own commit, so the chapters are queryable then):
 * <ul>
 *   <li><b>commit</b>: from the catalog's commit of the create (the event's {@code occurredAt}, carried in the
 *   announcement as {@code committedAtMs}) to the announcement's arrival, both read from this machine's wall clock,
 *   so the driver must run on the catalog's machine;</li>
 *   <li><b>201</b>: from the moment this client read the create's 201 to the announcement, on the monotonic clock;
 *   an announcement that arrives before the 201 is read counts as 0 ms.</li>
 * </ul>
 * Show notes rotate through the seed listing's eight descriptions.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.podclip.bench.flow.CommitToChaptersDriver
 * --catalog URL --clip URL --token JWT [--rates 10,100,1000] [--seconds 60]}
 */
public final class CommitToChaptersDriver {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Creates in flight at most; past it a tick is counted as skipped rather than queued (no hidden backlog). */
    static final int MAX_IN_FLIGHT = 512;
    /** How long to wait after the last create for stragglers before calling them missing. */
    static final Duration DRAIN = Duration.ofSeconds(30);

    // HTTP/1.1: over h2c the server caps concurrent streams per connection, which the load would hit.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String catalog;
    private final String clip;
    private final String token;
    private final List<String> notes;
    /** Episodes created in this run: when their 201 was read (monotonic ns). */
    private final Map<String, Long> createdNanos = new ConcurrentHashMap<>();
    /** First announcement of each episode seen on the stream (monotonic ns), created in this run or not yet known. */
    private final Map<String, Long> announcedNanos = new ConcurrentHashMap<>();
    /** Catalog commit → first announcement (wall-clock ms), for announcements that carry the commit time. */
    private final Map<String, Long> commitLatencyMs = new ConcurrentHashMap<>();

    CommitToChaptersDriver(String catalog, String clip, String token, List<String> notes) {
        this.catalog = catalog;
        this.clip = clip;
        this.token = token;
        this.notes = notes;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        JsonNode demo = JSON.readTree(Path.of(options.getOrDefault("data", "demo/database-school.json")).toFile());
        List<String> notes = new ArrayList<>();
        demo.get("episodes").forEach(e -> notes.add(e.get("showNotes").asText()));
        CommitToChaptersDriver driver = new CommitToChaptersDriver(options.get("catalog"), options.get("clip"),
                options.get("token"), notes);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        String showId = driver.createShow();
        driver.listen();
        System.out.println("| rate (episodes/s) | clock | sent | seen | missing | skipped | announced before 201"
                + " | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String rate : options.getOrDefault("rates", "10,100,1000").split(",")) {
            driver.run(showId, Integer.parseInt(rate.trim()), seconds);
        }
        System.exit(0);
    }

    String createShow() throws IOException, InterruptedException {
        String slug = "bench-" + System.currentTimeMillis();
        ObjectNode body = JSON.createObjectNode().put("slug", slug).put("title", "Benchmark " + slug);
        HttpResponse<String> response = http.send(post("/api/shows", body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create show: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** Follows clip-service's change stream on a thread of its own; the first announcement of an episode counts. */
    void listen() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(clip + "/api/chapters/stream"))
                .header("Accept", "text/event-stream").GET().build();
        Thread listener = new Thread(() -> {
            try {
                Stream<String> lines = http.send(request, HttpResponse.BodyHandlers.ofLines()).body();
                lines.forEach(this::onLine);
            } catch (IOException | InterruptedException e) {
                System.err.println("change stream ended: " + e);
            }
        }, "change-stream");
        listener.setDaemon(true);
        listener.start();
        Thread.sleep(1_000);
    }

    /** A {@code chapters} event's data line: {@code data:{"episodeId":…,"version":…,"committedAtMs":…}}. */
    private void onLine(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        long nowNanos = System.nanoTime();
        long nowMs = System.currentTimeMillis();
        JsonNode data;
        try {
            data = JSON.readTree(line.substring(5));
        } catch (IOException e) {
            return;
        }
        String episodeId = data.path("episodeId").asText(null);
        if (episodeId == null || announcedNanos.putIfAbsent(episodeId, nowNanos) != null) {
            return; // not a chapters event (a resync), or not the episode's first announcement
        }
        JsonNode committedAtMs = data.get("committedAtMs");
        if (committedAtMs != null && committedAtMs.canConvertToLong()) {
            commitLatencyMs.put(episodeId, nowMs - committedAtMs.asLong());
        }
    }

    void run(String showId, int rate, int seconds) throws InterruptedException {
        createdNanos.clear();
        announcedNanos.clear();
        commitLatencyMs.clear();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        AtomicLong sent = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long total = (long) rate * seconds;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        ticker.scheduleAtFixedRate(() -> {
            long n = sent.get() + skipped.get();
            if (n >= total) {
                return;
            }
            if (!inFlight.tryAcquire()) {
                skipped.incrementAndGet();
                return;
            }
            sent.incrementAndGet();
            create(showId, rate, n).whenComplete((id, error) -> {
                inFlight.release();
                if (error != null && failed.incrementAndGet() <= 3) {
                    System.err.println("create failed: " + error);
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1_000L);
        while (sent.get() + skipped.get() < total) {
            Thread.sleep(100);
        }
        ticker.shutdownNow();
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        // Creates still in flight count once answered; only then is every created episode known.
        if (inFlight.tryAcquire(MAX_IN_FLIGHT, DRAIN.toNanos(), TimeUnit.NANOSECONDS)) {
            inFlight.release(MAX_IN_FLIGHT);
        }
        while (announced() < createdNanos.size() && System.nanoTime() < drainUntil) {
            Thread.sleep(100);
        }
        report(rate, sent.get(), skipped.get(), failed.get());
    }

    private java.util.concurrent.CompletableFuture<String> create(String showId, int rate, long n) {
        String slug = "r" + rate + "-" + n + "-" + System.nanoTime();
        ObjectNode body = JSON.createObjectNode().put("showId", showId).put("guid", slug).put("slug", slug)
                .put("title", "Benchmark episode " + slug).put("showNotes", notes.get((int) (n % notes.size())))
                .put("durationText", "1h 18m").put("audioUrl", "https://media.example.com/" + slug + ".mp3");
        return http.sendAsync(post("/api/episodes", body), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            long now = System.nanoTime();
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            try {
                String id = JSON.readTree(r.body()).get("id").asText();
                createdNanos.put(id, now);
                return id;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long announced() {
        return createdNanos.keySet().stream().filter(announcedNanos::containsKey).count();
    }

    private void report(int rate, long sent, long skipped, long failed) {
        long created = createdNanos.size();
        long[] commitMs = createdNanos.keySet().stream().map(commitLatencyMs::get).filter(v -> v != null)
                .mapToLong(Long::longValue).sorted().toArray();
        long early = 0;
        List<Long> clientMs = new ArrayList<>();
        for (Map.Entry<String, Long> e : createdNanos.entrySet()) {
            Long announced = announcedNanos.get(e.getKey());
            if (announced != null) {
                long nanos = announced - e.getValue();
                early += nanos < 0 ? 1 : 0;
                clientMs.add(Math.max(0, nanos) / 1_000_000);
            }
        }
        long[] fromResponseMs = clientMs.stream().mapToLong(Long::longValue).sorted().toArray();
        String skippedText = skipped + (failed > 0 ? " (+" + failed + " failed)" : "");
        row(rate, "catalog commit → announced", sent, commitMs, created, skippedText, "");
        row(rate, "client 201 → announced", sent, fromResponseMs, created, skippedText, Long.toString(early));
    }

    private static void row(int rate, String clock, long sent, long[] sortedMs, long created, String skipped,
                            String early) {
        System.out.printf("| %d | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s |%n", rate, clock, sent,
                sortedMs.length, created - sortedMs.length, skipped, early, pct(sortedMs, 50), pct(sortedMs, 90),
                pct(sortedMs, 99), sortedMs.length == 0 ? "-" : Long.toString(sortedMs[sortedMs.length - 1]));
    }

    static String pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return Long.toString(sorted[Math.max(0, index)]);
    }

    private HttpRequest post(String path, JsonNode body) {
        return HttpRequest.newBuilder(URI.create(catalog + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    /** {@code --name value} pairs; a {@code --name} followed by another option or nothing is a flag ("true"). */
    public static final class Options {
        public static Map<String, String> parse(String[] args) {
            Map<String, String> options = new ConcurrentHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name [value], got " + Arrays.toString(args));
                }
                boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
                options.put(args[i].substring(2), flag ? "true" : args[++i]);
            }
            return options;
        }
    }
}
