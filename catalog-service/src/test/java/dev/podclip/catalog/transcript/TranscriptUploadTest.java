package dev.podclip.catalog.transcript;

import dev.podclip.catalog.support.Catalog;
import dev.podclip.catalog.support.CatalogProfile;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.support.auth.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** PUT/DELETE of an episode's transcript: formats, refusals, auth, versions and the event. */
@QuarkusTest
@TestProfile(CatalogProfile.class)
class TranscriptUploadTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    static final String VTT = "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Aaron>Welcome to the show.\n\n"
            + "01:00.000 --> 01:05.000\n<v Preston>Pages and the write-ahead log.\n";
    static final String SRT = "1\n00:00:00,000 --> 00:00:04,000\nWelcome to the show.\n\n"
            + "2\n00:01:00,000 --> 00:01:05,000\nPages and the write-ahead log.\n";
    static final String JSON = "{\"version\":\"1.0.0\",\"segments\":[{\"speaker\":\"Aaron\",\"startTime\":0,"
            + "\"endTime\":4,\"body\":\"Welcome to the show.\"}]}";
    static final String HTML = "<cite>Aaron:</cite><time>0:00</time><p>Welcome to the show.</p>";

    private static String episode(String slug) {
        return Catalog.createEpisode(Catalog.createShow(slug + "-show"), slug);
    }

    private static io.restassured.response.ValidatableResponse put(String id, String contentType, String body,
                                                                   String ifMatch, String format) {
        var request = given().auth().oauth2(Catalog.token(Roles.EDITOR)).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (format != null) {
            request = request.queryParam("format", format);
        }
        return request.put("/api/episodes/" + id + "/transcript").then();
    }

    @Test
    void everyFormatByContentTypeOrParameterBumpsTheVersionAndIsEvented() {
        String id = episode("tx-formats");
        put(id, "text/vtt", VTT, "\"1\"", null).statusCode(200).header("ETag", "\"2\"")
                .body("version", is(2)).body("transcript.format", is("vtt"));
        given().get("/api/episodes/" + id + "/transcript").then().statusCode(200)
                .header("X-Transcript-Format", "vtt").body(is(VTT));
        put(id, "application/x-subrip", SRT, "\"2\"", null).statusCode(200).body("transcript.format", is("srt"));
        put(id, "text/srt; charset=utf-8", SRT, "\"3\"", null).statusCode(200).body("version", is(4));
        put(id, "application/json", JSON, "\"4\"", null).statusCode(200).body("transcript.format", is("json"));
        put(id, "text/html", HTML, "\"5\"", null).statusCode(200).body("transcript.format", is("html"));
        put(id, "application/octet-stream", VTT, "\"6\"", "vtt").statusCode(200)
                .body("transcript.format", is("vtt")).body("version", is(7));
        // The rest of the episode is untouched.
        given().get("/api/episodes/" + id).then().statusCode(200)
                .body("title", is("Episode tx-formats")).body("durationText", is("1h 18m"))
                .body("showNotes", is("Chapters:00:00 - Intro02:13 - Next"));

        List<EpisodeEvent> events = Catalog.events(Catalog.records(id, 7, Duration.ofSeconds(30)));
        assertThat(events).hasSize(7);
        EpisodeEvent last = events.get(6);
        assertThat(last.episodeVersion()).isEqualTo(7);
        assertThat(last.episode().transcript().format()).isEqualTo("vtt");
        assertThat(last.episode().transcript().body()).isEqualTo(VTT);
        assertThat(events.get(0).episode().transcript()).isNull();
        assertThat(events.get(2).episode().transcript().format()).isEqualTo("srt");

        given().auth().oauth2(Catalog.token(Roles.EDITOR)).header("If-Match", "\"7\"")
                .delete("/api/episodes/" + id + "/transcript").then().statusCode(200)
                .body("version", is(8)).body("transcript", nullValue());
        given().get("/api/episodes/" + id + "/transcript").then().statusCode(404);
        List<EpisodeEvent> after = Catalog.events(Catalog.records(id, 8, Duration.ofSeconds(30)));
        assertThat(after.get(after.size() - 1).episode().transcript()).isNull();
    }

    @Test
    void unreadableFileIsRefusedNamingTheFirstBadLine() {
        String id = episode("tx-bad");
        put(id, "application/x-subrip", "hello\nthis is\nnot a subtitle file\n", "\"1\"", null).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", containsString("unreadable-transcript"))
                .body("line", is(1))
                .body("detail", containsString("Line 1"));
        put(id, "text/vtt", "WEBVTT\n\nthis is no timing\nwords\n\nnor this\n", "\"1\"", null).statusCode(400)
                .contentType(PROBLEM_JSON).body("line", greaterThan(0));
        put(id, "application/json", "{\"segments\": [", "\"1\"", null).statusCode(400).contentType(PROBLEM_JSON);
        put(id, "text/vtt", "   ", "\"1\"", null).statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(Catalog.token(Roles.EDITOR)).header("If-Match", "\"1\"").contentType("text/vtt")
                .body(new byte[]{'W', 'E', 'B', (byte) 0xC3, (byte) 0x28})
                .put("/api/episodes/" + id + "/transcript").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", containsString("unreadable-encoding"));
        // Nothing was stored: the episode is still at version 1.
        given().get("/api/episodes/" + id).then().body("version", is(1)).body("transcript", nullValue());
    }

    @Test
    void limitsTypesAuthAndVersions() {
        String id = episode("tx-limits");
        String big = VTT + "\n" + "NOTE " + "x".repeat(TranscriptFiles.UPLOAD_MAX_BYTES) + "\n";
        put(id, "text/vtt", big, "\"1\"", null).statusCode(413).contentType(PROBLEM_JSON)
                .body("limitBytes", is(TranscriptFiles.UPLOAD_MAX_BYTES));
        put(id, "image/png", VTT, "\"1\"", null).statusCode(415).contentType(PROBLEM_JSON);
        put(id, "text/vtt", VTT, "\"1\"", "docx").statusCode(400).contentType(PROBLEM_JSON);
        put(id, "text/vtt", VTT, null, null).statusCode(428).contentType(PROBLEM_JSON);
        put(id, "text/vtt", VTT, "\"9\"", null).statusCode(412).contentType(PROBLEM_JSON);
        given().contentType("text/vtt").header("If-Match", "\"1\"").body(VTT)
                .put("/api/episodes/" + id + "/transcript").then().statusCode(401);
        given().auth().oauth2(Catalog.token("listener")).contentType("text/vtt").header("If-Match", "\"1\"")
                .body(VTT).put("/api/episodes/" + id + "/transcript").then().statusCode(403);
        put("00000000-0000-0000-0000-000000000404", "text/vtt", VTT, "\"1\"", null).statusCode(404);
        given().get("/api/episodes/" + id).then().body("version", is(1));
        put(id, "text/vtt", VTT, "W/\"1\"", null).statusCode(200).body("version", is(2));
    }

    /** The lost update: every upload read version 1, so every one but the first to take the lock must get 412. */
    @Test
    void concurrentUploadsWithOneIfMatchLetExactlyOneThrough() throws Exception {
        String id = episode("tx-race");
        int uploads = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(uploads);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                String text = VTT + "\nNOTE upload " + i + "\n";
                answers.add(pool.submit(() -> {
                    start.await();
                    return put(id, "text/vtt", text, "\"1\"", null).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/episodes/" + id).then().body("version", is(2));
        List<EpisodeEvent> events = Catalog.events(Catalog.records(id, 2, Duration.ofSeconds(30)));
        assertThat(events).extracting(EpisodeEvent::episodeVersion).containsExactly(1L, 2L);
    }
}
