package dev.podclip.clip.browse;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.podclip.clip.browse.BrowseFixtures.EVIL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The home page, parsed with jsoup: shows with artwork and counts, the latest episodes, the search box. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class HomePageTest {

    static final String ART = "https://img.example.com/art.png?a=1&b=2";

    /** Asserts what every browse page carries: language, title, canonical URL, Open Graph, CSP, no inline code. */
    static Document page(Response response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/html");
        String csp = response.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'").contains("script-src 'self'").contains("style-src 'self'")
                .contains("form-action 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Vary")).contains("Accept");
        Document doc = Jsoup.parse(response.asString());
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("style, [style], [onclick], [onload], [onerror]")).isEmpty();
        assertThat(doc.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/browse/site.css");
        assertThat(doc.selectFirst("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(doc.selectFirst("meta[name=color-scheme]").attr("content")).isEqualTo("light dark");
        assertThat(doc.title()).endsWith(" · podclip");
        assertThat(doc.selectFirst("link[rel=canonical]").attr("href")).startsWith("http://127.0.0.1:8082/");
        assertThat(doc.selectFirst("meta[property=og:url]").attr("content"))
                .isEqualTo(doc.selectFirst("link[rel=canonical]").attr("href"));
        assertThat(doc.selectFirst("meta[property=og:title]").attr("content")).isNotBlank();
        assertThat(doc.selectFirst("meta[property=og:site_name]").attr("content")).isEqualTo("podclip");
        Element form = doc.selectFirst("header.site form[role=search]");
        assertThat(form.attr("action")).isEqualTo("/search");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.selectFirst("input[name=q]").attr("maxlength")).isEqualTo("200");
        assertThat(doc.selectFirst("header.site a.brand").attr("href")).isEqualTo("/");
        given().get("/browse/site.css").then().statusCode(200);
        return doc;
    }

    @Test
    void showsWithArtworkAndCountsLatestEpisodesAndASearchBoxAllEscaped() {
        ShowSnapshot show = BrowseFixtures.show("Show " + EVIL, ART);
        ShowSnapshot bare = BrowseFixtures.show("Ünicode bare show", "http://img.example.com/insecure.png");
        EpisodeSnapshot older = BrowseFixtures.episode(show, "Older " + EVIL, null,
                Instant.parse("2035-01-01T10:00:00Z"), null);
        EpisodeSnapshot newer = BrowseFixtures.episode(show, "Newer " + EVIL, null,
                Instant.parse("2035-01-02T10:00:00Z"), null);
        EpisodeSnapshot other = BrowseFixtures.episode(bare, "Bare one", null,
                Instant.parse("2035-01-01T12:00:00Z"), null);
        TranscriptFixtures.sendAndAwait(older);
        TranscriptFixtures.sendAndAwait(newer);
        TranscriptFixtures.sendAndAwait(other);

        Document doc = page(given().accept("text/html").get("/"), 200);
        assertThat(doc.title()).isEqualTo("Podcasts · podclip");
        assertThat(doc.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://127.0.0.1:8082/");

        Element card = doc.selectFirst("li.show-card:has(a[href=/shows/" + show.slug() + "])");
        assertThat(card).as("the show's card").isNotNull();
        assertThat(card.selectFirst(".show-title").text()).isEqualTo("Show " + EVIL);
        assertThat(card.selectFirst("img.artwork").attr("src")).isEqualTo(ART);
        assertThat(card.selectFirst("img.artwork").attr("alt")).isEmpty();
        assertThat(card.selectFirst(".count").text()).isEqualTo("2 episodes");
        // The newest show first: the first card is one of this test's (published in 2035).
        assertThat(doc.select("li.show-card a").first().attr("href")).isEqualTo("/shows/" + show.slug());

        assertThat(doc.outerHtml()).contains("src=\"https://img.example.com/art.png?a=1&amp;b=2\"");
        // Artwork the page's CSP would not load (http) is left out; a letter stands in.
        Element bareCard = doc.selectFirst("li.show-card:has(a[href=/shows/" + bare.slug() + "])");
        assertThat(bareCard.select("img")).isEmpty();
        assertThat(bareCard.selectFirst(".artwork.placeholder").text()).isEqualTo("Ü");
        assertThat(bareCard.selectFirst(".count").text()).isEqualTo("1 episode");

        Element latest = doc.selectFirst("ol.latest");
        Element first = latest.selectFirst("li.episode-item");
        assertThat(first.selectFirst("a.episode-title").text()).isEqualTo("Newer " + EVIL);
        assertThat(first.selectFirst("a.episode-title").attr("href")).isEqualTo("/episodes/" + newer.id());
        assertThat(first.selectFirst("a.show-link").attr("href")).isEqualTo("/shows/" + show.slug());
        assertThat(first.selectFirst("a.show-link").text()).isEqualTo("Show " + EVIL);
        assertThat(first.selectFirst("time").attr("datetime")).isEqualTo("2035-01-02T10:00:00Z");
        assertThat(first.selectFirst("time").text()).isEqualTo("2 Jan 2035");
        assertThat(first.selectFirst(".duration").text()).isEqualTo("10:00");
        assertThat(first.selectFirst(".chapters").text()).isEqualTo("3 chapters");
        assertThat(latest.select("a.episode-title").eachText()).containsSubsequence("Newer " + EVIL,
                "Bare one", "Older " + EVIL);

        // Nothing user-supplied became markup.
        assertThat(doc.outerHtml()).doesNotContain("<script>alert");
    }

    @Test
    void unknownPathsStayProblemJsonAndTheHomePageIgnoresAcceptJson() {
        given().accept("application/json").get("/").then().statusCode(200).contentType("text/html");
        given().accept("application/json").get("/no-such-page").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
