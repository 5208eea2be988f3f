package dev.podclip.clip.search;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** Search over transcripts, chapter titles and notes: ranking, snippets, paging limits, share links. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class SearchApiTest {

    static final UUID FIRST = UUID.randomUUID();
    static final UUID SECOND = UUID.randomUUID();
    static final String CHAPTERS = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Hello\"},"
            + "{\"startTime\":60,\"title\":\"Quokkas explained\"}]}";
    static final String VTT_FIRST = """
            WEBVTT

            00:05.000 --> 00:09.000
            <v Aaron>We talk about the quokka &lt;b&gt;today&lt;/b&gt; &amp; more.

            01:10.000 --> 01:15.000
            <v Preston>A quokka is a small marsupial; quokkas smile.

            02:00.000 --> 02:05.000
            Nothing to see here about lighthouses.
            """;
    static final String VTT_SECOND = """
            WEBVTT

            09:50.000 --> 09:55.000
            The last quokka mention, right at the end.
            """;

    private static boolean loaded;

    /** Once per class (RestAssured's port is set only around test methods). */
    @BeforeEach
    void episodes() {
        if (loaded) {
            return;
        }
        loaded = true;
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(FIRST, 1, "Marsupials & <friends>",
                "Notes: we mention lighthouses and a quokka once.", CHAPTERS,
                TranscriptFixtures.transcript("vtt", VTT_FIRST)));
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(SECOND, 1, "Second", null, null,
                TranscriptFixtures.transcript("vtt", VTT_SECOND)));
    }

    @Test
    void rankedHitsNameEpisodeChapterTimeAndCarryShareLinks() {
        JsonPath json = given().queryParam("q", "quokka").get("/api/search").then().statusCode(200)
                .body("query", is("quokka")).body("total", is(5)).body("totalRelation", is("eq")).extract().jsonPath();
        // The chapter title (weight A) outranks every passing mention.
        assertThat(json.getString("items[0].kind")).isEqualTo("chapter");
        assertThat(json.getString("items[0].chapter.title")).isEqualTo("Quokkas explained");
        assertThat(json.getLong("items[0].startMs")).isEqualTo(60_000L);
        List<Double> ranks = json.getList("items.rank", Double.class);
        for (int i = 1; i < ranks.size(); i++) {
            assertThat(ranks.get(i)).isLessThanOrEqualTo(ranks.get(i - 1));
        }
        assertThat(json.getList("items.kind", String.class)).contains("transcript", "notes", "chapter");

        Integer marsupial = json.getList("items.startMs", Integer.class).indexOf(70_000);
        assertThat(marsupial).isNotNegative();
        String path = "items[" + marsupial + "].";
        assertThat(json.getString(path + "episode.id")).isEqualTo(FIRST.toString());
        assertThat(json.getString(path + "episode.title")).isEqualTo("Marsupials & <friends>");
        assertThat(json.getInt(path + "chapter.index")).isEqualTo(1);
        assertThat(json.getString(path + "snippetHtml")).contains("<mark>quokka</mark>")
                .contains("<mark>quokkas</mark>");
        assertThat(json.getString(path + "shareUrl")).endsWith("/e/" + FIRST + "?t=60,100");
        assertThat(json.getString(path + "pageUrl")).endsWith("/episodes/" + FIRST + "?t=70");

        // Only <mark> is markup: ts_headline drops tag-like text, the rest is escaped.
        int first = json.getList("items.startMs", Integer.class).indexOf(5_000);
        assertThat(json.getString("items[" + first + "].snippetHtml"))
                .contains("today").contains("&amp; more").contains("<mark>quokka</mark>")
                .doesNotContain("<b>");
        assertThat(json.getString("items[" + first + "].snippet")).contains("& more");
        assertThat(json.getString("items[" + first + "].shareUrl")).endsWith("?t=0,35");

        // Near the end of a 10-minute episode: the window is clamped to it.
        int last = json.getList("items.episode.id", String.class).indexOf(SECOND.toString());
        assertThat(json.getString("items[" + last + "].shareUrl")).endsWith("/e/" + SECOND + "?t=580,600");
        assertThat(json.getString("items[" + last + "].chapter")).isNull();
    }

    @Test
    void websearchSyntaxAndPaging() {
        given().queryParam("q", "\"small marsupial\"").get("/api/search").then().statusCode(200)
                .body("total", is(1)).body("items[0].startMs", is(70_000));
        given().queryParam("q", "lighthouses -quokka").get("/api/search").then().statusCode(200)
                .body("total", is(1)).body("items[0].kind", is("transcript"));
        List<String> all = given().queryParam("q", "quokka").queryParam("size", 50).get("/api/search")
                .then().statusCode(200).extract().jsonPath().getList("items.startMs", String.class);
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(given().queryParam("q", "quokka").queryParam("size", 2).queryParam("page", page)
                    .get("/api/search").then().statusCode(200).body("total", is(5)).body("size", is(2))
                    .extract().jsonPath().getList("items.startMs", String.class));
        }
        assertThat(paged).isEqualTo(all);
        given().queryParam("q", "quokka").queryParam("size", 2).queryParam("page", 9).get("/api/search")
                .then().statusCode(200).body("items.size()", is(0)).body("total", is(5))
                .body("totalRelation", is("eq"));
        given().queryParam("q", "the and of").get("/api/search").then().statusCode(200).body("total", is(0));
    }

    @Test
    void refusalsAreProblems() {
        given().get("/api/search").then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://podclip.dev/problems/validation")).body("errors[0].field", is("q"));
        given().queryParam("q", " ").get("/api/search").then().statusCode(400);
        given().queryParam("q", "x".repeat(SearchLimits.QUERY_MAX_CHARS + 1)).get("/api/search").then()
                .statusCode(400).body("limitChars", is(SearchLimits.QUERY_MAX_CHARS));
        given().queryParam("q", "quokka").queryParam("size", SearchLimits.MAX_PAGE_SIZE + 1).get("/api/search")
                .then().statusCode(400).body("errors[0].field", is("size"));
        given().queryParam("q", "quokka").queryParam("size", 0).get("/api/search").then().statusCode(400);
        given().queryParam("q", "quokka").queryParam("page", -1).get("/api/search").then().statusCode(400);
        given().queryParam("q", "quokka").queryParam("size", 50).queryParam("page", 10).get("/api/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("first " + SearchLimits.MAX_RESULT_WINDOW));
    }

    @Test
    void deletedEpisodesAreNotFound() {
        UUID gone = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(gone, 1, "Gone soon", null, null,
                TranscriptFixtures.transcript("vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nwombatlike creatures\n")));
        given().queryParam("q", "wombatlike").get("/api/search").then().statusCode(200).body("total", is(1));
        TranscriptFixtures.send(EpisodeEvent.deleted(UUID.randomUUID(), Instant.now(), gone, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("q", "wombatlike")
                .get("/api/search").then().extract().jsonPath().getInt("total") == 0);
    }

    /** Search answers repeated queries from its cache (SearchCache): a change must reach it on every page. */
    @Test
    void aPageCachedBeforeAnEpisodeArrivesGivesWayToIt() {
        given().queryParam("q", "numbatesque").get("/api/search").then().statusCode(200).body("total", is(0));
        given().queryParam("q", "numbatesque").get("/api/search").then().statusCode(200).body("total", is(0));
        String vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nnumbatesque habits\n";
        TranscriptFixtures.send(TranscriptFixtures.upsert(TranscriptFixtures.snapshot(UUID.randomUUID(), 1,
                "Arrives later", null, null, TranscriptFixtures.transcript("vtt", vtt))));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("q", "numbatesque")
                .get("/api/search").then().extract().jsonPath().getInt("total") == 1);
    }
}
