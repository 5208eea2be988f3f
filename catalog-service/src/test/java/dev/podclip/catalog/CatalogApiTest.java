package dev.podclip.catalog;

import dev.podclip.catalog.support.CatalogProfile;
import dev.podclip.support.auth.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.podclip.catalog.support.Catalog.createEpisode;
import static dev.podclip.catalog.support.Catalog.createShow;
import static dev.podclip.catalog.support.Catalog.editor;
import static dev.podclip.catalog.support.Catalog.episode;
import static dev.podclip.catalog.support.Catalog.show;
import static dev.podclip.catalog.support.Catalog.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(CatalogProfile.class)
class CatalogApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void healthMetricsAndOpenApi() {
        // The groups hold what docs/operations.md "Readiness" says: readiness the database only, the broker in
        // wellness, liveness no dependency at all.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                        .body("checks.name", contains("database")));
        given().get("/q/health/live").then().statusCode(200).body("checks", empty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/q/health/well").then().statusCode(200).body("checks.name", contains("kafka"))
                        .body("checks[0].data.brokers", is(1)));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("catalog_outbox_backlog_rows"))
                .body(containsString("catalog_outbox_oldest_age_seconds"))
                .body(containsString("catalog_events_published_total"))
                .body(containsString("catalog_publish_failures_total"));
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/episodes"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void showLifecycle() {
        String id = createShow("lifecycle-show");
        given().get("/api/shows/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("slug", is("lifecycle-show")).body("version", is(1)).body("author", is("Try Hard Studios"));
        given().get("/api/shows/by-slug/lifecycle-show").then().statusCode(200).body("id", is(id));
        given().queryParam("slug", "lifecycle-show").get("/api/shows").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", is(id)).body("total", is(1));

        Map<String, Object> changed = show("lifecycle-show");
        changed.put("title", "Renamed");
        editor().header("If-Match", "\"1\"").body(changed).put("/api/shows/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("title", is("Renamed")).body("version", is(2));
        editor().header("If-Match", "\"1\"").body(changed).put("/api/shows/" + id).then().statusCode(412)
                .contentType(PROBLEM_JSON).body("type", is("https://podclip.dev/problems/stale-version"));

        editor().body(show("lifecycle-show")).post("/api/shows").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", is("https://podclip.dev/problems/duplicate-slug"));

        editor().delete("/api/shows/" + id).then().statusCode(204);
        given().get("/api/shows/" + id).then().statusCode(404).contentType(PROBLEM_JSON).body("status", is(404));
    }

    @Test
    void episodeLifecycleKeepsNotesByteForByte() {
        String showId = createShow("byte-show");
        Map<String, Object> input = episode(showId, "bytes-episode");
        String notes = "Follow Aaron:Twitter/X:\u00a0 https://twitter.com/aarondfrancis\r\n"
                + "Chapters:00:00 - Intro and Preston\u2019s story02:13 - How \u2014 \"quotes\" & <b>html</b>\t\u00e9\n";
        input.put("showNotes", notes);
        input.put("videoUrl", "https://youtu.be/3r9PsVwGkg4");
        input.put("chaptersJson", "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Intro\"}]}");
        input.put("transcript", Map.of("format", "vtt", "body", "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"));
        String id = editor().body(input).post("/api/episodes").then().statusCode(201)
                .header("Location", startsWith("/api/episodes/")).header("ETag", "\"1\"")
                .body("version", is(1)).body("showNotes", is(notes)).body("durationText", is("1h 18m"))
                .body("durationMs", is(4_680_000)).body("transcript.format", is("vtt"))
                .body("transcript.sha256", notNullValue()).extract().path("id");

        given().get("/api/episodes/" + id).then().statusCode(200).body("showNotes", is(notes))
                .body("showId", is(showId)).body("videoUrl", is("https://youtu.be/3r9PsVwGkg4"))
                .body("pageUrl", nullValue());
        given().get("/api/episodes/" + id + "/transcript").then().statusCode(200)
                .header("X-Transcript-Format", "vtt").body(startsWith("WEBVTT"));
        given().queryParam("show", showId).queryParam("guid", "guid:bytes-episode").get("/api/episodes").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", is(id));
        given().queryParam("show", showId).queryParam("guid", "no-such-guid").get("/api/episodes").then()
                .statusCode(200).body("items", hasSize(0)).body("total", is(0));

        input.put("durationText", "about an hour");
        input.put("version", 1);
        editor().body(input).put("/api/episodes/" + id).then().statusCode(200).body("version", is(2))
                .body("durationText", is("about an hour")).body("durationMs", nullValue());

        editor().body(input).put("/api/episodes/" + id).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", is("https://podclip.dev/problems/stale-version")).body("currentVersion", is(2));
        input.remove("version");
        editor().body(input).put("/api/episodes/" + id).then().statusCode(428).contentType(PROBLEM_JSON);
        editor().header("If-Match", "\"1\"").body(input).put("/api/episodes/" + id).then().statusCode(412);
        editor().header("If-Match", "\"2\"").body(input).put("/api/episodes/" + id).then().statusCode(200)
                .header("ETag", "\"3\"");

        editor().body(episode(showId, "bytes-episode")).post("/api/episodes").then().statusCode(409)
                .contentType(PROBLEM_JSON).body("type", is("https://podclip.dev/problems/duplicate-guid"));
        editor().delete("/api/shows/" + showId).then().statusCode(409)
                .body("type", is("https://podclip.dev/problems/show-has-episodes"));

        editor().header("If-Match", "\"2\"").delete("/api/episodes/" + id).then().statusCode(412);
        editor().header("If-Match", "\"3\"").delete("/api/episodes/" + id).then().statusCode(204);
        given().get("/api/episodes/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
        editor().delete("/api/episodes/" + id).then().statusCode(404);
        editor().delete("/api/shows/" + showId).then().statusCode(204);
    }

    /** Writers that read the same version race: the row lock lets exactly one win, the others get 412. */
    @Test
    void concurrentUpdatesOfOneVersionHaveOneWinner() throws Exception {
        String showId = createShow("race-show");
        String id = createEpisode(showId, "race-episode");
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Map<String, Object> input = episode(showId, "race-episode");
                input.put("title", "Writer " + w);
                statuses.add(pool.submit(() -> editor().header("If-Match", "\"1\"").body(input)
                        .put("/api/episodes/" + id).statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get(60, TimeUnit.SECONDS));
            }
            org.assertj.core.api.Assertions.assertThat(codes).containsOnly(200, 412);
            org.assertj.core.api.Assertions.assertThat(codes.stream().filter(c -> c == 200)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/episodes/" + id).then().header("ETag", "\"2\"");
    }

    @Test
    void validationProblemsNameTheFields() {
        String showId = createShow("validation-show");
        Map<String, Object> bad = episode(showId, "Not A Slug");
        bad.put("title", "");
        bad.put("audioUrl", "ftp://example.com/a.mp3");
        bad.put("pageUrl", "javascript:alert(1)");
        bad.put("showNotes", "x".repeat(100_001));
        editor().body(bad).post("/api/episodes").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", is("https://podclip.dev/problems/validation"))
                .body("errors.field", hasItem("slug")).body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("audioUrl")).body("errors.field", hasItem("pageUrl"))
                .body("errors.field", hasItem("showNotes"));

        Map<String, Object> chapters = episode(showId, "chapters-episode");
        chapters.put("chaptersJson", "[1,2]");
        editor().body(chapters).post("/api/episodes").then().statusCode(400)
                .body("errors[0].field", is("chaptersJson"));
        chapters.put("chaptersJson", "{not json");
        editor().body(chapters).post("/api/episodes").then().statusCode(400)
                .body("errors[0].field", is("chaptersJson"));

        Map<String, Object> noShow = episode(null, "no-show");
        editor().body(noShow).post("/api/episodes").then().statusCode(400).body("errors[0].field", is("showId"));
        editor().body(episode("7b0e4f8a-6c3e-4d7a-9a43-1a2b3c4d5e6f", "ghost")).post("/api/episodes").then()
                .statusCode(404).contentType(PROBLEM_JSON);
        editor().body("{\"slug\": ").post("/api/shows").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", is("https://podclip.dev/problems/unreadable-body"))
                .body("detail", startsWith("The body is not valid JSON: "));
        editor().body("{\"slug\": \"trailing-comma\", \"title\": \"t\",}").post("/api/shows").then()
                .statusCode(400).body("detail", allOf(startsWith("The body is not valid JSON: "),
                        containsString("line 1, column")));
        // A value of the wrong type: named by its place in the body and what it must be, no Java class names.
        editor().body("{\"slug\": {\"a\": 1}, \"title\": \"t\"}").post("/api/shows").then().statusCode(400)
                .body("detail", is("The body does not match the expected shape at slug: expected text"))
                .body("errors[0].field", is("slug"));
        editor().body(Map.of("showId", "not-a-uuid", "guid", "g", "slug", "bad-id", "title", "t"))
                .post("/api/episodes").then().statusCode(400)
                .body("detail", allOf(endsWith("at showId: expected a UUID"), not(containsString("java")),
                        not(containsString("dev.podclip"))));
        Map<String, Object> badShow = show("bad-url-show");
        badShow.put("imageUrl", "not a url");
        editor().body(badShow).post("/api/shows").then().statusCode(400).body("errors[0].field", is("imageUrl"));
    }

    @Test
    void writesNeedAnEditorTokenReadsDoNot() {
        given().contentType(ContentType.JSON).body(show("anonymous-show")).post("/api/shows").then()
                .statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(show("forged-show"))
                .post("/api/shows").then().statusCode(401).contentType(PROBLEM_JSON);
        given().auth().oauth2(token(Roles.ADMIN)).contentType(ContentType.JSON).body(show("admin-show"))
                .post("/api/shows").then().statusCode(403).contentType(PROBLEM_JSON);
        given().delete("/api/episodes/7b0e4f8a-6c3e-4d7a-9a43-1a2b3c4d5e6f").then().statusCode(401);
        given().get("/api/shows").then().statusCode(200);
        given().get("/api/episodes").then().statusCode(200);
    }

    @Test
    void pagesAreCappedAtTheHardLimit() {
        String showId = createShow("paging-show");
        for (int i = 0; i < 5; i++) {
            createEpisode(showId, "paging-" + i);
        }
        given().queryParam("show", showId).queryParam("size", 100).get("/api/episodes").then().statusCode(200)
                .body("size", is(100)).body("items", hasSize(5)).body("total", is(5))
                .body("items[0].id", notNullValue());
        // Past the maximum is refused, as clip-service does, not silently cut to it.
        given().queryParam("show", showId).queryParam("size", 1_000).get("/api/episodes").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("type", is("https://podclip.dev/problems/validation"))
                .body("errors[0].field", is("size"));
        given().queryParam("show", showId).queryParam("size", 2).queryParam("page", 2).get("/api/episodes").then()
                .statusCode(200).body("items", hasSize(1)).body("page", is(2)).body("total", is(5));
        List<String> first = given().queryParam("show", showId).queryParam("size", 2).get("/api/episodes").then()
                .extract().path("items.id");
        List<String> second = given().queryParam("show", showId).queryParam("size", 2).queryParam("page", 1)
                .get("/api/episodes").then().extract().path("items.id");
        org.assertj.core.api.Assertions.assertThat(first).doesNotContainAnyElementsOf(second);
        given().queryParam("size", 0).get("/api/episodes").then().statusCode(400).contentType(PROBLEM_JSON);
        given().queryParam("show", "not-a-uuid").get("/api/episodes").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("type", is("https://podclip.dev/problems/validation"))
                .body("errors[0].field", is("show"));
        given().queryParam("page", -1).get("/api/shows").then().statusCode(400).contentType(PROBLEM_JSON);
        given().queryParam("size", 500).get("/api/shows").then().statusCode(400).body("errors[0].field", is("size"));
        given().queryParam("page", 10_001).get("/api/shows").then().statusCode(400).body("errors[0].field", is("page"));
        // Not whole numbers at all: JAX-RS would call these 404 (QueryParameters).
        given().queryParam("page", "abc").get("/api/shows").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", is("https://podclip.dev/problems/validation")).body("errors[0].field", is("page"));
        given().queryParam("size", "1.5").get("/api/episodes").then().statusCode(400)
                .body("errors[0].field", is("size"));
        given().queryParam("page", "99999999999").get("/api/episodes").then().statusCode(400)
                .body("errors[0].field", is("page"));
    }
}
