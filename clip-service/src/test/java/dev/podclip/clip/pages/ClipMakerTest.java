package dev.podclip.clip.pages;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clip maker form's endpoint {@code GET /episodes/{id}/clip}: 303 to the stateless share link for a valid range,
 * and for each invalid one the episode page with the form refilled (browsers) or the invalid-clip problem (JSON).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class ClipMakerTest {

    static final String BASE = "http://127.0.0.1:8082";

    /** Ten minutes ("10 min": a minute of slack), chapters 0–1:00, 1:00–5:00, 5:00–10:00. */
    static UUID tenMinutes() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Clips", null,
                TranscriptFixtures.CHAPTERS_V1, null));
        return id;
    }

    @Test
    void validRangesAndChaptersAreSentToTheirShareLinkWhichOpens() {
        UUID id = tenMinutes();
        Map<String, String> expected = Map.of(
                "start=1:00&end=2:30", "t=60,150",
                "start=61.5&end=90", "t=61.5,90",
                "start=0:01:00&end=0:02:00.250", "t=60,120.25",
                "start=0:30&end=1:00&chapter=", "t=30,60",
                "chapter=1", "t=60,300",
                "chapter=2&start=&end=", "t=300,600");
        expected.forEach((query, t) -> {
            Response r = given().redirects().follow(false).get("/episodes/" + id + "/clip?" + query);
            assertThat(r.statusCode()).as(query).isEqualTo(303);
            assertThat(r.header("Location")).as(query).isEqualTo(BASE + "/e/" + id + "?" + t);
            // The link is valid for the share page: the same rules decide both.
            given().accept("text/html").get(r.header("Location").substring(BASE.length())).then().statusCode(200);
        });
    }

    @Test
    void invalidRangesAreThePageWithTheFormRefilledOrAProblem() {
        UUID id = tenMinutes();
        UUID longOne = UUID.randomUUID();
        // Two hours; its first chapter lasts 70 minutes, more than a clip may (one hour).
        TranscriptFixtures.sendAndAwait(new EpisodeSnapshot(longOne, 1, "guid-" + longOne, "long-" + longOne,
                "Long", null, Instant.parse("2026-11-01T10:00:00Z"), "2:00:00", 7_200_000L,
                "https://cdn.example.com/long.mp3", null, null, "{\"version\":\"1.2.0\",\"chapters\":["
                + "{\"startTime\":0,\"title\":\"Long one\"},{\"startTime\":4200,\"title\":\"B\"},"
                + "{\"startTime\":5000,\"title\":\"C\"}]}", TranscriptFixtures.SHOW, null));
        record Case(UUID episode, String query, String reason, String words, String start, String end) {
        }
        for (Case c : new Case[]{
                new Case(id, "start=2:00&end=1:00", "start-not-before-end", "The end must come after the start.",
                        "2:00", "1:00"),
                new Case(id, "start=3:00&end=3:00", "start-not-before-end", "The end must come after the start.",
                        "3:00", "3:00"),
                new Case(id, "start=9:00&end=20:00", "past-episode-end", "The clip ends after the episode does.",
                        "9:00", "20:00"),
                new Case(longOne, "start=0:10:00&end=1:30:00", "too-long", "A clip lasts at most 1:00:00.",
                        "0:10:00", "1:30:00"),
                new Case(id, "start=1:00&end=1:00.5", "too-short", "A clip lasts at least 1 s.", "1:00", "1:00.5"),
                new Case(id, "start=abc&end=1:00", "unreadable-time", "The start is not a time",
                        "abc", "1:00"),
                new Case(id, "start=1:00&end=1:75", "unreadable-time", "The end is not a time", "1:00", "1:75"),
                new Case(id, "start=&end=1:00", "missing-range", "Give both a start and an end", "", "1:00"),
                new Case(id, "chapter=7", "unknown-chapter", "There is no such chapter.", "", ""),
                new Case(id, "chapter=-1", "unknown-chapter", "There is no such chapter.", "", ""),
                new Case(id, "chapter=two", "unknown-chapter", "There is no such chapter.", "", ""),
                new Case(id, "chapter=1&start=1:00&end=2:00", "ambiguous-range", "not both", "1:00", "2:00"),
                new Case(longOne, "chapter=0", "too-long", "A clip lasts at most 1:00:00.", "", "")}) {
            String path = "/episodes/" + c.episode() + "/clip?" + c.query();
            Response page = given().accept("text/html").redirects().follow(false).get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.header("Content-Security-Policy")).contains("form-action 'self'")
                    .doesNotContain("unsafe-inline");
            Document doc = Jsoup.parse(page.asString());
            assertThat(doc.selectFirst("#clip-error .form-error-words").text()).as(path).contains(c.words());
            assertThat(doc.selectFirst("#clip-start").val()).as(path).isEqualTo(c.start());
            assertThat(doc.selectFirst("#clip-end").val()).as(path).isEqualTo(c.end());
            assertThat(doc.selectFirst("form.clip-times").attr("action")).isEqualTo("/episodes/" + c.episode()
                    + "/clip");
            assertThat(doc.selectFirst("link[rel=canonical]").attr("href"))
                    .isEqualTo(BASE + "/episodes/" + c.episode());

            given().accept("application/json").redirects().follow(false).get(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("https://podclip.dev/problems/invalid-clip"))
                    .body("reason", org.hamcrest.Matchers.equalTo(c.reason()));
        }
        // The chapter picker keeps the chapter that was asked for.
        Document chapter = Jsoup.parse(given().get("/episodes/" + longOne + "/clip?chapter=0").then().statusCode(400)
                .extract().asString());
        assertThat(chapter.select("#clip-chapter option[selected]").eachAttr("value")).containsExactly("0");
    }

    @Test
    void whatWasTypedIsRefilledEscapedAndUnknownEpisodesAreNegotiated() {
        UUID id = tenMinutes();
        String typed = "\"><script>alert(1)</script>";
        Response page = given().accept("text/html").queryParam("start", typed).queryParam("end", "1:00")
                .get("/episodes/" + id + "/clip");
        assertThat(page.statusCode()).isEqualTo(400);
        Document doc = Jsoup.parse(page.asString());
        assertThat(doc.selectFirst("#clip-start").val()).isEqualTo(typed);
        assertThat(doc.selectFirst("#clip-error .form-error-detail").text()).contains(typed);
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("script").attr("src")).isEqualTo("/pages/episode.js");

        UUID unknown = UUID.randomUUID();
        Document missing = Jsoup.parse(given().accept("text/html").get("/episodes/" + unknown + "/clip?chapter=0")
                .then().statusCode(404).contentType("text/html").extract().asString());
        assertThat(missing.selectFirst("h1").text()).isEqualTo("Not found");
        given().accept("application/json").get("/episodes/" + unknown + "/clip?chapter=0").then().statusCode(404)
                .contentType("application/problem+json");
        given().accept("text/html").get("/episodes/not-a-uuid/clip?chapter=0").then().statusCode(404);
    }
}
