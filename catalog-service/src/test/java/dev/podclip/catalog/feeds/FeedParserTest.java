package dev.podclip.catalog.feeds;

import dev.podclip.support.net.FetchRefused.Reason;
import dev.podclip.support.net.FetchRefused;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParserTest {

    private static ParsedFeed parse(String xml) {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hostedShowItemsDurationsAndDates() {
        ParsedFeed feed = parse(FeedFixtures.hostedShow("Joins"));
        assertThat(feed.title()).isEqualTo("Database School");
        assertThat(feed.author()).isEqualTo("Try Hard Studios");
        assertThat(feed.imageUrl()).isEqualTo("https://cdn.example.com/art.jpg");
        assertThat(feed.items()).hasSize(3);
        ParsedFeed.Item first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("libsyn-1001");
        assertThat(first.durationText()).isEqualTo("4711");
        assertThat(first.description()).isEqualTo("Why & how indexes work.");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-06-03T10:00:00Z"));
        ParsedFeed.Item second = feed.items().get(1);
        assertThat(second.durationText()).isEqualTo("1:18:05");
        assertThat(second.publishedAt()).isEqualTo(Instant.parse("2025-06-27T16:00:00Z"));
        assertThat(second.description()).isEqualTo("Short notes");
        assertThat(feed.items().get(2).enclosureUrl()).isNull();
    }

    @Test
    void podcastNamespaceLinks() {
        ParsedFeed.Item item = parse(FeedFixtures.podcastNamespace("http://h")).items().get(0);
        assertThat(item.chaptersUrl()).isEqualTo("http://h/chapters/ns-1.json");
        assertThat(item.transcripts()).hasSize(2);
        assertThat(FeedRules.bestTranscript(item.transcripts()).url()).isEqualTo("http://h/transcripts/ns-1.vtt");
        assertThat(item.soundbites()).containsExactly(new ParsedFeed.Soundbite("73.0", "60.0", "The best minute"));
    }

    @Test
    void podloveInlineChaptersBecomePodcastingJson() {
        ParsedFeed.Item item = parse(FeedFixtures.PODLOVE).items().get(0);
        assertThat(item.description()).startsWith("<p>Show notes with <b>HTML</b> & links");
        assertThat(item.pscChapters()).hasSize(3);
        assertThat(item.pscChapters().get(1).title()).isEqualTo("Thema & Technik");
        List<String> warnings = new ArrayList<>();
        String json = ItemDrafts.pscToJson(item.pscChapters(), item.durationText(), 1, warnings);
        assertThat(warnings).isEmpty();
        assertThat(json).contains("\"Begrüßung\"").contains("330.5").contains("\"Thema & Technik\"")
                .contains("https://podlove.org");
    }

    @Test
    void cdataHtmlAndMissingOptionalFields() {
        ParsedFeed feed = parse(FeedFixtures.CDATA_HTML);
        assertThat(feed.title()).isEqualTo("Café & Code");
        ParsedFeed.Item item = feed.items().get(0);
        assertThat(item.guid()).isEqualTo("https://cafe.example.com/e1.mp3");
        assertThat(item.title()).isNull();
        assertThat(item.publishedAt()).isNull();
        assertThat(item.description()).contains("<li>02:13 Main</li>");
    }

    @Test
    void refusesWhatIsNoFeed() {
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel><title>x</title><item><title>t"))
                .isInstanceOf(FetchRefused.class).hasFieldOrPropertyWithValue("reason", Reason.MALFORMED_FEED);
        assertThatThrownBy(() -> parse("<html><body>Not found</body></html>"))
                .hasMessageContaining("no <channel>");
        assertThatThrownBy(() -> parse("<rss><channel><title>x</title><item><title>t</title></item></channel></rss>"))
                .hasMessageContaining("neither a guid nor an enclosure");
        assertThatThrownBy(() -> parse("<rss><channel><item><guid>g</guid></item></channel></rss>"))
                .hasMessageContaining("no title");
    }

    @Test
    void refusesDoctypesAndEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss><channel><title>&x;</title></channel></rss>";
        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(FetchRefused.class)
                .hasFieldOrPropertyWithValue("reason", Reason.MALFORMED_FEED);
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<rss><channel><title>&b;</title></channel></rss>";
        assertThatThrownBy(() -> parse(bomb)).isInstanceOf(FetchRefused.class);
    }

    @Test
    void rfc822Dates() {
        assertThat(FeedParser.date("Wed, 02 Oct 2002 08:00:00 EST")).isEqualTo(Instant.parse("2002-10-02T13:00:00Z"));
        assertThat(FeedParser.date("2 Oct 2002 08:00:00 +0000")).isEqualTo(Instant.parse("2002-10-02T08:00:00Z"));
        assertThat(FeedParser.date("Wed,  02 Oct 2002 15:00:00 +0200"))
                .isEqualTo(Instant.parse("2002-10-02T13:00:00Z"));
        assertThat(FeedParser.date("yesterday")).isNull();
    }

    @Test
    void slugs() {
        assertThat(FeedRules.slug("Café & Code!", "show")).isEqualTo("cafe-code");
        assertThat(FeedRules.slug("???", "show")).isEqualTo("show");
        assertThat(FeedRules.slug("a ".repeat(100), "x").length()).isLessThanOrEqualTo(FeedRules.SLUG_BASE_MAX_CHARS);
    }
}
