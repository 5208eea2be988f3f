package dev.podclip.catalog.feeds;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed item's {@code psc:chapters}, from the feed's XML to the Podcasting 2.0 JSON the catalog stores, byte for
 * byte: the JSON is what clip-service and every client read, so how the catalog gets there must not change it.
 */
class PscChaptersGoldenTest {

    private static String item(String duration, String chapters) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:psc="http://podlove.org/simple-chapters"
                     xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
                  <channel><title>Golden</title>
                    <item><title>G1</title><guid>g1</guid>
                      <enclosure url="https://g.example/1.mp3" length="1" type="audio/mpeg"/>
                """ + (duration == null ? "" : "<itunes:duration>" + duration + "</itunes:duration>") + """
                      <psc:chapters version="1.2">
                """ + chapters + """
                      </psc:chapters>
                    </item>
                  </channel>
                </rss>
                """;
    }

    private record Result(String json, List<String> warnings) {
    }

    private static Result convert(String duration, String chapters) {
        ParsedFeed.Item item = FeedParser.parse(item(duration, chapters).getBytes(StandardCharsets.UTF_8))
                .items().get(0);
        List<String> warnings = new ArrayList<>();
        String json = ItemDrafts.pscToJson(item.pscChapters(), item.durationText(), 1, warnings);
        return new Result(json, warnings);
    }

    @Test
    void linksImagesAndAStatedDuration() {
        Result result = convert("1:02:03", """
                <psc:chapter start="00:00:00.000" title="Begrüßung" image="https://g.example/a.jpg"/>
                <psc:chapter start="00:05:30.500" title="Thema &amp; Technik" href="https://podlove.org"/>
                <psc:chapter start="40:00" title="Ausklang"/>
                """);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.json()).isEqualTo("""
                {
                  "version" : "1.2.0",
                  "chapters" : [ {
                    "startTime" : 0,
                    "title" : "Begrüßung",
                    "img" : "https://g.example/a.jpg",
                    "endTime" : 330.5
                  }, {
                    "startTime" : 330.5,
                    "title" : "Thema & Technik",
                    "url" : "https://podlove.org",
                    "endTime" : 2400
                  }, {
                    "startTime" : 2400,
                    "title" : "Ausklang",
                    "endTime" : 3723
                  } ]
                }
                """);
    }

    @Test
    void markupQuotesAndCharacterReferencesInTitles() {
        Result result = convert("3600", """
                <psc:chapter start="0" title="&lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot; &apos;single&apos; 🎙️"/>
                <psc:chapter start="60" title="line&#10;break and&#9;tab"/>
                <psc:chapter start="120" title="  padded  " href="  https://g.example/p  "/>
                """);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.json()).isEqualTo("""
                {
                  "version" : "1.2.0",
                  "chapters" : [ {
                    "startTime" : 0,
                    "title" : "<b>bold</b> \\"quoted\\" 'single' 🎙️",
                    "endTime" : 60
                  }, {
                    "startTime" : 60,
                    "title" : "line break and tab",
                    "endTime" : 120
                  }, {
                    "startTime" : 120,
                    "title" : "padded",
                    "url" : "https://g.example/p",
                    "endTime" : 3600
                  } ]
                }
                """);
    }

    @Test
    void entriesWithoutAStartOrWithUnsafeLinksAreDroppedAndTheLastHasNoEnd() {
        Result result = convert(null, """
                <psc:chapter title="no start"/>
                <psc:chapter start="soon" title="bad start"/>
                <psc:chapter start="00:00:10"/>
                <psc:chapter start="00:01:00" title="script link" href="javascript:alert(1)" image="data:x"/>
                <psc:chapter start="00:02:00" title="relative" href="/notes#2"/>
                """);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.json()).isEqualTo("""
                {
                  "version" : "1.2.0",
                  "chapters" : [ {
                    "startTime" : 10,
                    "title" : "",
                    "endTime" : 60
                  }, {
                    "startTime" : 60,
                    "title" : "script link",
                    "endTime" : 120
                  }, {
                    "startTime" : 120,
                    "title" : "relative",
                    "url" : "/notes#2"
                  } ]
                }
                """);
    }

    @Test
    void noUsableEntryIsAnEmptyList() {
        Result result = convert("600", """
                <psc:chapter start="later" title="x"/>
                """);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.json()).isEqualTo("""
                {
                  "version" : "1.2.0",
                  "chapters" : [ ]
                }
                """);
    }
}
