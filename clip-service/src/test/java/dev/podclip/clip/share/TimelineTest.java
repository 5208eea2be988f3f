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
        assertThat(chapters.get(1).attr("x")).isEqualTo("25.00%");
        assertThat(chapters.get(1).attr("width")).isEqualTo("50.00%");
        Element clip = doc.selectFirst("rect.clip");
        assertThat(clip.attr("x")).isEqualTo("50.00%");
        assertThat(clip.attr("width")).isEqualTo("10.00%");
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
                .isEqualTo("100.00%");
    }

    /**
     * Proportions hold at any width: no viewBox to stretch, so no preserveAspectRatio="none" distorting the text;
     * positions are percentages of the width and text keeps its size. Each wide chapter is labelled inside its own
     * clipping viewport, a long title cut with an ellipsis, its whole title the tooltip.
     */
    @Test
    void labelsAreNeverStretchedAndLongTitlesAreCutWithATooltip() {
        String longTitle = "A very long chapter title that goes on & on about <write-ahead> logging and checkpoints";
        List<Chapter> chapters = List.of(new Chapter(0, 100_000L, longTitle, null, null, true),
                new Chapter(100_000, 950_000L, "Middle", null, null, true),
                new Chapter(950_000, 1_000_000L, "Tiny", null, null, true));
        String svg = Timeline.svg(chapters, 1_000_000L, new ClipRange(500_000, 600_000));
        Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
        Element root = doc.selectFirst("svg.timeline");
        assertThat(root.hasAttr("viewBox")).isFalse();
        assertThat(root.hasAttr("preserveAspectRatio")).isFalse();
        assertThat(root.attr("width")).isEqualTo("100%");

        List<Element> labels = doc.select("svg.chapter-label");
        assertThat(labels).hasSize(2); // "Tiny" is 5 % wide: no room for a label, its bar keeps the tooltip
        Element first = labels.get(0);
        assertThat(first.attr("x")).isEqualTo("0.00%");
        assertThat(first.attr("width")).isEqualTo("10.00%");
        assertThat(first.attr("overflow")).isEqualTo("hidden");
        String shown = first.selectFirst("text").text();
        assertThat(shown).endsWith("…").hasSizeLessThanOrEqualTo(9);
        assertThat(longTitle).startsWith(shown.substring(0, shown.length() - 1));
        assertThat(first.selectFirst("title").text()).isEqualTo("1. " + longTitle + " (0:00–1:40)");
        assertThat(labels.get(1).selectFirst("text").text()).isEqualTo("Middle");
        assertThat(svg).contains("&lt;write-ahead&gt;").doesNotContain("<write-ahead>");
        assertThat(Timeline.fit("abcdef", 4)).isEqualTo("abc…");
        assertThat(Timeline.fit("abc", 4)).isEqualTo("abc");
    }
}
