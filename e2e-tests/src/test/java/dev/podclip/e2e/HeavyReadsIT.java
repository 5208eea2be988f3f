package dev.podclip.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podclip.testing.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unauthenticated reads that ran both services out of heap: twenty concurrent episode pages of a 2 MB transcript
 * (clip-service) and twenty concurrent pages of 100 episodes at the show-notes limit (catalog-service), twice, on the
 * packaged services with a 384 MiB heap, below bin/stack's 512. Every answer is a 200 or a 503/429 with Retry-After,
 * none a 500, the services stay ready, and neither log shows an OutOfMemoryError (ResponseBudget). At 384 MiB the
 * catalog ran out of heap while a page outlived its reservation: returned when the answer was queued rather than
 * written (AnswerFlushed), and while the worker thread started for the request kept its finished page (AnswerDropped;
 * BENCHMARKS.md §9). And request targets that are not URIs at all, which Quarkus would answer with a bare 400 before
 * any route: the services' entry point (ServiceMain) leaves them to the edge, whose answer is problem+json.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeavyReadsIT {

    static final int CONCURRENT = 20;
    static final int ROUNDS = 2;
    static final int EPISODES = 100;
    static final int NOTES_CHARS = 100_000;
    static final int TRANSCRIPT_CHARS = 1_900_000;
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);
    static final int HEAP_MIB = 384;

    Stack stack;
    Api catalog;
    Api clip;
    String showId;
    String heavyEpisode;

    @BeforeAll
    void start() {
        stack = Stack.start(Map.of(), Map.of(), HEAP_MIB);
        catalog = stack.catalogApi();
        clip = stack.clipApi();
        ObjectNode show = Api.JSON.createObjectNode().put("slug", "heavy-show").put("title", "Heavy Show");
        showId = catalog.post("/api/shows", show).json().get("id").asText();
        String notes = "word ".repeat(NOTES_CHARS / 5);
        for (int i = 0; i < EPISODES; i++) {
            ObjectNode episode = Api.JSON.createObjectNode().put("showId", showId).put("guid", "heavy:" + i)
                    .put("slug", "heavy-" + i).put("title", "Heavy " + i).put("showNotes", notes)
                    .put("durationText", "1 hr")
                    .put("audioUrl", "https://cdn.podclip.test/heavy-" + i + ".mp3");
            Api.Response created = catalog.post("/api/episodes", episode);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            if (i == 0) {
                heavyEpisode = created.json().get("id").asText();
            }
        }
        Api.Response uploaded = catalog.putFile("/api/episodes/" + heavyEpisode + "/transcript", bigVtt(),
                "text/vtt", "\"1\"");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(clip.get("/api/episodes/" + heavyEpisode + "/transcript").status()).isEqualTo(200));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** About {@link #TRANSCRIPT_CHARS} characters of WebVTT, one cue a second. */
    static String bigVtt() {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        String words = "and then we measured the write-ahead log again, page by page, to be sure of it ";
        for (int second = 0; vtt.length() < TRANSCRIPT_CHARS; second++) {
            vtt.append(time(second)).append(" --> ").append(time(second + 1)).append('\n').append(words)
                    .append(second).append("\n\n");
        }
        return vtt.toString();
    }

    private static String time(int seconds) {
        return String.format("%02d:%02d:%02d.000", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    @Test
    void concurrentHeavyReadsAreAnsweredOrDeferredNeverFailed() throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> lists = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < CONCURRENT; i++) {
                pages.add(client.sendAsync(HttpRequest.newBuilder(URI.create(clip.baseUrl() + "/episodes/"
                                + heavyEpisode)).header("Accept", "text/html").timeout(ANSWER_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString()));
                lists.add(client.sendAsync(HttpRequest.newBuilder(URI.create(catalog.baseUrl()
                                + "/api/episodes?size=100&show=" + showId)).timeout(ANSWER_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
        }
        assertAnsweredOrDeferred("clip-service episode page", pages);
        assertAnsweredOrDeferred("catalog-service episode list", lists);

        assertThat(clip.get("/q/health/ready").status()).isEqualTo(200);
        assertThat(catalog.get("/q/health/ready").status()).isEqualTo(200);
        assertThat(Files.readString(stack.clip.logFile())).doesNotContain("OutOfMemoryError");
        assertThat(Files.readString(stack.catalog.logFile())).doesNotContain("OutOfMemoryError");
    }

    /** Raw request lines, as curl sends them; Java's HttpClient would not build such a URI. */
    @Test
    void requestTargetsThatAreNotUrisAreProblems() throws IOException {
        for (ServiceProcess service : List.of(stack.catalog, stack.clip)) {
            for (String target : List.of("/api/episodes?q=a|b", "/x%zz", "/search?q=%", "/q/health/ready?x={}")) {
                String answer = rawGet(service.port(), target);
                assertThat(answer).as(service.baseUrl() + target).startsWith("HTTP/1.1 400")
                        .containsIgnoringCase("content-type: application/problem+json")
                        .containsIgnoringCase("x-content-type-options: nosniff").contains("not-a-uri");
            }
        }
    }

    private static String rawGet(int port, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertAnsweredOrDeferred(String what, List<CompletableFuture<HttpResponse<String>>> calls) {
        int ok = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.join();
            int status = response.statusCode();
            assertThat(status).as(what + ": " + abbreviate(response.body())).isIn(200, 429, 503);
            if (status == 200) {
                ok++;
            } else {
                assertThat(response.headers().firstValue("Retry-After")).as(what + " " + status).isPresent();
            }
        }
        assertThat(ok).as(what + " answered with 200").isPositive();
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300);
    }
}
