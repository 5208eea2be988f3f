package dev.podclip.clip.share;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.clips.ClipRange;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, 250_000L, "Intro", null, null, true),
            new Chapter(250_000, 750_000L, "<b>Main</b> & more", null, null, true),
            new Chapter(750_000, 1_000_000L, "End", null, null, true));

    @Test
    void chaptersToScaleWithTheClipHighlighted() {
        String svg = Timeline.svg(CHAPTERS, 1_000_000L, new ClipRange(500_000, 600_000));
        Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
        List<Element> chapters = doc.select("rect.chapter");
        assertThat(chapters).hasSize(3);
        assertThat(chapters.get(1).attr("x")).isEqualTo("250.0");
        assertThat(chapters.get(1).attr("width")).isEqualTo("500.0");
        Element clip = doc.selectFirst("rect.clip");
        assertThat(clip.attr("x")).isEqualTo("500.0");
        assertThat(clip.attr("width")).isEqualTo("100.0");
        assertThat(chapters.get(1).selectFirst("title").text()).startsWith("2. <b>Main</b> & more");
        assertThat(svg).doesNotContain("<b>").contains("&lt;b&gt;Main&lt;/b&gt; &amp; more");
        assertThat(svg).doesNotContain("style=").doesNotContain("<script");
    }

    @Test
    void unknownLengthUsesTheLastChapterOrTheClip() {
        assertThat(Timeline.totalMs(CHAPTERS, null, new ClipRange(0, 10_000))).isEqualTo(1_000_000);
        assertThat(Timeline.totalMs(List.of(), null, new ClipRange(0, 10_000))).isEqualTo(10_000);
        String svg = Timeline.svg(List.of(), null, new ClipRange(0, 10_000));
        assertThat(Jsoup.parse(svg, "", Parser.xmlParser()).selectFirst("rect.clip").attr("width"))
                .isEqualTo("1000.0");
    }
}
