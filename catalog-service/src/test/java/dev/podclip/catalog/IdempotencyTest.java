package dev.podclip.catalog;

import dev.podclip.catalog.support.Catalog;
import dev.podclip.catalog.support.CatalogProfile;
import dev.podclip.support.auth.DevTokens;
import dev.podclip.support.auth.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.podclip.catalog.support.Catalog.createShow;
import static dev.podclip.catalog.support.Catalog.editor;
import static dev.podclip.catalog.support.Catalog.episode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** Writes with an Idempotency-Key: the first result is kept and replayed; the write itself happens once. */
@QuarkusTest
@TestProfile(CatalogProfile.class)
class IdempotencyTest {

    @Test
    void aRetriedCreateReturnsTheFirstResultAndCreatesOnce() {
        String showId = createShow("idem-create");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = episode(showId, "idem-once");

        Response first = editor().header("Idempotency-Key", key).body(body).post("/api/episodes");
        Response again = editor().header("Idempotency-Key", key).body(body).post("/api/episodes");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        given().queryParam("show", showId).get("/api/episodes").then().body("total", is(1));
    }

    @Test
    void aRetriedUpdateBumpsTheVersionOnceAndAnotherRequestWithTheKeyIsRefused() {
        String showId = createShow("idem-update");
        String id = Catalog.createEpisode(showId, "idem-update-ep");
        Map<String, Object> body = episode(showId, "idem-update-ep");
        body.put("title", "edited once");
        String key = UUID.randomUUID().toString();

        for (int i = 0; i < 3; i++) {
            editor().header("Idempotency-Key", key).header("If-Match", "\"1\"").body(body)
                    .put("/api/episodes/" + id).then().statusCode(200).header("ETag", "\"2\"");
        }
        given().get("/api/episodes/" + id).then().header("ETag", "\"2\"");

        body.put("title", "something else");
        editor().header("Idempotency-Key", key).header("If-Match", "\"1\"").body(body).put("/api/episodes/" + id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://podclip.dev/problems/idempotency-key-reused"));
    }

    @Test
    void aFailedWriteKeepsNothingSoItsKeyCanStillBeUsed() {
        String showId = createShow("idem-failed");
        Catalog.createEpisode(showId, "idem-taken");
        String key = UUID.randomUUID().toString();
        Map<String, Object> duplicate = episode(showId, "idem-taken");

        editor().header("Idempotency-Key", key).body(duplicate).post("/api/episodes").then().statusCode(409);
        editor().header("Idempotency-Key", key).body(episode(showId, "idem-free")).post("/api/episodes").then()
                .statusCode(201);
    }

    @Test
    void keysBelongToTheirPrincipal() {
        String showId = createShow("idem-principals");
        String key = UUID.randomUUID().toString();
        String other = DevTokens.sign(Catalog.PRIVATE_KEY, DevTokens.DEV_ISSUER, "someone-else", List.of(Roles.EDITOR),
                Duration.ofMinutes(10));

        editor().header("Idempotency-Key", key).body(episode(showId, "idem-mine")).post("/api/episodes").then()
                .statusCode(201);
        given().auth().oauth2(other).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(episode(showId, "idem-theirs")).post("/api/episodes").then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
    }

    @Test
    void malformedKeysAreRefused() {
        String showId = createShow("idem-malformed");
        for (String key : new String[] {"has space", "x".repeat(256), "tab\tkey", "é"}) {
            editor().header("Idempotency-Key", key).body(episode(showId, "idem-bad")).post("/api/episodes").then()
                    .statusCode(400).body("type", is("https://podclip.dev/problems/invalid-idempotency-key"));
        }
    }

    @Test
    void concurrentRequestsWithOneKeyWriteOnce() throws Exception {
        String showId = createShow("idem-concurrent");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = episode(showId, "idem-race");
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Response> call = () -> editor().header("Idempotency-Key", key).body(body)
                        .post("/api/episodes");
                answers.add(pool.submit(call));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).isEqualTo(201);
                ids.add(response.jsonPath().getString("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("show", showId).get("/api/episodes").then().body("total", is(1));
    }

    @Test
    void transcriptsAndDeletesReplayToo() {
        String showId = createShow("idem-transcript");
        String id = Catalog.createEpisode(showId, "idem-transcript-ep");
        String vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n";
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(Catalog.token(Roles.EDITOR)).header("Idempotency-Key", key)
                    .header("If-Match", "\"1\"").contentType("text/vtt").body(vtt)
                    .put("/api/episodes/" + id + "/transcript").then().statusCode(200).header("ETag", "\"2\"");
        }
        String deleteKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            editor().header("Idempotency-Key", deleteKey).header("If-Match", "\"2\"").delete("/api/episodes/" + id)
                    .then().statusCode(204);
        }
    }
}
