package dev.podclip.clip;

import dev.podclip.clip.db.TestSql;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.notNullValue;

/** {@code POST /admin/rebuild}: admin only, restores the read model from the topic. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class RebuildTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    TestSql sql;

    @Test
    void rebuildNeedsTheAdminRole() {
        given().post("/admin/rebuild").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Fixtures.token("editor")).post("/admin/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Fixtures.token("admin")).get("/admin/rebuild/{id}", UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void rebuildRestoresLostRows() {
        UUID id = UUID.randomUUID();
        Fixtures.send(Fixtures.upsert(id, 1, "One"));
        Fixtures.send(Fixtures.upsert(id, 2, "Two", Fixtures.NOTES_V2, null));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/episodes/{id}/chapters", id).then()
                .statusCode(200).body("version", is(2)));

        // Lose the episode (and mangle nothing else): the log still says its events were applied.
        sql.run("DELETE FROM clip_episode WHERE episode_id = ?1", id);
        given().get("/api/episodes/{id}/chapters", id).then().statusCode(404);

        String admin = Fixtures.token("admin");
        String location = given().auth().oauth2(admin).post("/admin/rebuild").then().statusCode(202)
                .header("Location", notNullValue())
                .body("state", is("running"))
                .body("requestedBy", is("tester"))
                .extract().header("Location");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin).get(location).then().statusCode(200)
                .body("state", oneOf("succeeded", "succeeded-with-skips"))
                .body("eventsApplied", greaterThanOrEqualTo(2))
                .body("eventsPerSecond", notNullValue()));
        given().get("/api/episodes/{id}/chapters", id).then().statusCode(200)
                .body("version", is(2))
                .body("title", is("Two"))
                .body("chapters.title", contains("Intro", "The real start", "Questions"));
    }

    @Test
    void rebuildRewritesOnlyWhatDiffersFromTheCurrentRules() {
        UUID untouched = UUID.randomUUID();
        UUID mangledChapter = UUID.randomUUID();
        UUID mangledSearchText = UUID.randomUUID();
        for (UUID id : new UUID[]{untouched, mangledChapter, mangledSearchText}) {
            Fixtures.send(Fixtures.upsert(id, 1, "Episode " + id));
        }
        for (UUID id : new UUID[]{untouched, mangledChapter, mangledSearchText}) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/episodes/{id}/chapters", id).then()
                    .statusCode(200));
        }
        sql.run("UPDATE clip_chapter SET title = 'mangled' WHERE episode_id = ?1 AND idx = 1", mangledChapter);
        sql.run("UPDATE clip_search_doc SET body = 'mangled' WHERE episode_id = ?1 AND kind = 'notes'",
                mangledSearchText);
        String untouchedRowsBefore = rowVersions(untouched);

        rebuildAndWait();

        given().get("/api/episodes/{id}/chapters", mangledChapter).then().statusCode(200)
                .body("chapters[1].title", is("How it started"));
        String notes = (String) sql.value("SELECT body FROM clip_search_doc WHERE episode_id = ?1 AND kind = 'notes'",
                mangledSearchText);
        org.junit.jupiter.api.Assertions.assertTrue(notes.startsWith("In this episode Aaron talks shop"), notes);
        // Same physical row versions: the rebuild compared, found nothing to change, and wrote nothing there.
        org.junit.jupiter.api.Assertions.assertEquals(untouchedRowsBefore, rowVersions(untouched));
    }

    /** The xmin of every chapter, warning and search row of the episode: changes whenever a row is rewritten. */
    private String rowVersions(UUID id) {
        return String.valueOf(sql.value("""
                        SELECT string_agg(x, ',' ORDER BY x) FROM (
                          SELECT 'c' || idx || ':' || xmin::text AS x FROM clip_chapter WHERE episode_id = ?1
                          UNION ALL SELECT 'w' || position || ':' || xmin::text FROM clip_chapter_warning
                                    WHERE episode_id = ?1
                          UNION ALL SELECT 's' || kind || position || ':' || xmin::text FROM clip_search_doc
                                    WHERE episode_id = ?1) r""", id));
    }

    private void rebuildAndWait() {
        String admin = Fixtures.token("admin");
        String location = given().auth().oauth2(admin).post("/admin/rebuild").then().statusCode(202)
                .extract().header("Location");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin).get(location).then().statusCode(200)
                .body("state", oneOf("succeeded", "succeeded-with-skips")));
    }

    /** Records that cannot be read are not silently passed over: the rebuild names them with their reasons. */
    @Test
    void rebuildReportsWhatItSkipped() {
        String key = UUID.randomUUID().toString();
        Fixtures.sendRaw(key, Fixtures.utf8("{not json"));
        String admin = Fixtures.token("admin");
        String location = given().auth().oauth2(admin).post("/admin/rebuild").then().statusCode(202)
                .extract().header("Location");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin).get(location).then().statusCode(200)
                .body("state", is("succeeded-with-skips"))
                .body("recordsSkipped", greaterThanOrEqualTo(1))
                .body("skipped.reason", hasItem(containsString("not an episode event"))));
    }
}
