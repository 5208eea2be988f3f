package dev.podclip.chapters.transcript;

import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.chapters.Cue;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranscriptsTest {

    static byte[] fixture(String name) {
        try (InputStream in = TranscriptsTest.class.getResourceAsStream("/transcripts/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<WarningCode> codes(Transcript transcript) {
        return transcript.warnings().stream().map(Warning::code).toList();
    }

    @Test
    void webVttWithHeaderNotesStylesRegionsIdentifiersSettingsVoicesAndTags() {
        Transcript t = Transcripts.read(fixture("basic.vtt"), TranscriptFormat.VTT);
        assertThat(t.format()).isEqualTo(TranscriptFormat.VTT);
        assertThat(t.cues()).containsExactly(
                new Cue(0, 4_250, "Welcome to the show.", "Ada"),
                new Cue(4_250, 9_000, "Today: chapters & transcripts.\nSecond line.", "Ada"),
                new Cue(9_000, 12_500, "Hours left out, with an inline timestamp.", "Grace"),
                new Cue(12_500, 15_000, "No voice here; <not a tag>", null));
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void brokenCuesAreSkippedWithTheirLineAndBadTimesAreRepairedOrFlagged() {
        Transcript t = Transcripts.read(fixture("broken.vtt"), TranscriptFormat.VTT);
        assertThat(t.cues()).extracting(Cue::startMs, Cue::endMs).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1_000L, 2_000L),
                org.assertj.core.groups.Tuple.tuple(5_000L, 5_000L),
                org.assertj.core.groups.Tuple.tuple(3_000L, 6_000L));
        assertThat(codes(t)).containsExactly(WarningCode.CUE_SKIPPED, WarningCode.CUE_SKIPPED,
                WarningCode.CUE_TIME_REPAIRED, WarningCode.CUE_OUT_OF_ORDER);
        assertThat(t.warnings().get(0).message()).startsWith("line 6:");
        assertThat(t.warnings().get(1).message()).startsWith("line 10:");
        assertThat(t.warnings().get(2).index()).isEqualTo(1);
        assertThat(t.warnings().get(3).index()).isEqualTo(2);
    }

    @Test
    void strayTextIsSkippedButTheCueRightAfterItIsKept() {
        Transcript t = Transcripts.read(fixture("stray.vtt"), TranscriptFormat.VTT);
        assertThat(t.cues()).extracting(Cue::startMs, Cue::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(60_000L, "The first thought,"),
                org.assertj.core.groups.Tuple.tuple(65_000L, "The next cue, with no blank line above it."),
                org.assertj.core.groups.Tuple.tuple(70_000L, "Back to normal."));
        assertThat(codes(t)).containsExactly(WarningCode.CUE_SKIPPED);
        assertThat(t.warnings().get(0).message()).startsWith("line 7:");
    }

    @Test
    void commaFractionsShortFractionsMissingFractionsAndIndentedLines() {
        Transcript t = Transcripts.read(fixture("fractions.vtt"), null);
        assertThat(t.cues()).extracting(Cue::startMs, Cue::endMs).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1_500L, 2_500L),
                org.assertj.core.groups.Tuple.tuple(3_723_000L, 3_724_250L),
                org.assertj.core.groups.Tuple.tuple(3_000L, 4_000L));
        assertThat(t.cues().get(2).text()).isEqualTo("Indented with a tab.");
    }

    @Test
    void vttLineEndingsAllRead() {
        String lf = "WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n\n00:02.000 --> 00:03.000\nTwo\n";
        for (String text : List.of(lf, lf.replace("\n", "\r\n"), lf.replace("\n", "\r"))) {
            Transcript t = Transcripts.read(text.getBytes(StandardCharsets.UTF_8), null);
            assertThat(t.cues()).extracting(Cue::text).containsExactly("One", "Two");
        }
    }

    @Test
    void byteOrderMarksAndUtf16WithoutOne() {
        String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Zoë>Grüße – ok\n";
        List<byte[]> encodings = List.of(
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, vtt.getBytes(StandardCharsets.UTF_8)),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, vtt.getBytes(StandardCharsets.UTF_16LE)),
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, vtt.getBytes(StandardCharsets.UTF_16BE)),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, vtt.getBytes(Charset.forName("UTF-32LE"))),
                vtt.getBytes(StandardCharsets.UTF_16LE),
                vtt.getBytes(StandardCharsets.UTF_16BE));
        for (byte[] bytes : encodings) {
            Transcript t = Transcripts.read(bytes, null);
            assertThat(t.format()).isEqualTo(TranscriptFormat.VTT);
            assertThat(t.cues()).containsExactly(new Cue(1_000, 2_000, "Grüße – ok", "Zoë"));
        }
        assertThat(codes(Transcripts.read(vtt.getBytes(StandardCharsets.UTF_16LE), null)))
                .containsExactly(WarningCode.ENCODING_GUESSED);
    }

    @Test
    void windows1252IsGuessedWhenTheBytesAreNotUtf8() {
        byte[] bytes = "1\r\n00:00:01,000 --> 00:00:02,000\r\nCaf\u00e9\r\n".getBytes(Charset.forName("windows-1252"));
        Transcript t = Transcripts.read(bytes, TranscriptFormat.SRT);
        assertThat(t.cues()).extracting(Cue::text).containsExactly("Café");
        assertThat(codes(t)).containsExactly(WarningCode.ENCODING_GUESSED);
    }

    @Test
    void srtWithMissingNumbersMissingBlankLinesDotsShortTimesAndSpeakerPrefix() {
        Transcript t = Transcripts.read(fixture("basic.srt"), TranscriptFormat.SRT);
        assertThat(t.cues()).containsExactly(
                new Cue(0, 2_500, "Hello there.", null),
                new Cue(2_500, 5_000, "Two lines,\nsecond line.", "Alan"),
                new Cue(5_000, 7_000, "No sequence number above me.", null),
                new Cue(7_000, 9_000, "Dot fraction, and no blank line before my number.", null),
                new Cue(10_000, 12_000, "No hours, no milliseconds.", null));
        assertThat(codes(t)).containsExactly(WarningCode.CUE_SKIPPED);
        assertThat(t.warnings().get(0).message()).startsWith("line 18:");
    }

    @Test
    void podcastingJsonWithStringTimesAndMissingTimes() {
        Transcript t = Transcripts.read(fixture("basic.json"), TranscriptFormat.JSON);
        assertThat(t.cues()).containsExactly(
                new Cue(0, 1_500, "Hello", "Ada"),
                new Cue(1_500, 3_250, "world.", "Ada"),
                new Cue(3_250, 9_000, "No end given.", "Grace"),
                new Cue(9_000, 9_000, "No times at all.", null),
                new Cue(9_000, 10_000, "Last.", "Grace"));
        assertThat(codes(t)).containsExactly(WarningCode.CUE_TIME_REPAIRED);
    }

    @Test
    void handWrittenJsonIsReadLenientlyAndSaysSo() {
        Transcript t = Transcripts.read(fixture("lenient.json"), null);
        assertThat(t.format()).isEqualTo(TranscriptFormat.JSON);
        assertThat(t.cues()).extracting(Cue::text).containsExactly("Single quotes", "Trailing comma");
        assertThat(codes(t)).containsExactly(WarningCode.LENIENT_JSON, WarningCode.CUE_SKIPPED);
    }

    @Test
    void flightcastJsonPrefersItsEmbeddedVtt() {
        String json = "{\"segments\":[{\"start\":0.0,\"end\":1.0,\"text\":\"segment\"}],"
                + "\"vtt\":\"WEBVTT\\n\\n00:00:00.031 --> 00:00:02.356\\nembedded\\n\"}";
        assertThat(Transcripts.read(json.getBytes(StandardCharsets.UTF_8), null).cues())
                .containsExactly(new Cue(31, 2_356, "embedded", null));
        String broken = json.replace("00:00:00.031 --> 00:00:02.356", "not a cue");
        assertThat(Transcripts.read(broken.getBytes(StandardCharsets.UTF_8), null).cues())
                .containsExactly(new Cue(0, 1_000, "segment", null));
    }

    @Test
    void podcastingHtmlWithCiteTimeAndParagraphs() {
        Transcript t = Transcripts.read(fixture("podcasting.html"), null);
        assertThat(t.format()).isEqualTo(TranscriptFormat.HTML);
        assertThat(t.cues()).containsExactly(
                new Cue(0, 65_000, "Welcome to the show, it's chapter time.", "Ada"),
                new Cue(65_000, 3_723_000, "Thanks & hello.", "Grace"),
                new Cue(3_723_000, 3_723_000, "An hour in.", "Grace"));
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void htmlParagraphsWithoutTimes() {
        Transcript t = Transcripts.read(fixture("paragraphs.html"), TranscriptFormat.HTML);
        assertThat(t.cues()).containsExactly(
                new Cue(0, 0, "Untimed text.", null),
                new Cue(0, 0, "Text with a speaker prefix.", "Alan Turing"),
                new Cue(0, 0, "Tags inside", null));
        assertThat(codes(t)).containsExactly(WarningCode.CUE_TIME_REPAIRED);
    }

    @Test
    void detectsEachFormat() {
        assertThat(Transcripts.detect(fixture("basic.vtt"))).contains(TranscriptFormat.VTT);
        assertThat(Transcripts.detect(fixture("basic.srt"))).contains(TranscriptFormat.SRT);
        assertThat(Transcripts.detect(fixture("basic.json"))).contains(TranscriptFormat.JSON);
        assertThat(Transcripts.detect(fixture("podcasting.html"))).contains(TranscriptFormat.HTML);
        assertThat(Transcripts.detect("just words".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(Transcripts.detect(new byte[0])).isEmpty();
    }

    @Test
    void unreadableFilesNameTheirFirstBadLine() {
        assertThatThrownBy(() -> Transcripts.read("no signature\n\n00:01.000 --> 00:02.000\nx\n"
                .getBytes(StandardCharsets.UTF_8), TranscriptFormat.VTT))
                .isInstanceOfSatisfying(ChapterEngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_TRANSCRIPT);
                    assertThat(e.line()).isEqualTo(1);
                });
        assertThatThrownBy(() -> Transcripts.read("1\n00:00:01,000 --> soon\nx\n"
                .getBytes(StandardCharsets.UTF_8), TranscriptFormat.SRT))
                .isInstanceOfSatisfying(ChapterEngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_TRANSCRIPT);
                    assertThat(e.line()).isEqualTo(2);
                });
        assertThatThrownBy(() -> Transcripts.read("{\n\"segments\": [\n{\"body\" \"x\"}]}"
                .getBytes(StandardCharsets.UTF_8), TranscriptFormat.JSON))
                .isInstanceOfSatisfying(ChapterEngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_TRANSCRIPT);
                    assertThat(e.line()).isEqualTo(3);
                });
        assertThatThrownBy(() -> Transcripts.read("words".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FORMAT));
    }

    @Test
    void emptyFilesHaveNoCues() {
        assertThat(Transcripts.read(new byte[0], TranscriptFormat.SRT).cues()).isEmpty();
        assertThat(Transcripts.read("WEBVTT\n".getBytes(StandardCharsets.UTF_8), TranscriptFormat.VTT).cues())
                .isEmpty();
    }

    @Test
    void limitsOnSizeAndCueCount() {
        assertThatThrownBy(() -> Transcripts.read(new byte[Limits.MAX_TRANSCRIPT_BYTES + 1], TranscriptFormat.VTT))
                .isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_TOO_LARGE));
        StringBuilder many = new StringBuilder("WEBVTT\n");
        String cue = "\n00:00.000 --> 00:01.000\n";
        for (int i = 0; i <= Limits.MAX_CUES; i++) {
            many.append(cue);
        }
        assertThatThrownBy(() -> Transcripts.read(many.toString().getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_CUES));
    }

    @Test
    void pathologicalPayloadsStayLinear() {
        for (String unclosed : List.of("<a", "&", "{\\")) {
            String srt = "1\n00:00:01,000 --> 00:00:02,000\n" + unclosed.repeat(1_000_000) + "\n";
            long t0 = System.nanoTime();
            Transcript t = Transcripts.read(srt.getBytes(StandardCharsets.UTF_8), TranscriptFormat.SRT);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(t.cues()).hasSize(1);
            assertThat(ms).as("ms for a million unclosed " + unclosed).isLessThan(2_000);
        }
    }

    @Test
    void htmlHasATighterSizeLimit() {
        byte[] html = ("<p>" + "x".repeat(Transcripts.MAX_HTML_CHARS) + "</p>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Transcripts.read(html, TranscriptFormat.HTML))
                .isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_TOO_LARGE));
    }

    @Test
    void timesPastTheLimitAreSkipped() {
        Transcript t = Transcripts.read("WEBVTT\n\n101:00:00.000 --> 101:00:01.000\nx\n\n00:01.000 --> 00:02.000\ny\n"
                .getBytes(StandardCharsets.UTF_8), TranscriptFormat.VTT);
        assertThat(t.cues()).extracting(Cue::text).containsExactly("y");
        assertThat(codes(t)).containsExactly(WarningCode.CUE_SKIPPED);
    }

    @Test
    void aFileWhoseEveryCueIsBrokenIsUnreadable() {
        assertThatThrownBy(() -> Transcripts.read("WEBVTT\n\n00:01.000 --> later\nx\n\n00:0x.000 --> 00:02.000\ny\n"
                .getBytes(StandardCharsets.UTF_8), TranscriptFormat.VTT))
                .isInstanceOfSatisfying(ChapterEngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_TRANSCRIPT);
                    assertThat(e.line()).isEqualTo(3);
                });
        assertThatThrownBy(() -> Transcripts.read("{\"segments\": [{\"startTime\": \"x\", \"body\": \"a\"}]}"
                .getBytes(StandardCharsets.UTF_8), TranscriptFormat.JSON))
                .isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_TRANSCRIPT));
    }

    @Test
    void writersProduceWhatPlayersRead() {
        List<Cue> cues = List.of(new Cue(0, 1_500, "a < b & c", "Ada"),
                new Cue(3_723_004, 3_724_000, "two\nlines", null));
        assertThat(Transcripts.writeVtt(cues)).isEqualTo("WEBVTT\n\n"
                + "00:00:00.000 --> 00:00:01.500\n<v Ada>a &lt; b &amp; c\n\n"
                + "01:02:03.004 --> 01:02:04.000\ntwo\nlines\n");
        assertThat(Transcripts.writeSrt(cues)).isEqualTo("1\n00:00:00,000 --> 00:00:01,500\nAda: a < b & c\n\n"
                + "2\n01:02:03,004 --> 01:02:04,000\ntwo\nlines\n");
        assertThat(Transcripts.read(Transcripts.writeSrt(cues).getBytes(StandardCharsets.UTF_8), null).cues())
                .isEqualTo(cues);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
