package dev.podclip.clip.browse;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.search.SearchLimits;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.podclip.clip.browse.BrowseFixtures.EVIL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The search page, parsed with jsoup: hits of /api/search grouped by episode, share links, paging, messages. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class SearchPageTest {

    static final String VTT = """
            WEBVTT

            00:00.000 --> 00:05.000
            <v Aaron>Welcome to quixotrance &lt;script&gt;alert("x")&lt;/script&gt; &amp; "quotes".

            01:40.000 --> 01:45.000
            <v Preston>More quixotrance here.
            """;

    @Test
    void hitsGroupedByEpisodeWithEscapedHighlightsAndShareLinks() {
        ShowSnapshot show = BrowseFixtures.show("Searched " + EVIL, null);
        EpisodeSnapshot one = BrowseFixtures.episode(show, "First " + EVIL, null,
                Instant.parse("2028-01-01T00:00:00Z"), TranscriptFixtures.transcript("vtt", VTT));
        EpisodeSnapshot two = BrowseFixtures.episode(show, "Second " + EVIL, "Notes about quixotrance " + EVIL,
                Instant.parse("2028-01-02T00:00:00Z"), null);
        TranscriptFixtures.sendAndAwait(one);
        TranscriptFixtures.sendAndAwait(two);

        Document doc = HomePageTest.page(given().accept("text/html").get("/search?q=quixotrance"), 200);
        assertThat(doc.title()).isEqualTo("Search: quixotrance · podclip");
        assertThat(doc.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(doc.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo("http://127.0.0.1:8082/search?q=quixotrance");
        assertThat(doc.selectFirst("main input[name=q]").attr("value")).isEqualTo("quixotrance");
        assertThat(doc.selectFirst("header input[name=q]").attr("value")).isEqualTo("quixotrance");
        assertThat(doc.selectFirst(".summary").text()).isEqualTo("Results 1–3 of 3");

        List<Element> groups = doc.select("section.result-episode");
        assertThat(groups).hasSize(2);
        Element first = groups.stream().filter(g -> g.selectFirst("h2 a").attr("href")
                .equals("/episodes/" + one.id())).findFirst().orElseThrow();
        assertThat(first.selectFirst("h2 a").text()).isEqualTo("First " + EVIL);
        List<Element> hits = first.select("li.hit");
        assertThat(hits).hasSize(2);
        assertThat(hits.stream().map(h -> h.selectFirst("a.share").attr("href")))
                .containsExactlyInAnyOrder("/e/" + one.id() + "?t=0,30", "/e/" + one.id() + "?t=90,130");
        Element welcome = hits.stream().filter(h -> h.selectFirst("a.share").attr("href").endsWith("t=0,30"))
                .findFirst().orElseThrow();
        assertThat(welcome.selectFirst("a.share").text()).isEqualTo("Share 0:00–0:30");
        assertThat(welcome.selectFirst(".kind").text()).isEqualTo("Transcript");
        assertThat(welcome.selectFirst("a.at").attr("href")).isEqualTo("/episodes/" + one.id() + "?t=0");
        assertThat(welcome.selectFirst(".chapter").text()).isEqualTo("Cold open");
        // The match is marked and the only markup in a snippet is <mark>; the text's quotes and ampersand are text
        // (the WebVTT reader drops the cue's tags before search sees it).
        Element snippet = welcome.selectFirst(".snippet");
        assertThat(snippet.select("mark").eachText()).containsExactly("quixotrance");
        assertThat(snippet.text()).contains("alert(\"x\")").contains("& \"quotes");
        assertThat(snippet.children().stream().map(Element::tagName)).containsOnly("mark");
        Element notes = groups.stream().filter(g -> g.selectFirst("h2 a").attr("href")
                .equals("/episodes/" + two.id())).findFirst().orElseThrow();
        assertThat(notes.selectFirst(".kind").text()).isEqualTo("Show notes");
        // Show notes keep their text as written: the script is shown, not run.
        assertThat(notes.selectFirst(".snippet").text()).contains("quixotrance");
        assertThat(notes.selectFirst(".snippet").children().stream().map(Element::tagName)).containsOnly("mark");
        assertThat(doc.outerHtml()).doesNotContain("<script>alert");
        assertThat(doc.select("nav.paging a")).isEmpty();

        // The hit's share link opens the share page of that range.
        Document share = Jsoup.parse(given().accept("text/html").get(welcome.selectFirst("a.share").attr("href"))
                .then().statusCode(200).extract().asString());
        assertThat(share.selectFirst(".range .start").text()).isEqualTo("0:00");
        assertThat(share.selectFirst(".range .end").text()).isEqualTo("0:30");
    }

    @Test
    void pagesOfTenWithPreviousAndNext() {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < 12; i++) {
            vtt.append(String.format("00:%02d.000 --> 00:%02d.500%nPagination marvelword number %d.%n%n", i * 4,
                    i * 4 + 1, i));
        }
        ShowSnapshot show = BrowseFixtures.show("Paging show", null);
        EpisodeSnapshot ep = BrowseFixtures.episode(show, "Many hits", null, Instant.parse("2028-02-01T00:00:00Z"),
                TranscriptFixtures.transcript("vtt", vtt.toString()));
        TranscriptFixtures.sendAndAwait(ep);

        Document first = HomePageTest.page(given().accept("text/html").get("/search?q=marvelword"), 200);
        assertThat(first.select("li.hit")).hasSize(BrowseLimits.SEARCH_PAGE_SIZE);
        assertThat(first.selectFirst(".summary").text()).isEqualTo("Results 1–10 of 12");
        assertThat(first.select("nav.paging a[rel=prev]")).isEmpty();
        assertThat(first.selectFirst("nav.paging a[rel=next]").attr("href")).isEqualTo("/search?q=marvelword&page=2");

        Document second = HomePageTest.page(given().accept("text/html").get("/search?q=marvelword&page=2"), 200);
        assertThat(second.select("li.hit")).hasSize(2);
        assertThat(second.selectFirst(".summary").text()).isEqualTo("Results 11–12 of 12");
        assertThat(second.selectFirst("nav.paging a[rel=prev]").attr("href")).isEqualTo("/search?q=marvelword");
        assertThat(second.select("nav.paging a[rel=next]")).isEmpty();
        assertThat(second.selectFirst("link[rel=canonical]").attr("href")).endsWith("/search?q=marvelword&page=2");

        Document past = HomePageTest.page(given().accept("text/html").get("/search?q=marvelword&page=3"), 200);
        assertThat(past.selectFirst(".message").text()).contains("past the last");
        assertThat(past.selectFirst("nav.paging a[rel=prev]").attr("href")).isEqualTo("/search?q=marvelword");
    }

    @Test
    void emptyTooLongAndFruitlessQueriesGetAMessageOnThePage() {
        for (String url : List.of("/search", "/search?q=", "/search?q=%20%20")) {
            Document empty = HomePageTest.page(given().urlEncodingEnabled(false).accept("text/html").get(url), 200);
            assertThat(empty.selectFirst(".message").text()).as(url).startsWith("Type a word");
            assertThat(empty.select("li.hit")).isEmpty();
            assertThat(empty.selectFirst("main input[name=q]").attr("value")).isEmpty();
        }

        String tooLong = "w".repeat(SearchLimits.QUERY_MAX_CHARS + 1);
        Document longPage = HomePageTest.page(given().accept("text/html").queryParam("q", tooLong).get("/search"),
                400);
        assertThat(longPage.selectFirst(".message.invalid").text())
                .contains("at most " + SearchLimits.QUERY_MAX_CHARS + " characters")
                .contains("this one has " + tooLong.length());
        assertThat(longPage.selectFirst("main input[name=q]").attr("value"))
                .hasSize(SearchLimits.QUERY_MAX_CHARS);
        given().accept("application/json").queryParam("q", tooLong).get("/search").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podclip.dev/problems/validation"))
                .body("errors[0].field", equalTo("q"));

        String evil = "nothingmatches <b>\"zzqx\"</b>";
        Document none = HomePageTest.page(given().accept("text/html").queryParam("q", evil).get("/search"), 200);
        assertThat(none.selectFirst(".message").text()).isEqualTo("Nothing found for “" + evil
                + "”. Try another word, or fewer words.");
        assertThat(none.select(".message b, h1 b")).isEmpty();
        assertThat(none.selectFirst("h1").text()).isEqualTo("Search: " + evil);
        assertThat(none.selectFirst("main input[name=q]").attr("value")).isEqualTo(evil);

        for (String page : List.of("0", "x", String.valueOf(BrowseLimits.SEARCH_MAX_PAGE + 1))) {
            Document bad = HomePageTest.page(given().accept("text/html").get("/search?q=word&page=" + page), 400);
            assertThat(bad.selectFirst(".message.invalid").text()).as(page)
                    .contains("from 1 to " + BrowseLimits.SEARCH_MAX_PAGE);
            assertThat(bad.selectFirst("main input[name=q]").attr("value")).isEqualTo("word");
            given().accept("application/json").get("/search?q=word&page=" + page).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
