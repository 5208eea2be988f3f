package dev.podclip.clip;

import dev.podclip.events.EpisodeEvent;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The change stream delivers an event per change of the episode, via PostgreSQL NOTIFY. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class StreamTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI base;

    @Test
    void streamReceivesChangesOfItsEpisode() throws Exception {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch updated = new CountDownLatch(1);
        CountDownLatch heartbeat = new CountDownLatch(1);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/episodes/" + id + "/chapters/stream"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith(":connected") || line.startsWith(": connected")) {
                        connected.countDown();
                    }
                    if (line.contains("heartbeat")) {
                        heartbeat.countDown();
                    }
                    if (line.startsWith("data:") && line.contains(id.toString()) && line.contains("\"version\":1")) {
                        updated.countDown();
                    }
                }
            } catch (Exception e) {
                // the test closes the stream
            }
        });
        try {
            assertThat(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("connected comment; got %s", lines)
                    .isTrue();
            Fixtures.send(Fixtures.upsert(other, 1, "Someone else"));
            Fixtures.send(Fixtures.upsert(id, 1, "Streamed"));
            assertThat(updated.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("update event; got %s", lines).isTrue();
            assertThat(heartbeat.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("heartbeat; got %s", lines).isTrue();
            assertThat(String.join("\n", lines)).contains("event:chapters").contains("id:" + id + ":1")
                    .contains("\"episodeId\":\"" + id + "\"")
                    .doesNotContain(other.toString());
        } finally {
            response.body().close();
            reader.cancel(true);
        }
    }

    @Test
    void allStreamReceivesEveryEpisodesChanges() throws Exception {
        UUID id = UUID.randomUUID();
        List<String> data = new CopyOnWriteArrayList<>();
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch updated = new CountDownLatch(1);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                        base.resolve("/api/chapters/stream")).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.contains("connected")) {
                        connected.countDown();
                    }
                    if (line.startsWith("data:") && line.contains(id.toString())) {
                        data.add(line);
                        updated.countDown();
                    }
                }
            } catch (Exception e) {
                // the test closes the stream
            }
        });
        try {
            assertThat(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            EpisodeEvent upsert = Fixtures.upsert(id, 1, "Anyone");
            Fixtures.send(upsert);
            Fixtures.send(Fixtures.delete(id, 2));
            assertThat(updated.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // The catalog's commit time of the change rides along, so a client can time commit -> queryable.
            assertThat(data.get(0)).isEqualTo("data:{\"episodeId\":\"" + id + "\",\"version\":1,\"committedAtMs\":"
                    + upsert.occurredAt().toEpochMilli() + "}");
        } finally {
            response.body().close();
            reader.cancel(true);
        }
    }
}
