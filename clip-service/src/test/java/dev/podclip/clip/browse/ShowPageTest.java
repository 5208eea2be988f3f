package dev.podclip.clip.browse;

import dev.podclip.clip.TopicsResource;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.podclip.clip.browse.BrowseFixtures.EVIL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A show's page, parsed with jsoup: episodes newest first, paged, and its problems negotiated. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class ShowPageTest {

    @Test
    void episodesNewestFirstPagedWithDurationChaptersAndLinks() {
        int count = BrowseLimits.SHOW_PAGE_SIZE + 1;
        ShowSnapshot show = BrowseFixtures.show("Paged " + EVIL, "https://img.example.com/paged.png");
        List<EpisodeSnapshot> episodes = new ArrayList<>();
        Instant day = Instant.parse("2030-03-01T08:00:00Z");
        for (int i = 0; i < count; i++) {
            episodes.add(BrowseFixtures.episode(show, "Episode " + i + " " + EVIL, null,
                    day.plus(Duration.ofDays(i)), null));
        }
        episodes.forEach(e -> TranscriptFixtures.send(TranscriptFixtures.upsert(e)));
        await().atMost(TranscriptFixtures.APPLY_TIMEOUT).untilAsserted(() -> given().accept("text/html")
                .get("/shows/{slug}", show.slug()).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(count + " episodes")));

        Document first = HomePageTest.page(given().accept("text/html").get("/shows/{slug}", show.slug()), 200);
        assertThat(first.title()).isEqualTo("Paged " + EVIL + " · podclip");
        assertThat(first.selectFirst("h1").text()).isEqualTo("Paged " + EVIL);
        assertThat(first.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo("http://127.0.0.1:8082/shows/" + show.slug());
        assertThat(first.selectFirst("meta[property=og:image]").attr("content"))
                .isEqualTo("https://img.example.com/paged.png");
        assertThat(first.selectFirst(".show-head .count").text()).isEqualTo(count + " episodes · page 1 of 2");
        List<Element> items = first.select("li.episode-item");
        assertThat(items).hasSize(BrowseLimits.SHOW_PAGE_SIZE);
        // Newest first: episode 20 was published last.
        assertThat(items.get(0).selectFirst("a.episode-title").text()).isEqualTo("Episode 20 " + EVIL);
        assertThat(items.get(0).selectFirst("a.episode-title").attr("href"))
                .isEqualTo("/episodes/" + episodes.get(20).id());
        assertThat(items.get(0).selectFirst(".duration").text()).isEqualTo("10:00");
        assertThat(items.get(0).selectFirst(".chapters").text()).isEqualTo("3 chapters");
        assertThat(items.get(19).selectFirst("a.episode-title").text()).isEqualTo("Episode 1 " + EVIL);
        assertThat(first.select("nav.paging a[rel=prev]")).isEmpty();
        assertThat(first.selectFirst("nav.paging a[rel=next]").attr("href"))
                .isEqualTo("/shows/" + show.slug() + "?page=2");
        assertThat(first.outerHtml()).doesNotContain("<script>alert");

        Document second = HomePageTest.page(given().accept("text/html").get("/shows/{slug}?page=2", show.slug()),
                200);
        assertThat(second.select("li.episode-item a.episode-title").eachText()).containsExactly("Episode 0 " + EVIL);
        assertThat(second.selectFirst("nav.paging a[rel=prev]").attr("href")).isEqualTo("/shows/" + show.slug());
        assertThat(second.select("nav.paging a[rel=next]")).isEmpty();
        assertThat(second.selectFirst("link[rel=canonical]").attr("href")).endsWith("?page=2");

        // The episode page links back to its show.
        Document episode = Jsoup.parse(given().get("/episodes/{id}", episodes.get(0).id()).asString());
        assertThat(episode.selectFirst(".show a").attr("href")).isEqualTo("/shows/" + show.slug());
    }

    @Test
    void badPagesAndUnknownShowsArePagesForBrowsersAndProblemsForApiClients() {
        ShowSnapshot show = BrowseFixtures.show("Small", null);
        TranscriptFixtures.sendAndAwait(BrowseFixtures.episode(show, "Only", null,
                Instant.parse("2029-01-01T00:00:00Z"), null));
        Document ok = HomePageTest.page(given().accept("text/html").get("/shows/{slug}", show.slug()), 200);
        assertThat(ok.select("nav.paging")).isEmpty();
        assertThat(ok.selectFirst(".show-head .artwork.placeholder").text()).isEqualTo("S");

        for (String page : List.of("0", "-1", "abc", "1.5", "99999999", String.valueOf(BrowseLimits.SHOW_MAX_PAGE + 1))) {
            Document bad = HomePageTest.page(given().urlEncodingEnabled(false).accept("text/html")
                    .get("/shows/" + show.slug() + "?page=" + page), 400);
            assertThat(bad.selectFirst("h1").text()).as(page).isEqualTo("Not a valid request");
            assertThat(bad.selectFirst(".detail").text()).as(page)
                    .contains("from 1 to " + BrowseLimits.SHOW_MAX_PAGE);
            given().urlEncodingEnabled(false).accept("application/json")
                    .get("/shows/" + show.slug() + "?page=" + page).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo(
                            "https://podclip.dev/problems/validation")).body("errors[0].field", equalTo("page"));
        }
        Document past = HomePageTest.page(given().accept("text/html").get("/shows/{slug}?page=2", show.slug()), 404);
        assertThat(past.selectFirst(".detail").text()).contains("has 1 page");

        String unknown = "no-such-show-<b>\"";
        Document missing = HomePageTest.page(given().accept("text/html").get("/shows/{slug}", unknown), 404);
        assertThat(missing.selectFirst("h1").text()).isEqualTo("Not found");
        assertThat(missing.selectFirst(".detail").text()).contains(unknown);
        assertThat(missing.select(".detail b")).isEmpty();
        assertThat(missing.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
        given().accept("application/json").get("/shows/{slug}", unknown).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().accept("text/html").get("/shows/{slug}", "x".repeat(BrowseLimits.SLUG_MAX_CHARS + 1)).then()
                .statusCode(404).contentType("text/html");
    }

    /** A wrong address: a page for browsers (NoSuchPages), the problem for API clients, curl and the API's paths. */
    @Test
    void anAddressNoRouteHasIsAPageForBrowsersAndAProblemForEveryoneElse() {
        Document page = HomePageTest.page(given().accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .get("/shows"), 404);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Not found");
        assertThat(page.selectFirst(".detail").text()).isEqualTo(NoSuchPages.DETAIL);
        assertThat(page.selectFirst("a[href=/]")).isNotNull();
        assertThat(page.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
        for (String accept : new String[]{"application/json", "*/*", "text/html;q=0.5, application/json"}) {
            given().accept(accept).get("/no/such/page").then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
        }
        for (String path : new String[]{"/api/nope", "/q/nope", "/feeds/nope"}) {
            given().accept("text/html").get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }
}
