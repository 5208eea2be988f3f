package dev.podclip.faults;

import dev.podclip.testing.ServiceProcess;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Measures a recovery from the moment a fault ended: how long until every service of a kind answers
 * {@code /q/health/ready} with 200, and how long until a write made right then is applied by clip-service (probe
 * episodes, written to the catalog as soon as it answers, then read from clip-service until their chapters are there;
 * several probes land in several partitions, and the slowest counts).
 */
final class Recovery {

    static final Duration LIMIT = Duration.ofSeconds(90);
    static final int PROBES = 3;

    /** Milliseconds from the fault's end; -1 when it did not happen within {@link #LIMIT}. */
    record Figures(Map<String, Long> readyMs, long appliedMs) {
        long worstReadyMs() {
            return readyMs.values().stream().mapToLong(v -> v < 0 ? Long.MAX_VALUE : v).max().orElse(0);
        }
    }

    private final Supplier<List<ServiceProcess>> catalogs;
    private final Supplier<List<ServiceProcess>> clips;
    private final Workload writer;
    private final String showId;

    Recovery(Supplier<List<ServiceProcess>> catalogs, Supplier<List<ServiceProcess>> clips, String showId,
             String token) {
        this.catalogs = catalogs;
        this.clips = clips;
        this.showId = showId;
        this.writer = new Workload(catalogs, showId, token);
    }

    /** Both clocks start at {@code endNs}, the fault's end, and run at once. */
    Figures measure(long endNs, long seed) {
        // Threads of their own: the common pool has a single thread on two cores, which would run these in turn.
        ExecutorService clocks = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Long> applied = CompletableFuture.supplyAsync(() -> firstApplied(endNs, seed), clocks);
            CompletableFuture<Long> catalogReady = CompletableFuture.supplyAsync(() -> readyMs(catalogs, endNs),
                    clocks);
            CompletableFuture<Long> clipReady = CompletableFuture.supplyAsync(() -> readyMs(clips, endNs), clocks);
            Map<String, Long> ready = new LinkedHashMap<>();
            ready.put("catalog", catalogReady.join());
            ready.put("clip", clipReady.join());
            return new Figures(ready, applied.join());
        } finally {
            clocks.shutdownNow();
        }
    }

    private static long readyMs(Supplier<List<ServiceProcess>> services, long endNs) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (elapsedMs(endNs) < LIMIT.toMillis()) {
            List<ServiceProcess> running = services.get();
            if (!running.isEmpty() && running.stream().allMatch(s -> s.answers200(client, "/q/health/ready"))) {
                return elapsedMs(endNs);
            }
            Workload.sleep(50);
        }
        return -1;
    }

    private long firstApplied(long endNs, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<UUID> probes = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            String slug = "probe-" + Long.toHexString(random.nextLong() & 0xffffffffL);
            Map<String, Object> body = Map.of("showId", showId, "guid", "guid:" + slug, "slug", slug,
                    "title", "Probe " + slug, "showNotes", "Chapters:00:00 - Start02:00 - End",
                    "durationText", "5 min", "audioUrl", "https://cdn.example.com/" + slug + ".mp3");
            writer.write("POST", "/api/episodes", body, null, new UUID(random.nextLong(), random.nextLong()))
                    .filter(answer -> answer.status() == 201)
                    .ifPresent(answer -> probes.add(UUID.fromString(answer.body().get("id").asText())));
        }
        if (probes.size() < PROBES) {
            return -1;
        }
        Http http = new Http();
        List<UUID> waiting = new ArrayList<>(probes);
        while (elapsedMs(endNs) < LIMIT.toMillis()) {
            List<ServiceProcess> running = clips.get();
            if (!running.isEmpty()) {
                String base = running.get(0).baseUrl();
                waiting.removeIf(id -> http.get(base + "/api/episodes/" + id + "/chapters")
                        .filter(answer -> answer.status() == 200).isPresent());
                if (waiting.isEmpty()) {
                    return elapsedMs(endNs);
                }
            }
            Workload.sleep(50);
        }
        return -1;
    }

    static long elapsedMs(long sinceNs) {
        return (System.nanoTime() - sinceNs) / 1_000_000;
    }
}
