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
}
