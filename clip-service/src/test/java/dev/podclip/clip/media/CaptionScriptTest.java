package dev.podclip.clip.media;

import dev.podclip.clip.media.CaptionScript.Layers;
import dev.podclip.clip.media.CaptionScript.Texts;
import dev.podclip.clip.media.CaptionScript.Timed;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptionScriptTest {

    private static List<String> dialogues(String script, String style) {
        return Arrays.stream(script.split("\n")).filter(l -> l.startsWith("Dialogue:") && l.contains("," + style + ","))
                .toList();
    }

    private static Texts texts(List<Timed> chapters, List<Timed> cues) {
        return new Texts("Database School", "Episode 12: Preston's story", "DS", chapters, cues);
    }

    @Test
    void captionsAreTheCuesInsideTheRangeInClipTimeClippedAtBothEnds() {
        List<Timed> cues = List.of(new Timed(5_000, 9_000, "before the clip"),
                new Timed(9_000, 12_000, "straddles the start"),
                new Timed(13_000, 14_500, "inside"),
                new Timed(19_000, 25_000, "straddles the end"),
                new Timed(30_000, 31_000, "after the clip"));
        String script = CaptionScript.of(VideoFormat.SQUARE, VideoTheme.DARK, texts(List.of(), cues), 10_000, 20_000)
                .moving();
        assertThat(dialogues(script, "Caption")).containsExactly(
                "Dialogue: 0,0:00:00.00,0:00:02.00,Caption,,0,0,0,,straddles the start",
                "Dialogue: 0,0:00:03.00,0:00:04.50,Caption,,0,0,0,,inside",
                "Dialogue: 0,0:00:09.00,0:00:10.00,Caption,,0,0,0,,straddles the end");
    }

    @Test
    void aLongCueIsWrappedForTheFormatAndShownPageByPageInProportionToItsText() {
        String text = "the write ahead log keeps every page change durable until a checkpoint folds the journal back"
                + " into the main database file";
        int chars = VideoFormat.charsPerLine(720 - 2 * VideoFormat.SQUARE.captionMarginPx(),
                VideoFormat.SQUARE.captionPx());
        List<Timed> pages = CaptionScript.pages(new Timed(0, 12_000, text), chars, 2);
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(pages.get(0).startMs()).isZero();
        assertThat(pages.get(pages.size() - 1).endMs()).isEqualTo(12_000);
        for (int i = 1; i < pages.size(); i++) {
            assertThat(pages.get(i).startMs()).isEqualTo(pages.get(i - 1).endMs());
        }
        for (Timed page : pages) {
            String[] lines = page.text().split("\\\\N");
            assertThat(lines.length).isLessThanOrEqualTo(2);
            assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(chars));
        }
        assertThat(String.join(" ", pages.stream().map(p -> p.text().replace("\\N", " ")).toList())).isEqualTo(text);
        int portraitChars = VideoFormat.charsPerLine(720 - 2 * VideoFormat.PORTRAIT.captionMarginPx(),
                VideoFormat.PORTRAIT.captionPx());
        int landscapeChars = VideoFormat.charsPerLine(1280 - 2 * VideoFormat.LANDSCAPE.captionMarginPx(),
                VideoFormat.LANDSCAPE.captionPx());
        assertThat(landscapeChars).isGreaterThan(chars).isGreaterThan(portraitChars);
    }

    @Test
    void theChapterTitleChangesWhereTheClipCrossesABoundary() {
        List<Timed> chapters = List.of(new Timed(50_000, 60_000, "Cold open"),
                new Timed(60_000, 70_000, "Write-ahead logging"));
        String script = CaptionScript.of(VideoFormat.LANDSCAPE, VideoTheme.LIGHT, texts(chapters, List.of()),
                55_000, 65_000).moving();
        assertThat(dialogues(script, "Chapter")).containsExactly(
                "Dialogue: 0,0:00:00.00,0:00:05.00,Chapter,,0,0,0,,{\\an7\\pos(380,300)}Cold open",
                "Dialogue: 0,0:00:05.00,0:00:10.00,Chapter,,0,0,0,,{\\an7\\pos(380,300)}Write-ahead logging");
    }

    @Test
    void titlesAreWrappedAndCutAndTheCardAndProgressBarSpanTheClip() {
        Texts long_ = new Texts("Database School", "word ".repeat(80), "DS", List.of(), List.of());
        Layers layers = CaptionScript.of(VideoFormat.SQUARE, VideoTheme.DARK, long_, 0, 61_000);
        String episode = dialogues(layers.still(), "Episode").get(0);
        assertThat(episode.split("\\\\N")).hasSize(VideoFormat.SQUARE.episodeTitleLines());
        assertThat(episode).endsWith(CaptionScript.ELLIPSIS).startsWith("Dialogue: 0,0:00:00.00,0:01:01.00,");
        assertThat(dialogues(layers.still(), "Shape")).anySatisfy(s -> assertThat(s).contains("}DS"));
        assertThat(dialogues(layers.moving(), "Shape"))
                .containsExactly("Dialogue: 0,0:00:00.00,0:01:01.00,Shape,,0,0,0,,{\\an7\\pos(0,0)\\bord0\\shad0"
                        + "\\1c&H00F8BD38&\\clip(0,712,0,720)\\t(0,61000,\\clip(0,712,720,720))\\p1}"
                        + "m 0 712 l 720 712 720 720 0 720{\\p0}");
        assertThat(dialogues(CaptionScript.of(VideoFormat.SQUARE, VideoTheme.DARK, long_.withoutCard(), 0, 61_000)
                .still(), "Shape")).isEmpty();
    }

    @Test
    void theStillLayerHoldsOnlyWhatSpansTheWholeClipUnanimatedAndTheMovingLayerTheRest() {
        List<Timed> chapters = List.of(new Timed(0, 40_000, "Cold open"), new Timed(40_000, 90_000, "Indexes"));
        List<Timed> cues = List.of(new Timed(31_000, 33_000, "a cue"));
        Layers layers = CaptionScript.of(VideoFormat.PORTRAIT, VideoTheme.DARK, texts(chapters, cues), 30_000, 60_000);
        // Drawn on the first frame only and repeated: anything shorter than the clip or animated would be frozen.
        List<String> still = layers.still().lines().filter(l -> l.startsWith("Dialogue:")).toList();
        assertThat(still).hasSize(4).allSatisfy(line -> assertThat(line)
                .startsWith("Dialogue: 0,0:00:00.00,0:00:30.00,").doesNotContain("\\t(", "\\move", "\\fad"));
        assertThat(dialogues(layers.still(), "Show")).hasSize(1);
        assertThat(dialogues(layers.moving(), "Show")).isEmpty();
        assertThat(dialogues(layers.moving(), "Episode")).isEmpty();
        assertThat(dialogues(layers.moving(), "Chapter")).hasSize(2);
        assertThat(dialogues(layers.moving(), "Caption")).hasSize(1);
        assertThat(layers.still()).startsWith("[Script Info]");
        assertThat(layers.moving()).startsWith(layers.still().substring(0, layers.still().indexOf("Dialogue:")));
    }

    @Test
    void textCannotOverrideTheScriptOrBreakItsLines() {
        String hostile = "a {\\pos(0,0)\\fs200}big\\Nline\nnext\r\u0000end";
        Layers layers = CaptionScript.of(VideoFormat.SQUARE, VideoTheme.CONTRAST,
                new Texts(hostile, hostile, null, List.of(), List.of(new Timed(0, 1_000, hostile))), 0, 1_000);
        String script = layers.still() + layers.moving();
        for (String style : List.of("Show", "Episode", "Caption")) {
            String line = dialogues(script, style).get(0);
            String text = line.substring(line.indexOf(",,0,0,0,,") + 9);
            String userText = text.startsWith("{\\an") ? text.substring(text.indexOf('}') + 1) : text;
            // The script's own line breaks (\N) are the only escapes left; the text's backslashes became "∖".
            assertThat(userText.replace("\\N", " ")).doesNotContain("{", "}", "\\", "\n", "\r", "\u0000")
                    .contains("∖");
        }
        for (String layer : List.of(layers.still(), layers.moving())) {
            assertThat(layer.lines().filter(l -> l.startsWith("Dialogue:")).count())
                    .isEqualTo(layer.split("Dialogue:").length - 1);
        }
    }

    @Test
    void coloursAndTimesAreWrittenAsLibassReadsThem() {
        assertThat(VideoTheme.assColour(0x38BDF8)).isEqualTo("&H00F8BD38");
        assertThat(VideoTheme.ffmpegColour(0x38BDF8)).isEqualTo("0x38BDF8");
        assertThat(CaptionScript.time(3_723_456)).isEqualTo("1:02:03.46");
        assertThat(CaptionScript.time(0)).isEqualTo("0:00:00.00");
        assertThatThrownBy(() -> CaptionScript.of(VideoFormat.SQUARE, VideoTheme.DARK, texts(List.of(), List.of()),
                5_000, 5_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTranscriptOfManyCuesGivesABoundedScript() {
        List<Timed> cues = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> new Timed(i * 10L, i * 10L + 10, "cue " + i)).toList();
        String script = CaptionScript.of(VideoFormat.SQUARE, VideoTheme.DARK, texts(List.of(), cues), 0, 100_000)
                .moving();
        assertThat(script.lines().filter(l -> l.startsWith("Dialogue:")).count())
                .isEqualTo(CaptionScript.MAX_EVENTS);
    }
}
