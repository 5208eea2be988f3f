package dev.podclip.clip.share;

import dev.podclip.clip.clips.ClipTestSupport;
import dev.podclip.clip.clips.ReadModelRows;
import dev.podclip.chapters.Chapter;
import dev.podclip.clip.TopicsResource;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class SharePageTest {

    static final String BASE = "http://127.0.0.1:8082";
    static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    ReadModelRows rows;
    @Inject
    EpisodeChangeListener listener;

    UUID episode;

    @BeforeEach
    void episode() {
        await().atMost(PATIENCE).until(listener::listening);
        episode = rows.newEpisode("Indexes, part 1");
    }

    private JsonPath create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).auth().oauth2(ClipTestSupport.editor()).body(body)
                .post("/api/clips").then().statusCode(201).extract().jsonPath();
    }

    private JsonPath createRange(String title) {
        return create(Map.of("episodeId", episode.toString(), "startMs", 773_000, "endMs", 1_347_000,
                "title", title));
    }

    private static String path(String url) {
        assertThat(url).startsWith(BASE);
        return url.substring(BASE.length());
    }

    private static String meta(Document doc, String attribute, String name) {
        Element element = doc.selectFirst("meta[" + attribute + "=" + name + "]");
        assertThat(element).as("meta %s", name).isNotNull();
        return element.attr("content");
    }

    @Test
    void sharePageHasPreviewTagsPlayerAndTimeline() {
        JsonPath clip = createRange("Covering indexes, explained");
        Response response = given().accept("text/html").get(path(clip.getString("shareUrl")));
        response.then().statusCode(200).contentType(ContentType.HTML);
        String csp = response.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'").contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        Document doc = Jsoup.parse(response.asString());

        assertThat(doc.title()).contains("Covering indexes, explained");
        assertThat(meta(doc, "property", "og:title")).isEqualTo("Covering indexes, explained");
        assertThat(meta(doc, "property", "og:description")).contains("12:53").contains("22:27")
                .contains("Indexes, part 1").contains("Database School");
        assertThat(meta(doc, "property", "og:url")).isEqualTo(clip.getString("shareUrl"));
        assertThat(meta(doc, "property", "og:type")).isEqualTo("website");
        // The clip's own files: its audio, and its square video for timelines that play video in place.
        assertThat(meta(doc, "property", "og:audio")).isEqualTo(clip.getString("audioMp3Url"));
        assertThat(meta(doc, "property", "og:video")).isEqualTo(clip.getString("video.square"))
                .endsWith(".mp4?format=square");
        assertThat(meta(doc, "property", "og:video:type")).isEqualTo("video/mp4");
        assertThat(meta(doc, "name", "twitter:player:stream")).isEqualTo(clip.getString("video.square"));
        assertThat(doc.select("details.clip-video a[download]").eachAttr("href")).containsExactly(
                clip.getString("video.square"), clip.getString("video.portrait"), clip.getString("video.landscape"));
        assertThat(meta(doc, "name", "twitter:card")).isEqualTo("player");
        assertThat(meta(doc, "name", "twitter:player")).isEqualTo(clip.getString("shareUrl") + "/embed");
        assertThat(meta(doc, "name", "twitter:player:width")).isEqualTo("480");
        assertThat(meta(doc, "name", "twitter:player:height")).isEqualTo("180");
        Element oembed = doc.selectFirst("link[rel=alternate][type=application/json+oembed]");
        assertThat(oembed.attr("href")).isEqualTo(BASE + "/oembed?format=json&url="
                + URLEncoder.encode(clip.getString("shareUrl"), StandardCharsets.UTF_8));

        assertThat(doc.selectFirst("h1").text()).isEqualTo("Covering indexes, explained");
        assertThat(doc.selectFirst(".show").text()).isEqualTo("Database School");
        assertThat(doc.selectFirst(".range").text()).contains("12:53").contains("22:27").contains("9:34");
        Element player = doc.getElementById("player");
        assertThat(player.tagName()).isEqualTo("audio");
        assertThat(player.attr("src")).isEqualTo(ReadModelRows.AUDIO_URL + "#t=773,1347");
        assertThat(player.attr("data-start-ms")).isEqualTo("773000");
        assertThat(player.attr("data-end-ms")).isEqualTo("1347000");
        assertThat(player.attr("preload")).isEqualTo("metadata");
        assertThat(doc.select("script")).allSatisfy(script -> {
            assertThat(script.attr("src")).isEqualTo("/share/player.js");
            assertThat(script.data()).isEmpty();
        });
        assertThat(doc.select("svg.timeline rect.chapter")).hasSize(4);
        assertThat(doc.select("svg.timeline rect.clip")).hasSize(1);
        assertThat(doc.select("ol.chapters li")).hasSize(1);
        assertThat(doc.selectFirst("ol.chapters li .chapter-title").text()).isEqualTo("Covering indexes");

        given().get("/share/player.js").then().statusCode(200).body(containsString("window.clipPlayer"));
    }

    @Test
    void userTextIsEscaped() {
        JsonPath clip = createRange("<script>alert(1)</script> & \"quotes\"");
        String html = given().get(path(clip.getString("shareUrl"))).then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        Document doc = Jsoup.parse(html);
        assertThat(doc.selectFirst("h1").text()).isEqualTo("<script>alert(1)</script> & \"quotes\"");
        assertThat(meta(doc, "property", "og:title")).isEqualTo("<script>alert(1)</script> & \"quotes\"");
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("script").first().attr("src")).isEqualTo("/share/player.js");
    }

    @Test
    void sameUrlAnswersJsonByAccept() {
        JsonPath clip = createRange("JSON please");
        given().accept(ContentType.JSON).get(path(clip.getString("shareUrl"))).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Vary", containsString("Accept"))
                .body("id", is(clip.getString("id")))
                .body("title", is("JSON please"))
                .body("durationMs", is(574_000))
                .body("chapters[0].index", is(2));
        given().accept(ContentType.JSON).get("/c/AAAAAAAAAAA").then().statusCode(404)
                .contentType("application/problem+json");
        given().accept(ContentType.JSON).get("/c/not-an-id").then().statusCode(404)
                .contentType("application/problem+json");
        // Browsers get a page, not a JSON body, for links that do not resolve.
        Response missing = given().accept("text/html").get("/c/AAAAAAAAAAA");
        missing.then().statusCode(404).contentType(ContentType.HTML);
        assertThat(missing.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(Jsoup.parse(missing.asString()).selectFirst("h1").text()).isEqualTo("This clip does not exist");
    }

    @Test
    void statelessLinksRenderTheSamePage() {
        String rangePath = "/e/" + episode + "?t=773,1347";
        Document doc = Jsoup.parse(given().get(rangePath).then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'")).extract().asString());
        assertThat(doc.getElementById("player").attr("data-start-ms")).isEqualTo("773000");
        assertThat(meta(doc, "property", "og:url")).isEqualTo(BASE + rangePath);
        assertThat(meta(doc, "name", "twitter:player")).isEqualTo(BASE + "/e/" + episode + "/embed?t=773,1347");
        given().accept(ContentType.JSON).get("/e/" + episode + "?t=12:53,22:27").then()
                .statusCode(200)
                .body("id", is((Object) null))
                .body("startMs", is(773_000))
                .body("endMs", is(1_347_000))
                .body("shareUrl", is(BASE + rangePath));

        Document chapter = Jsoup.parse(given().get("/e/" + episode + "/chapters/2").then().statusCode(200)
                .extract().asString());
        assertThat(chapter.selectFirst("h1").text()).isEqualTo("Covering indexes");
        assertThat(chapter.getElementById("player").attr("data-end-ms")).isEqualTo("1347000");
        given().get("/e/" + episode + "/chapters/2/embed").then().statusCode(200);
        given().redirects().follow(false).get("/e/" + episode + "/chapters/2/play").then().statusCode(302)
                .header("Location", ReadModelRows.AUDIO_URL + "#t=773,1347");

        given().accept(ContentType.JSON).get("/e/" + episode + "?t=1347,773").then().statusCode(400)
                .body("reason", is("start-not-before-end"));
        given().accept(ContentType.JSON).get("/e/" + episode + "?t=banana").then().statusCode(400)
                .body("reason", is("unreadable-time"));
        given().accept(ContentType.JSON).get("/e/" + episode).then().statusCode(400)
                .body("reason", is("missing-range"));
        given().accept(ContentType.JSON).get("/e/" + episode + "/chapters/9").then().statusCode(400)
                .body("reason", is("unknown-chapter"));
        given().accept(ContentType.JSON).get("/e/" + UUID.randomUUID() + "?t=1,5").then().statusCode(404);
        Document invalid = Jsoup.parse(given().accept("text/html").get("/e/" + episode + "?t=<b>1347,773")
                .then().statusCode(400).contentType(ContentType.HTML).extract().asString());
        assertThat(invalid.selectFirst("h1").text()).isEqualTo("This clip link is not valid");
        assertThat(invalid.selectFirst(".detail").text()).contains("t=<b>1347,773");
        assertThat(invalid.select("b")).isEmpty();
        given().get("/e/" + episode + "/chapters/9/embed").then().statusCode(400).contentType(ContentType.HTML);
    }

    @Test
    void embedPageMayBeFramed() {
        JsonPath clip = createRange("Embed me");
        Response response = given().get(path(clip.getString("embedUrl")));
        response.then().statusCode(200).contentType(ContentType.HTML);
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors *");
        Document doc = Jsoup.parse(response.asString());
        assertThat(doc.getElementById("player").attr("data-start-ms")).isEqualTo("773000");
        assertThat(doc.selectFirst("a").attr("href")).isEqualTo(clip.getString("shareUrl"));
    }

    @Test
    void oembed() {
        JsonPath clip = createRange("oEmbed <me>");
        given().queryParam("url", clip.getString("shareUrl")).queryParam("format", "json").get("/oembed").then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("version", is("1.0"))
                .body("type", is("rich"))
                .body("title", is("oEmbed <me>"))
                .body("author_name", is("Database School"))
                .body("provider_url", is(BASE))
                .body("width", is(480))
                .body("height", is(180))
                .body("html", is("<iframe src=\"" + clip.getString("embedUrl") + "\" width=\"480\" height=\"180\" "
                        + "title=\"oEmbed &lt;me&gt;\" frameborder=\"0\" loading=\"lazy\" allow=\"autoplay\">"
                        + "</iframe>"));
        given().queryParam("url", clip.getString("shareUrl")).queryParam("maxwidth", 300)
                .queryParam("maxheight", 120).get("/oembed").then()
                .statusCode(200).body("width", is(300)).body("height", is(120));
        given().queryParam("url", BASE + "/e/" + episode + "?t=773,1347").get("/oembed").then()
                .statusCode(200).body("html", containsString("/e/" + episode + "/embed?t=773,1347"));
        given().queryParam("url", "https://evil.example/c/" + clip.getString("id")).get("/oembed").then()
                .statusCode(404);
        given().queryParam("url", BASE + "/c/AAAAAAAAAAA").get("/oembed").then().statusCode(404);
        given().queryParam("url", clip.getString("shareUrl")).queryParam("format", "xml").get("/oembed").then()
                .statusCode(501);
        given().get("/oembed").then().statusCode(400);
    }

    @Test
    void playRedirectsOnlyToTheRegisteredMedia() {
        JsonPath clip = createRange("Play");
        given().redirects().follow(false).queryParam("url", "https://evil.example/x.mp3")
                .get(path(clip.getString("playUrl"))).then()
                .statusCode(302)
                .header("Location", ReadModelRows.AUDIO_URL + "#t=773,1347");
        given().redirects().follow(false).get("/e/" + episode + "/play?t=60,120&url=https://evil.example").then()
                .statusCode(302)
                .header("Location", ReadModelRows.AUDIO_URL + "#t=60,120");
    }

    @Test
    void deletedEpisodeMeansGone() {
        JsonPath clip = createRange("Soon gone");
        String page = path(clip.getString("shareUrl"));
        given().get(page).then().statusCode(200);
        rows.delete(episode, 2);
        rows.announce(episode, 2);
        await().atMost(PATIENCE).untilAsserted(() -> given().get(page).then().statusCode(410));
        Response html = given().accept("text/html").get(page);
        html.then().statusCode(410).contentType(ContentType.HTML);
        assertThat(html.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(Jsoup.parse(html.asString()).selectFirst("h1").text()).isEqualTo("This clip is gone");
        given().accept(ContentType.JSON).get(page).then().statusCode(410)
                .contentType("application/problem+json").body("type", endsWith("/episode-deleted"));
        given().redirects().follow(false).get(path(clip.getString("playUrl"))).then().statusCode(410);
        given().get(path(clip.getString("embedUrl"))).then().statusCode(410);
        given().queryParam("url", clip.getString("shareUrl")).get("/oembed").then().statusCode(404);
        given().get("/e/" + episode + "?t=1,5").then().statusCode(410);
    }

    @Test
    void pagesAreCachedAndRefreshedWhenTheEpisodeChanges() {
        JsonPath clip = createRange("Cached");
        String page = path(clip.getString("shareUrl"));
        given().accept(ContentType.JSON).get(page).then().statusCode(200).body("episodeTitle", is("Indexes, part 1"))
                .body("chapters[0].title", is("Covering indexes"));
        List<Chapter> moved = List.of(
                new Chapter(0, 700_000L, "Intro, longer", null, null, true),
                new Chapter(700_000, 1_000_000L, "Covering indexes (new cut)", null, null, true),
                new Chapter(1_000_000, 4_680_000L, "Questions", null, null, true));
        rows.upsert(episode, 2, "Indexes, part 1 (remastered)", moved);
        // Without the notification the hot path keeps answering from the cache.
        given().accept(ContentType.JSON).get(page).then().statusCode(200)
                .body("episodeTitle", is("Indexes, part 1")).body("episodeVersion", is(1));
        rows.announce(episode, 2);
        await().atMost(PATIENCE).untilAsserted(() -> given().accept(ContentType.JSON).get(page).then()
                .statusCode(200).body("episodeVersion", is(2)));
        given().accept(ContentType.JSON).get(page).then()
                .body("episodeTitle", is("Indexes, part 1 (remastered)"))
                .body("startMs", is(773_000))
                .body("endMs", is(1_347_000))
                .body("chapters.title", is(List.of("Covering indexes (new cut)", "Questions")))
                .body("chapters[0].overlapMs", is(227_000));
        Document doc = Jsoup.parse(given().accept("text/html").get(page).asString());
        assertThat(doc.selectFirst(".episode").text()).isEqualTo("Indexes, part 1 (remastered)");
        assertThat(doc.select("svg.timeline rect.chapter")).hasSize(3);
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("cache_gets_total{cache=\"clip_share_pages\"");
    }

    /** Live pages and clip JSON carry a strong ETag and a minute of Cache-Control; a repeat with it gets 304. */
    @Test
    void pagesAndJsonRevalidateWithTheirETagUntilTheEpisodeChanges() {
        JsonPath clip = createRange("Validated");
        String page = path(clip.getString("shareUrl"));
        var html = given().accept("text/html").get(page).then().statusCode(200)
                .header("Cache-Control", "public, max-age=60").extract();
        String htmlTag = html.header("ETag");
        String jsonTag = given().accept(ContentType.JSON).get(page).then().statusCode(200).extract().header("ETag");
        assertThat(htmlTag).startsWith("\"").isNotEqualTo(jsonTag);
        given().accept("text/html").header("If-None-Match", htmlTag).get(page).then().statusCode(304)
                .header("ETag", htmlTag);
        given().accept(ContentType.JSON).header("If-None-Match", "\"other\", W/" + jsonTag).get(page).then()
                .statusCode(304);
        given().accept(ContentType.JSON).header("If-None-Match", htmlTag).get(page).then().statusCode(200);

        rows.upsert(episode, 2, "Indexes, part 1 (revalidated)", ReadModelRows.CHAPTERS);
        rows.announce(episode, 2);
        await().atMost(PATIENCE).untilAsserted(() -> given().accept("text/html").header("If-None-Match", htmlTag)
                .get(page).then().statusCode(200));
        assertThat(given().accept("text/html").get(page).header("ETag")).isNotEqualTo(htmlTag);
    }
}
