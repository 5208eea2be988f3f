package dev.podclip.clip;

import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Preview, chapter file formats and the episode list. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class ApiTest {

    @jakarta.inject.Inject
    dev.podclip.clip.db.TestSql sql;

    /** The JDBC options of application.properties reach PostgreSQL: no JIT, no parallel plans (see there why). */
    @Test
    void sessionsRunWithoutJitOrParallelPlans() {
        Object settings = sql.value("SELECT current_setting('jit') || ','"
                + " || current_setting('max_parallel_workers_per_gather')");
        assertThat(settings).isEqualTo("off,0");
    }

    @Test
    void previewComputesChaptersAndStoresNothing() {
        given().contentType(ContentType.JSON)
                .body(Map.of("notes", Fixtures.NOTES, "duration", "49 min"))
                .post("/api/chapters/preview").then().statusCode(200)
                .body("source", is("notes"))
                .body("durationMs", is((int) Fixtures.FORTY_NINE_MINUTES_MS))
                .body("chapters.title", contains("Intro", "How it started", "The deep dive", "Wrapping up"))
                .body("chapters[3].endMs", is((int) Fixtures.FORTY_NINE_MINUTES_MS));
        given().contentType(ContentType.JSON)
                .body(Map.of("notes", Fixtures.NOTES, "duration", 2940, "chaptersJson", Fixtures.EXPLICIT))
                .post("/api/chapters/preview").then().statusCode(200)
                .body("source", is("explicit"))
                .body("chapters.title", contains("Cold open", "Main part", "Outro"));
    }

    @Test
    void previewRefusesBadInputAsProblems() {
        given().contentType(ContentType.JSON).body(Map.of("notes", "00:00 Intro", "duration", "forever"))
                .post("/api/chapters/preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://podclip.dev/problems/validation"))
                .body("errors.field", hasItem("duration"));
        given().contentType(ContentType.JSON).body(Map.of("duration", "49 min"))
                .post("/api/chapters/preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("notes"));
        given().contentType(ContentType.JSON).body(Map.of("notes", 42))
                .post("/api/chapters/preview").then().statusCode(400)
                .body("errors.field", hasItem("notes"));
        given().contentType(ContentType.JSON).body("{not json")
                .post("/api/chapters/preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://podclip.dev/problems/unreadable-body"));
        given().contentType(ContentType.JSON).body(Map.of("notes", "x".repeat(5000)))
                .post("/api/chapters/preview").then().statusCode(413)
                .contentType("application/problem+json")
                .body("limitBytes", is(4096));
    }

    @Test
    void chapterFilesInTheirFormats() {
        UUID id = UUID.randomUUID();
        Fixtures.send(Fixtures.upsert(id, 1, "Formats"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/episodes/{id}/chapters", id).then().statusCode(200));

        String json = given().get("/api/episodes/{id}/chapters.json", id).then().statusCode(200)
                .contentType(startsWith("application/json+chapters"))
                .extract().asString();
        JsonPath file = JsonPath.from(json);
        assertThat(file.getString("version")).isEqualTo("1.2.0");
        assertThat(file.getList("chapters.title", String.class))
                .containsExactly("Intro", "How it started", "The deep dive", "Wrapping up");
        assertThat(file.getList("chapters.startTime", Number.class).get(1).doubleValue()).isEqualTo(70.0);

        String vtt = given().get("/api/episodes/{id}/chapters.vtt", id).then().statusCode(200)
                .contentType(startsWith("text/vtt")).extract().asString();
        assertThat(vtt).startsWith("WEBVTT").contains("-->").contains("How it started");

        String youtube = given().get("/api/episodes/{id}/chapters.txt", id).then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        assertThat(youtube).startsWith("0:00 Intro").contains("1:10 How it started").contains("35:00 Wrapping up");
    }

    @Test
    void episodeListIsPagedWithAHardLimit() {
        given().queryParam("page", 0).queryParam("size", 5).get("/api/episodes").then().statusCode(200)
                .body("page", is(0)).body("size", is(5));
        given().queryParam("size", 1000).get("/api/episodes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
        given().queryParam("page", -1).get("/api/episodes").then().statusCode(400);
        given().queryParam("page", "abc").get("/api/episodes").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"));
        given().queryParam("q", "sqlite").queryParam("size", "99999999999").get("/api/search").then()
                .statusCode(400).body("errors.field", hasItem("size"));
    }
}
