package dev.podclip.chapters.files;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ChapterFilesTest {

    private static final BoundaryPolicy RULES = BoundaryPolicy.DEFAULTS;

    static byte[] fixture(String name) {
        try (InputStream in = ChapterFilesTest.class.getResourceAsStream("/files/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<WarningCode> codes(ChapterList list) {
        return list.warnings().stream().map(Warning::code).toList();
    }

    @Test
    void podcastingJsonWithImagesLinksHiddenChapterAndTheLastEnd() {
        ChapterList list = ChapterFiles.readPodcastingJson(fixture("basic.json"), null, RULES);
        assertThat(list.chapters()).containsExactly(
                new Chapter(0, 62_500L, "Cold open", null, "https://example.org/art/0.jpg", true),
                new Chapter(62_500, 300_000L, "Why chapters", "https://example.org/why", null, true),
                new Chapter(300_000, 420_250L, "", null, null, false),
                new Chapter(420_250, 600_000L, "Wrap-up", null, null, true));
        assertThat(list.durationMs()).isEqualTo(600_000L);
        assertThat(codes(list)).doesNotContain(WarningCode.LENIENT_JSON, WarningCode.END_TIME_MISMATCH,
                WarningCode.DURATION_UNKNOWN);
    }

    /** A chapter link is shown to listeners: only http(s), absolute or relative, is republished. */
    @Test
    void onlyWebLinksAreKept() {
        String json = "{\"version\":\"1.2.0\",\"chapters\":["
                + chapter(0, "javascript:alert(1)", "data:image/png;base64,xx") + ","
                + chapter(10, "JaVaScRiPt:alert(1)", "HTTPS://cdn.example/b.jpg") + ","
                + chapter(20, "java\\tscript:alert(1)", "/art/c.jpg") + ","
                + chapter(30, "http://example.org/d", "vbscript:x") + "]}";
        ChapterList list = ChapterFiles.readPodcastingJson(json.getBytes(StandardCharsets.UTF_8), null, RULES);
        assertThat(list.chapters()).extracting(Chapter::url, Chapter::imageUrl).containsExactly(
                tuple(null, null), tuple(null, "HTTPS://cdn.example/b.jpg"), tuple(null, "/art/c.jpg"),
                tuple("http://example.org/d", null));
        String psc = "<psc:chapters xmlns:psc=\"http://podlove.org/simple-chapters\" version=\"1.2\">"
                + "<psc:chapter start=\"0\" title=\"a\" href=\"javascript:alert(1)\""
                + " image=\"https://x.example/a.png\"/></psc:chapters>";
        byte[] pscBytes = psc.getBytes(StandardCharsets.UTF_8);
        assertThat(ChapterFiles.readPodloveSimpleChapters(pscBytes, null, RULES).chapters())
                .extracting(Chapter::url, Chapter::imageUrl)
                .containsExactly(tuple(null, "https://x.example/a.png"));
    }

    @Test
    void podloveEntriesReadByTheCallerGiveWhatTheDocumentGives() {
        String psc = "<psc:chapters xmlns:psc=\"http://podlove.org/simple-chapters\" version=\"1.2\">"
                + "<psc:chapter start=\"00:00:00\" title=\"A &amp; B\" image=\" https://x.example/a.png \"/>"
                + "<psc:chapter title=\"no start\"/>"
                + "<psc:chapter start=\"1:00\" href=\"javascript:alert(1)\"/>"
                + "<psc:chapter start=\"2:00\" title=\"c\" href=\"  \"/></psc:chapters>";
        List<PodloveChapter> entries = List.of(
                new PodloveChapter("00:00:00", "A & B", null, " https://x.example/a.png "),
                new PodloveChapter(null, "no start", null, null),
                new PodloveChapter("1:00", null, "javascript:alert(1)", null),
                new PodloveChapter("2:00", "c", "  ", null));
        StatedDuration duration = StatedDuration.exactMs(300_000);

        ChapterList fromDocument = ChapterFiles.readPodloveSimpleChapters(
                psc.getBytes(StandardCharsets.UTF_8), duration, RULES);
        ChapterList fromEntries = ChapterFiles.readPodloveSimpleChapters(entries, duration, RULES);

        assertThat(fromEntries).isEqualTo(fromDocument);
        assertThat(fromEntries.chapters()).hasSize(3);
        assertThat(fromEntries.warnings()).extracting(w -> w.code().name()).contains("ENTRY_SKIPPED");
    }

    private static String chapter(int startSeconds, String url, String img) {
        return "{\"startTime\":" + startSeconds + ",\"title\":\"t\",\"url\":\"" + url + "\",\"img\":\"" + img
                + "\"}";
    }

    @Test
    void aGivenDurationClosesTheLastChapter() {
        ChapterList list = ChapterFiles.read(fixture("basic.json"), StatedDuration.exactMs(650_000), RULES);
        assertThat(list.chapters().get(3).endMs()).isEqualTo(650_000L);
        assertThat(codes(list)).contains(WarningCode.END_TIME_MISMATCH);
    }

    @Test
    void handWrittenJsonIsReadWithLenientJsonWarnings() {
        ChapterList list = ChapterFiles.readPodcastingJson(fixture("lenient.json"), null, RULES);
        assertThat(list.chapters()).extracting(Chapter::startMs, Chapter::title).containsExactly(
                tuple(0L, "Intro"), tuple(90_500L, "Main part"), tuple(180_000L, "Outro"));
        assertThat(codes(list)).filteredOn(WarningCode.LENIENT_JSON::equals).hasSize(3);
    }

    @Test
    void endTimesThatDisagreeWithTheNextStartAreReplacedAndFlagged() {
        ChapterList list = ChapterFiles.readPodcastingJson(fixture("mismatch.json"), null, RULES);
        assertThat(list.chapters()).extracting(Chapter::startMs, Chapter::endMs).containsExactly(
                tuple(0L, 60_000L), tuple(60_000L, 120_000L), tuple(120_000L, 200_000L), tuple(200_000L, null));
        assertThat(list.warnings()).filteredOn(w -> w.code() == WarningCode.END_TIME_MISMATCH).hasSize(2);
    }

    @Test
    void entriesWithoutAReadableStartAreSkipped() {
        ChapterList list = ChapterFiles.readPodcastingJson(fixture("skipped.json"), null, RULES);
        assertThat(list.chapters()).extracting(Chapter::title).containsExactly("Kept", "Kept too");
        assertThat(codes(list)).filteredOn(WarningCode.ENTRY_SKIPPED::equals).hasSize(4);
    }

    @Test
    void aMissingCommaBetweenEntriesIsAddedWithLenientJson() {
        ChapterList list = ChapterFiles.read(fixture("broken.json"), null, RULES);
        assertThat(list.chapters()).extracting(Chapter::title).containsExactly("One", "Missing comma above");
        assertThat(list.warnings()).filteredOn(w -> w.code() == WarningCode.LENIENT_JSON)
                .singleElement().satisfies(w -> assertThat(w.message()).contains("line 5", "missing comma"));
    }

    @Test
    void brokenJsonIsAClearErrorNamingItsLine() {
        assertThatThrownBy(() -> ChapterFiles.read(fixture("unreadable.json"), null, RULES))
                .isInstanceOfSatisfying(ChapterEngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_JSON);
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("line 5");
                });
        assertThatThrownBy(() -> ChapterFiles.readPodcastingJson("{\"version\":\"1.2.0\"}".getBytes(
                StandardCharsets.UTF_8), null, RULES))
                .isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_JSON));
    }

    @Test
    void podloveSimpleChaptersWithNormalPlayTime() {
        ChapterList list = ChapterFiles.readPodloveSimpleChapters(fixture("psc.xml"), null, RULES);
        assertThat(list.chapters()).extracting(Chapter::startMs, Chapter::title).containsExactly(
                tuple(0L, "Intro"), tuple(62_500L, "Links & pictures"), tuple(762_000L, "Short form"),
                tuple(3_600_250L, "An hour in"));
        assertThat(list.chapters().get(1).url()).isEqualTo("https://example.org/a");
        assertThat(list.chapters().get(1).imageUrl()).isEqualTo("https://example.org/a.jpg");
        assertThat(codes(list)).contains(WarningCode.ENTRY_SKIPPED);
    }

    @Test
    void podloveWithoutNamespaceOrInsideAFeed() {
        assertThat(ChapterFiles.read(fixture("plain.xml"), null, RULES).chapters())
                .extracting(Chapter::startMs).containsExactly(0L, 75_500L);
        assertThat(ChapterFiles.read(fixture("feed.xml"), null, RULES).chapters())
                .extracting(Chapter::startMs, Chapter::title)
                .containsExactly(tuple(0L, "Welcome"), tuple(187_000L, "Résumé"));
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        assertThatThrownBy(() -> ChapterFiles.readPodloveSimpleChapters(fixture("xxe.xml"), null, RULES))
                .isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_XML));
    }

    @Test
    void deeplyNestedXmlIsRefusedQuickly() {
        String deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ChapterFiles.read(deep.getBytes(StandardCharsets.UTF_8), null, RULES))
                .isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_XML));
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms").isLessThan(2_000);
    }

    @Test
    void readerWarningsAreBounded() {
        String json = "{\"chapters\": [" + "{\"title\": \"no start\"},".repeat(5_000) + "{\"startTime\": 0}]}";
        ChapterList list = ChapterFiles.readPodcastingJson(json.getBytes(StandardCharsets.UTF_8), null, RULES);
        assertThat(list.chapters()).hasSize(1);
        assertThat(list.warnings()).filteredOn(w -> w.code() == WarningCode.ENTRY_SKIPPED)
                .hasSize(ReaderWarnings.MAX_WARNINGS + 1);
    }

    @Test
    void badXmlIsAClearErrorWithALine() {
        assertThatThrownBy(() -> ChapterFiles.read(fixture("bad.xml"), null, RULES))
                .isInstanceOfSatisfying(ChapterEngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_XML);
                    assertThat(e.line()).isBetween(3, 4);
                });
        assertThatThrownBy(() -> ChapterFiles.read("<html><p>no chapters</p></html>".getBytes(StandardCharsets.UTF_8),
                null, RULES)).isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_XML));
    }

    @Test
    void readTellsTheFormatsApartAndRefusesOthers() {
        assertThat(ChapterFiles.read(fixture("psc.xml"), null, RULES).chapters()).hasSize(4);
        assertThat(ChapterFiles.read(fixture("lenient.json"), null, RULES).chapters()).hasSize(3);
        assertThatThrownBy(() -> ChapterFiles.read("0:00 Intro".getBytes(StandardCharsets.UTF_8), null, RULES))
                .isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FORMAT));
        assertThatThrownBy(() -> ChapterFiles.read(new byte[Limits.MAX_CHAPTER_FILE_BYTES + 1], null, RULES))
                .isInstanceOfSatisfying(ChapterEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_TOO_LARGE));
    }

    private static ChapterList sample() {
        return new ChapterList(List.of(
                new Chapter(0, 62_500L, "Cold open", null, "https://example.org/0.jpg", true),
                new Chapter(62_500, 3_600_000L, "Why <chapters> & more", "https://example.org/why", null, true),
                new Chapter(3_600_000, 3_700_000L, "", null, null, false),
                new Chapter(3_700_000, null, "", null, null, true)), List.of(), null);
    }

    @Test
    void writesPodcastingJson() {
        assertThat(ChapterFiles.writePodcastingJson(sample())).isEqualToIgnoringWhitespace("""
                {"version":"1.2.0","chapters":[
                 {"startTime":0,"title":"Cold open","img":"https://example.org/0.jpg","endTime":62.5},
                 {"startTime":62.5,"title":"Why <chapters> & more","url":"https://example.org/why","endTime":3600},
                 {"startTime":3600,"title":"","toc":false,"endTime":3700},
                 {"startTime":3700,"title":""}]}""");
    }

    @Test
    void writesAWebVttChaptersTrack() {
        assertThat(ChapterFiles.writeWebVtt(sample())).isEqualTo("""
                WEBVTT

                1
                00:00:00.000 --> 00:01:02.500
                Cold open

                2
                00:01:02.500 --> 01:00:00.000
                Why &lt;chapters&gt; &amp; more

                3
                01:00:00.000 --> 01:01:40.000


                4
                01:01:40.000 --> 01:01:40.000

                """);
    }

    @Test
    void writesAYouTubeBlockStartingAtZero() {
        ChapterList late = new ChapterList(List.of(
                new Chapter(5_000, 70_000L, "Intro", null, null, true),
                new Chapter(70_000, 3_725_000L, "Hidden", null, null, false),
                new Chapter(3_725_000, null, " ", null, null, true)), List.of(), null);
        assertThat(ChapterFiles.writeYouTubeBlock(late)).isEqualTo("0:00 Intro\n1:02:05 Chapter 2\n");
    }
}
