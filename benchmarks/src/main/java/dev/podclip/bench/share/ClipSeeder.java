package dev.podclip.bench.share;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Creates N stored clips over the episodes clip-service knows (random chapter-aligned or free ranges), and writes
 * their ids, one a line, for the load runs.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.podclip.bench.share.ClipSeeder URL TOKEN COUNT OUT}
 */
public final class ClipSeeder {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_IN_FLIGHT = 32;
    static final long MIN_CLIP_MS = 5_000;

    public static void main(String[] args) throws Exception {
        String clip = args[0];
        String token = args[1];
        int count = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<JsonNode> episodes = episodes(http, clip);
        if (episodes.isEmpty()) {
            throw new IllegalStateException("clip-service knows no episodes: load the demo first");
        }
        Random random = new Random(11);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode episode = episodes.get(random.nextInt(episodes.size()));
            long durationMs = episode.path("durationMs").asLong(3_600_000);
            long startMs = (long) (random.nextDouble() * (durationMs - 4 * MIN_CLIP_MS));
            long endMs = startMs + MIN_CLIP_MS + random.nextInt(120_000);
            ObjectNode body = JSON.createObjectNode().put("episodeId", episode.get("episodeId").asText())
                    .put("startMs", startMs).put("endMs", Math.min(endMs, durationMs)).put("title", "Load clip " + i);
            inFlight.acquire();
            pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create(clip + "/api/clips"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                        inFlight.release();
                        if (error == null && response.statusCode() == 201) {
                            try {
                                ids.add(JSON.readTree(response.body()).get("id").asText());
                            } catch (Exception e) {
                                System.err.println(e);
                            }
                        } else {
                            System.err.println(error != null ? error : response.statusCode() + " " + response.body());
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Files.write(out, ids);
        System.out.println("created " + ids.size() + " clips over " + episodes.size() + " episodes -> " + out);
        System.exit(ids.size() == count ? 0 : 1);
    }

    static List<JsonNode> episodes(HttpClient http, String clip) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(clip + "/api/episodes?size=100"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode page = JSON.readTree(response.body());
        JsonNode items = page.isArray() ? page : page.path("items");
        List<JsonNode> episodes = new ArrayList<>();
        items.forEach(episodes::add);
        return episodes;
    }
}
