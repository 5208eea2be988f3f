package dev.podclip.clip.pages;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The server-rendered episode page, parsed with jsoup. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class EpisodePageTest {

    static final String NOTES = "Hi <script>alert(1)</script> & welcome. Jump to 01:00 for the log, 05:00 for the"
            + " end, 99:00 is past the end.";

    @Test
    void chaptersNotesWithSeekLinksTranscriptAndPlayerAllEscaped() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Pages & <b>bold</b> claims", NOTES,
                TranscriptFixtures.CHAPTERS_V1, TranscriptFixtures.transcript("vtt", TranscriptFixtures.VTT)));

        Response response = given().get("/episodes/{id}?t=61", id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        String csp = response.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Document doc = Jsoup.parse(response.asString());

        // No inline script: the one script is the static file.
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("script").attr("src")).isEqualTo("/pages/episode.js");
        assertThat(doc.select("[onclick], [onload], [style]")).isEmpty();
        // Escaped: the title's tags and the notes' script are text.
        assertThat(doc.select("h1").text()).isEqualTo("Pages & <b>bold</b> claims");
        assertThat(doc.select("h1 b")).isEmpty();
        assertThat(doc.select(".notes-text").text()).contains("<script>alert(1)</script>");

        assertThat(doc.select("ol.chapters li")).hasSize(3);
        assertThat(doc.select("ol.chapters a.seek").eachAttr("data-seek-ms")).containsExactly("0", "60000", "300000");

        Element notes = doc.selectFirst(".notes-text");
        assertThat(notes.select("a.seek").eachText()).containsExactly("01:00", "05:00");
        assertThat(notes.select("a.seek").eachAttr("data-seek-ms")).containsExactly("60000", "300000");
        assertThat(notes.select("a.seek").eachAttr("href")).containsExactly("?t=60", "?t=300");

        Element main = doc.selectFirst("main#episode");
        assertThat(main.attr("data-episode-id")).isEqualTo(id.toString());
        assertThat(main.attr("data-start-ms")).isEqualTo("61000");
        assertThat(doc.selectFirst("audio#player").attr("src")).isEqualTo("https://cdn.example.com/" + id + ".mp3");

        assertThat(doc.select(".transcript-chapter h3").eachText())
                .containsExactly("00:00 Cold open", "01:00 Write-ahead logging", "05:00 Outro");
        Element wal = doc.selectFirst("#chapter-1");
        assertThat(wal.select("p.cue").eachAttr("data-start-ms")).containsExactly("61000", "150000", "299000");
        assertThat(wal.select("p.cue").eachAttr("data-end-ms")).containsExactly("66000", "156000", "301000");
        assertThat(doc.selectFirst("#chapter-2 .cue-text").text()).isEqualTo("Thanks for listening & <goodbye>.");
        assertThat(doc.selectFirst("#chapter-0 .speaker").text()).isEqualTo("Aaron:");
        assertThat(doc.selectFirst("#clip-link").hasAttr("hidden")).isTrue();

        given().get("/pages/episode.js").then().statusCode(200);
        given().get("/pages/episode.css").then().statusCode(200);
    }

    @Test
    void withoutTranscriptAndUnknownEpisodes() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Bare", null, null, null));
        Document doc = Jsoup.parse(given().get("/episodes/{id}", id).then().statusCode(200).extract().asString());
        assertThat(doc.select(".no-transcript")).hasSize(1);
        assertThat(doc.select(".notes")).isEmpty();
        given().get("/episodes/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/episodes/not-a-uuid").then().statusCode(404);
    }

    @Test
    void notesLinksAreSafeAndUnknownEpisodesAreNegotiated() {
        UUID id = UUID.randomUUID();
        String notes = "Guest site https://guest.example/\"><script>x</script> and javascript:alert(1) and at 01:00 "
                + "http://old.example/page.";
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Links \"quoted\" <i>title</i>", notes,
                TranscriptFixtures.CHAPTERS_V1, null));
        Response response = given().accept("text/html").get("/episodes/{id}", id);
        assertThat(response.header("Content-Security-Policy")).contains("form-action 'self'")
                .doesNotContain("unsafe-inline");
        Document doc = Jsoup.parse(response.asString());
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(doc.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo("http://127.0.0.1:8082/episodes/" + id);
        assertThat(doc.selectFirst("meta[property=og:url]").attr("content"))
                .isEqualTo("http://127.0.0.1:8082/episodes/" + id);
        assertThat(doc.selectFirst("meta[property=og:title]").attr("content")).isEqualTo("Links \"quoted\" <i>title</i>");
        assertThat(doc.selectFirst("header.site form").attr("action")).isEqualTo("/search");
        assertThat(doc.select("script")).hasSize(1);
        Element notesText = doc.selectFirst(".notes-text");
        assertThat(notesText.select("a.ext").eachAttr("href"))
                .containsExactly("https://guest.example/", "http://old.example/page");
        assertThat(notesText.select("a.ext").eachAttr("rel")).containsOnly("noopener nofollow ugc");
        assertThat(notesText.select("a").eachAttr("href")).noneMatch(h -> h.startsWith("javascript"));
        assertThat(notesText.select("script")).isEmpty();
        assertThat(notesText.text()).contains("\"><script>x</script> and javascript:alert(1)");
        assertThat(notesText.select("a.seek").eachText()).containsExactly("01:00");

        Document missing = Jsoup.parse(given().accept("text/html").get("/episodes/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType("text/html").extract().asString());
        assertThat(missing.selectFirst("h1").text()).isEqualTo("Not found");
        given().accept("application/json").get("/episodes/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void clipMakerChapterLengthsShareLinksAndDetails() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Maker", null,
                TranscriptFixtures.CHAPTERS_V1, null));
        Document doc = Jsoup.parse(given().get("/episodes/{id}?t=61", id).then().statusCode(200).extract().asString());

        // The form: a GET to the clip endpoint, prefilled with a minute from ?t=, no error shown.
        Element times = doc.selectFirst("form.clip-times");
        assertThat(times.attr("method")).isEqualTo("get");
        assertThat(times.attr("action")).isEqualTo("/episodes/" + id + "/clip");
        assertThat(doc.selectFirst("#clip-start").attr("name")).isEqualTo("start");
        assertThat(doc.selectFirst("#clip-start").val()).isEqualTo("01:01");
        assertThat(doc.selectFirst("#clip-end").val()).isEqualTo("02:01");
        assertThat(doc.select("label[for=clip-start], label[for=clip-end], label[for=clip-chapter]")).hasSize(3);
        assertThat(doc.select("#clip-error")).isEmpty();
        Element picker = doc.selectFirst("form.clip-chapter");
        assertThat(picker.attr("action")).isEqualTo("/episodes/" + id + "/clip");
        assertThat(picker.select("select[name=chapter] option").eachAttr("value")).containsExactly("0", "1", "2");
        assertThat(picker.select("option").eachText())
                .containsExactly("00:00–01:00 Cold open", "01:00–05:00 Write-ahead logging", "05:00–10:00 Outro");
        assertThat(picker.select("option[disabled]")).isEmpty();

        // Each chapter: its length as h:mm:ss in <time datetime>, and its share link.
        assertThat(doc.select("ol.chapters time.chapter-length").eachText())
                .containsExactly("0:01:00", "0:04:00", "0:05:00");
        assertThat(doc.select("ol.chapters time.chapter-length").eachAttr("datetime"))
                .containsExactly("PT1M", "PT4M", "PT5M");
        assertThat(doc.select("ol.chapters a.share-chapter").eachAttr("href")).containsExactly(
                "http://127.0.0.1:8082/e/" + id + "?t=0,60", "http://127.0.0.1:8082/e/" + id + "?t=60,300",
                "http://127.0.0.1:8082/e/" + id + "?t=300,600");
        given().get("/e/" + id + "?t=300,600").then().statusCode(200);

        // Version, source and when the read model last changed it.
        Element version = doc.selectFirst("#details .chapter-version");
        assertThat(version.selectFirst(".version").text()).isEqualTo("1");
        assertThat(version.text()).contains("from the episode's chapters file");
        Instant updated = Instant.parse(version.selectFirst("time.updated").attr("datetime"));
        assertThat(updated).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plusSeconds(5));
        assertThat(version.selectFirst("time.updated").text()).endsWith("UTC");
        assertThat(doc.select("[onclick], [onload], [style]")).isEmpty();
    }

    @Test
    void clipMakerScriptGetsTheTimelineLimitsChapterRangesAndChangeStream() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Script", null,
                TranscriptFixtures.CHAPTERS_V1, TranscriptFixtures.transcript("vtt", TranscriptFixtures.VTT)));
        Response response = given().get("/episodes/{id}?t=61", id);
        // The change stream is an EventSource, governed by connect-src: this origin only, and still no inline code.
        assertThat(response.header("Content-Security-Policy")).contains("connect-src 'self'")
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        Document doc = Jsoup.parse(response.asString());

        // The clip rules' limits and the link's base, for the script to keep a picked range valid.
        Element maker = doc.selectFirst("section#clip-maker");
        assertThat(maker.attr("data-total-ms")).isEqualTo("600000");
        assertThat(maker.attr("data-last-end-ms")).isEqualTo("660000"); // "10 min": a minute of slack
        assertThat(maker.attr("data-min-length-ms")).isEqualTo("1000");
        assertThat(maker.attr("data-max-length-ms")).isEqualTo("3600000");
        assertThat(maker.attr("data-share-base")).isEqualTo("http://127.0.0.1:8082/e/" + id);

        // The timeline, drawn to scale without script: three chapters and the form's range (1:01–2:01 of 10:00).
        Element track = doc.selectFirst("figure.maker-timeline #timeline");
        assertThat(track.attr("data-range-start-ms")).isEqualTo("61000");
        assertThat(track.attr("data-range-end-ms")).isEqualTo("121000");
        assertThat(track.select("svg rect.chapter")).hasSize(3);
        assertThat(track.select("svg rect.chapter title").eachText()).first().asString()
                .isEqualTo("1. Cold open (0:00–1:00)");
        Element clip = track.selectFirst("svg rect.clip");
        assertThat(clip.attr("x")).isEqualTo("10.17%");
        assertThat(clip.attr("width")).isEqualTo("10.00%");
        assertThat(track.selectFirst("svg").attr("aria-label")).isEqualTo("Clip 1:01 to 2:01 of 10:00");
        assertThat(track.selectFirst("svg").attr("viewBox")).isEmpty();
        assertThat(doc.selectFirst("#timeline-help").text()).startsWith("Chapters, to scale");
        assertThat(doc.selectFirst(".timeline-keys").hasAttr("hidden")).isTrue();

        // Each chapter option carries the range its share link has.
        assertThat(doc.select("#clip-chapter option").eachAttr("data-start-ms")).containsExactly("0", "60000", "300000");
        assertThat(doc.select("#clip-chapter option").eachAttr("data-end-ms"))
                .containsExactly("60000", "300000", "600000");
        // Each cue its range, so that selected text maps to one.
        assertThat(doc.select("p.cue")).isNotEmpty().allMatch(c -> Long.parseLong(c.attr("data-end-ms"))
                > Long.parseLong(c.attr("data-start-ms")));

        // The link box and the change notice are the script's: hidden without it.
        Element box = doc.selectFirst("#clip-link");
        assertThat(box.hasAttr("hidden")).isTrue();
        assertThat(box.select("button[type=button]").eachText()).containsExactly("Preview", "Copy link");
        assertThat(box.selectFirst("#clip-status").attr("role")).isEqualTo("status");
        Element main = doc.selectFirst("main#episode");
        assertThat(main.attr("data-version")).isEqualTo("1");
        assertThat(main.attr("data-stream-href")).isEqualTo("/api/episodes/" + id + "/chapters/stream");
        assertThat(doc.selectFirst("#changed-notice").hasAttr("hidden")).isTrue();
        assertThat(doc.selectFirst("#changed-notice button").text()).isEqualTo("Reload");
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("[onclick], [onload], [style]")).isEmpty();

        String script = given().get("/pages/episode.js").then().statusCode(200).extract().asString();
        assertThat(script).contains("EventSource").contains("navigator.clipboard").contains("pointerdown");
    }

    @Test
    void developmentSignInIsOffByDefaultAndThePageOffersNoSaving() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Unsaved", null,
                TranscriptFixtures.CHAPTERS_V1, null));
        Document doc = Jsoup.parse(given().get("/episodes/{id}", id).then().statusCode(200).extract().asString());
        assertThat(doc.select("#clip-save, #clip-save-button")).isEmpty();
        given().post("/dev/sign-in").then().statusCode(404);
        given().get("/dev/sign-in").then().statusCode(405);
        given().redirects().follow(false).get("/sign-in?return=/").then().statusCode(404);
        given().post("/sign-in/token").then().statusCode(404);
    }

    @Test
    void warningsInWordsAndEveryChapterTitleEscaped() {
        UUID id = UUID.randomUUID();
        String chapters = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":30,\"title\":\"<i>Start</i> & go\"},"
                + "{\"startTime\":120,\"title\":\"Rest\"}]}";
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Warned", null,
                TranscriptFixtures.CHAPTERS_V1, null));
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 2, "Warned", null, chapters, null));
        Document doc = Jsoup.parse(given().get("/episodes/{id}", id).then().statusCode(200).extract().asString());
        io.restassured.path.json.JsonPath api = given().accept("application/json")
                .get("/api/episodes/{id}/chapters", id).then().statusCode(200).extract().jsonPath();

        assertThat(doc.selectFirst("#details .version").text()).isEqualTo("2");
        List<String> codes = api.getList("warnings.code");
        assertThat(codes).contains("fewer-than-three");
        assertThat(doc.select("ul.warnings li").eachAttr("data-code")).containsExactlyElementsOf(codes);
        assertThat(doc.select("ul.warnings .warning-message").eachText())
                .containsExactlyElementsOf(api.getList("warnings.message"));
        Element fewer = doc.selectFirst("ul.warnings li[data-code=fewer-than-three]");
        assertThat(fewer.selectFirst(".warning-words").text())
                .isEqualTo("Fewer than three chapters: some apps show none.");
        assertThat(doc.select(".no-warnings")).isEmpty();

        // The title is text wherever it appears: chapter list, picker, warnings.
        List<String> titles = api.getList("chapters.title");
        assertThat(titles).contains("<i>Start</i> & go");
        assertThat(doc.select("ol.chapters .chapter-title").eachText()).containsExactlyElementsOf(titles);
        assertThat(doc.select("#clip-chapter option").eachText()).anyMatch(t -> t.endsWith("<i>Start</i> & go"));
        assertThat(doc.select("main i")).isEmpty();
        assertThat(doc.select("ul.warnings .warning-chapter").eachText()).allMatch(t -> t.startsWith("About chapter"));
    }
}
