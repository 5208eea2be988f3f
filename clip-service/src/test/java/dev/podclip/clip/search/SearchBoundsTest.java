package dev.podclip.clip.search;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The candidate bounds: a query with more matches than a source's bound answers with the best-ranked candidates, a
 * chapter title still first, and a lower-bound total; a query under the bounds has its exact total; a phrase whose
 * words co-occur in more rows than the phrase scan bound reads only that many.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class SearchBoundsTest {

    static final UUID BROAD = UUID.randomUUID();
    /** More cues than the phrase scan reads, so more than the cue candidates too. */
    static final int CUES = SearchLimits.CUE_PHRASE_SCAN_ROWS + 100;
    /** Every cue says "capybara" and "habits" apart; these say "capybara" three times (they rank higher) ... */
    static final int TRIPLE_EVERY = 50;
    static final int TRIPLE_AT = 7;
    /** ... these say "capybara habits" (the phrase) ... */
    static final int PHRASE_EVERY = 500;
    static final int PHRASE_AT = 3;
    /** ... these say "wallaby" (under every bound), and one says "okapi". */
    static final int WALLABY_EVERY = 100;
    static final int WALLABY_AT = 11;
    static final int OKAPI_AT = 10;
    static final long CUE_EVERY_MS = 150;
    static final String CHAPTERS = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Cold open\"},"
            + "{\"startTime\":300,\"title\":\"Capybara habits\"}]}";

    private static boolean loaded;

    @BeforeEach
    void episode() {
        if (loaded) {
            return;
        }
        loaded = true;
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < CUES; i++) {
            long start = i * CUE_EVERY_MS;
            vtt.append(time(start)).append(" --> ").append(time(start + CUE_EVERY_MS - 50)).append('\n')
                    .append(text(i)).append("\n\n");
        }
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(BROAD, 1, "Rodents at length", null, CHAPTERS,
                TranscriptFixtures.transcript("vtt", vtt.toString())));
    }

    static String text(int i) {
        String text = i % TRIPLE_EVERY == TRIPLE_AT ? "capybara capybara capybara then some old habits"
                : i % PHRASE_EVERY == PHRASE_AT ? "capybara habits are calm ones"
                : "the capybara sat near some old habits";
        if (i % WALLABY_EVERY == WALLABY_AT) {
            text += " and a wallaby";
        }
        return i == OKAPI_AT ? text + " and an okapi" : text;
    }

    static String time(long ms) {
        return String.format("%02d:%02d.%03d", ms / 60_000, ms / 1000 % 60, ms % 1000);
    }

    @Test
    void pastTheCueBoundTheTitleStillLeadsTheBestCandidatesFollowAndTheTotalIsALowerBound() {
        JsonPath json = given().queryParam("q", "capybara").queryParam("size", 11).get("/api/search").then()
                .statusCode(200).body("totalRelation", is("gte")).extract().jsonPath();
        // Cues count up to their bound, the one title on top of that: a lower bound of the CUES + 1 matches.
        assertThat(json.getLong("total")).isEqualTo(SearchLimits.CUE_CANDIDATES + 1L);
        assertThat(json.getString("items[0].kind")).isEqualTo("chapter");
        assertThat(json.getString("items[0].chapter.title")).isEqualTo("Capybara habits");
        // Then the three-times cues, which outrank every single mention.
        List<Integer> starts = json.getList("items.startMs", Integer.class);
        for (int h = 1; h < starts.size(); h++) {
            assertThat(starts.get(h) / CUE_EVERY_MS % TRIPLE_EVERY).as("hit %d", h).isEqualTo(TRIPLE_AT);
            assertThat(json.getDouble("items[" + h + "].rank")).isLessThanOrEqualTo(json.getDouble("items[0].rank"));
        }
        // Paging works through the candidates as before, to the end of the result window.
        given().queryParam("q", "capybara").queryParam("size", SearchLimits.MAX_PAGE_SIZE)
                .queryParam("page", SearchLimits.MAX_RESULT_WINDOW / SearchLimits.MAX_PAGE_SIZE - 1)
                .get("/api/search").then().statusCode(200).body("items.size()", is(SearchLimits.MAX_PAGE_SIZE))
                .body("totalRelation", is("gte"));
    }

    @Test
    void underTheBoundsTheTotalIsExact() {
        int wallabies = (CUES - 1 - WALLABY_AT) / WALLABY_EVERY + 1;
        JsonPath json = given().queryParam("q", "wallaby").queryParam("size", SearchLimits.MAX_PAGE_SIZE)
                .get("/api/search").then().statusCode(200).body("totalRelation", is("eq"))
                .body("total", is(wallabies)).extract().jsonPath();
        assertThat(json.getList("items")).hasSize(wallabies);
        given().queryParam("q", "okapi").get("/api/search").then().statusCode(200)
                .body("total", is(1)).body("totalRelation", is("eq"))
                .body("items[0].startMs", is((int) (OKAPI_AT * CUE_EVERY_MS)));
        // A page past the end still says how many there are.
        given().queryParam("q", "okapi").queryParam("page", 3).get("/api/search").then().statusCode(200)
                .body("items.size()", is(0)).body("total", is(1)).body("totalRelation", is("eq"));
    }

    @Test
    void aPhraseReadsAtMostThePhraseScanBoundOfRowsHoldingItsWords() {
        // All cues hold both words; the phrase is in every 500th. Only the first CUE_PHRASE_SCAN_ROWS rows are
        // checked, so at most the phrases among them are found, and the total says it may be more.
        int phrasesInScan = (SearchLimits.CUE_PHRASE_SCAN_ROWS - 1 - PHRASE_AT) / PHRASE_EVERY + 1;
        JsonPath json = given().queryParam("q", "\"capybara habits\"").queryParam("size", SearchLimits.MAX_PAGE_SIZE)
                .get("/api/search").then().statusCode(200).body("totalRelation", is("gte")).extract().jsonPath();
        List<String> kinds = json.getList("items.kind", String.class);
        assertThat(kinds).hasSize(json.getInt("total"));
        assertThat(kinds.get(0)).isEqualTo("chapter");
        assertThat(kinds.subList(1, kinds.size())).containsOnly("transcript").hasSizeLessThanOrEqualTo(phrasesInScan)
                .hasSizeGreaterThan(0);
        for (int h = 1; h < kinds.size(); h++) {
            assertThat(json.getString("items[" + h + "].snippetHtml"))
                    .contains("<mark>capybara</mark> <mark>habits</mark>");
        }
        // The same words unquoted match every cue: bounded like any broad query.
        given().queryParam("q", "capybara habits").get("/api/search").then().statusCode(200)
                .body("totalRelation", is("gte")).body("total", is(SearchLimits.CUE_CANDIDATES + 1));
    }

    @Test
    void phrasesAreLoosenedOnlyWhenThatFindsASuperset() {
        assertThat(SearchService.phraseFree("\"query planner\" tips")).isEqualTo(" query planner  tips");
        assertThat(SearchService.phraseFree("write-ahead \"log file\"")).isEqualTo("write-ahead  log file ");
        assertThat(SearchService.phraseFree("planner")).isNull();
        // A NOT: dropping the quotes would exclude rows the phrase query keeps.
        assertThat(SearchService.phraseFree("-\"query planner\"")).isNull();
        assertThat(SearchService.phraseFree("index -\"query planner\"")).isNull();
        assertThat(SearchService.phraseFree("\"query planner\" -index")).isNull();
    }
}
