package dev.podclip.clip.clips;

import dev.podclip.support.auth.Roles;
import dev.podclip.clip.TopicsResource;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class ClipsApiTest {

    @Inject
    ReadModelRows rows;

    UUID episode;

    @BeforeEach
    void episode() {
        episode = rows.newEpisode("Indexes, part 1");
    }

    private ValidatableResponse post(String token, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post("/api/clips").then();
    }

    private void assertReason(Map<String, Object> body, String reason) {
        post(ClipTestSupport.editor(), body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-clip"))
                .body("reason", is(reason));
    }

    @Test
    void creatingNeedsAnEditorOrAdmin() {
        Map<String, Object> body = Map.of("episodeId", episode.toString(), "startMs", 773_000, "endMs", 1_347_000);
        post(null, body).statusCode(401).contentType("application/problem+json");
        post("not-a-token", body).statusCode(401);
        post(ClipTestSupport.token("listener"), body).statusCode(403).contentType("application/problem+json");
        post(ClipTestSupport.token(Roles.ADMIN), body).statusCode(201);
        post(ClipTestSupport.editor(), body).statusCode(201);
    }

    @Test
    void createsAClipFromMilliseconds() {
        String location = post(ClipTestSupport.editor(), Map.of("episodeId", episode.toString(),
                "startMs", 773_000, "endMs", 1_347_000, "title", "Covering indexes, explained"))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern("[0-9A-Za-z]{11}"))
                .body("episodeId", is(episode.toString()))
                .body("episodeVersion", is(1))
                .body("title", is("Covering indexes, explained"))
                .body("startMs", is(773_000))
                .body("endMs", is(1_347_000))
                .body("durationMs", is(574_000))
                .body("start", is("12:53"))
                .body("end", is("22:27"))
                .body("chapters", hasSize(1))
                .body("chapters[0].index", is(2))
                .body("chapters[0].title", is("Covering indexes"))
                .body("chapters[0].startMs", is(773_000))
                .body("chapters[0].endMs", is(1_347_000))
                .body("chapters[0].overlapMs", is(574_000))
                .body("mediaUrl", is(ReadModelRows.AUDIO_URL + "#t=773,1347"))
                .body("youtubeUrl", is("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=773"))
                .body("soundbite", is("<podcast:soundbite startTime=\"773\" duration=\"574\">Covering indexes, "
                        + "explained</podcast:soundbite>"))
                .body("shareUrl", startsWith("http://127.0.0.1:8082/c/"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).isEqualTo("http://127.0.0.1:8082/c/" + id);
        given().accept(ContentType.JSON).get("/c/" + id).then()
                .statusCode(200)
                .body("id", is(id))
                .body("title", is("Covering indexes, explained"))
                .body("startMs", is(773_000));
    }

    @Test
    void createsAClipFromTextAndSpansChapters() {
        post(ClipTestSupport.editor(), Map.of("episodeId", episode.toString(), "start", "0:30", "end", "1:00:01.5"))
                .statusCode(201)
                .body("startMs", is(30_000))
                .body("endMs", is(3_601_500))
                .body("title", nullValue())
                .body("mediaUrl", endsWith("#t=30,3601.5"))
                .body("chapters.index", equalTo(java.util.List.of(0, 1, 2, 3)))
                .body("chapters[0].overlapStartMs", is(30_000))
                .body("chapters[0].overlapMs", is(30_000))
                .body("chapters[3].overlapEndMs", is(3_601_500));
    }

    @Test
    void createsAClipFromAChapterByIndexOrTitle() {
        post(ClipTestSupport.editor(), Map.of("episodeId", episode.toString(), "chapter", 1))
                .statusCode(201)
                .body("startMs", is(60_000))
                .body("endMs", is(773_000))
                .body("title", is("Indexes"));
        post(ClipTestSupport.editor(), Map.of("episodeId", episode.toString(), "chapter", "wrap up",
                "title", "The end"))
                .statusCode(201)
                .body("startMs", is(1_347_000))
                .body("endMs", is(4_680_000))
                .body("title", is("The end"));
    }

    @Test
    void everyRuleHasANamedReason() {
        String id = episode.toString();
        assertReason(Map.of("startMs", 0, "endMs", 5_000), ClipProblems.MISSING_EPISODE);
        assertReason(Map.of("episodeId", id, "startMs", 0), ClipProblems.MISSING_RANGE);
        assertReason(Map.of("episodeId", id, "startMs", 0, "endMs", 5_000, "chapter", 1),
                ClipProblems.AMBIGUOUS_RANGE);
        assertReason(Map.of("episodeId", id, "start", "12:60", "end", "22:27"), ClipProblems.UNREADABLE_TIME);
        assertReason(Map.of("episodeId", id, "startMs", -5, "endMs", 5_000), ClipProblems.NEGATIVE_START);
        assertReason(Map.of("episodeId", id, "startMs", 5_000, "endMs", 5_000), ClipProblems.START_NOT_BEFORE_END);
        assertReason(Map.of("episodeId", id, "start", "22:27", "end", "12:53"), ClipProblems.START_NOT_BEFORE_END);
        assertReason(Map.of("episodeId", id, "startMs", 4_700_000, "endMs", 4_740_001),
                ClipProblems.PAST_EPISODE_END);
        assertReason(Map.of("episodeId", id, "startMs", 5_000, "endMs", 5_500), ClipProblems.TOO_SHORT);
        assertReason(Map.of("episodeId", id, "startMs", 0, "endMs", 3_600_001), ClipProblems.TOO_LONG);
        assertReason(Map.of("episodeId", id, "chapter", 9), ClipProblems.UNKNOWN_CHAPTER);
        assertReason(Map.of("episodeId", id, "chapter", "no such chapter"), ClipProblems.UNKNOWN_CHAPTER);
        assertReason(Map.of("episodeId", id, "chapter", "dex"), ClipProblems.AMBIGUOUS_CHAPTER);
        assertReason(Map.of("episodeId", id, "startMs", 0, "endMs", 5_000, "title", "x".repeat(201)),
                ClipProblems.TITLE_TOO_LONG);
        // Inside the stated "1h 18m" plus its minute of rounding: accepted.
        post(ClipTestSupport.editor(), Map.of("episodeId", id, "startMs", 4_700_000, "endMs", 4_740_000))
                .statusCode(201);
    }

    @Test
    void unknownAndDeletedEpisodes() {
        post(ClipTestSupport.editor(), Map.of("episodeId", UUID.randomUUID().toString(), "startMs", 0,
                "endMs", 5_000)).statusCode(404).contentType("application/problem+json");
        rows.delete(episode, 2);
        post(ClipTestSupport.editor(), Map.of("episodeId", episode.toString(), "startMs", 0, "endMs", 5_000))
                .statusCode(410).contentType("application/problem+json").body("type", endsWith("/episode-deleted"));
    }

    @Test
    void pingForTheBenchmark() {
        given().get("/api/ping").then().statusCode(200).contentType(ContentType.TEXT).body(is("ok"));
    }
}
