package dev.podclip.clip.pages;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.clips.EpisodeContext;
import dev.podclip.clip.clips.TestLimits;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodePagesTest {

    static EpisodeContext episode(Long durationMs, List<Chapter> chapters) {
        return new EpisodeContext(UUID.fromString("00000000-0000-0000-0000-000000000001"), 1, false, "Show",
                "Episode", "https://cdn.example/ep.mp3", null, null, durationMs, 60_000, chapters, null);
    }

    @Test
    void theClipMakersRangeIsTheDefaultFormsAndItsLimitsAreTheClipRules() {
        List<Chapter> chapters = List.of(new Chapter(0, 300_000L, "One", null, null, true),
                new Chapter(300_000, 600_000L, "Two", null, null, true));
        EpisodePage.Maker maker = EpisodePages.maker(episode(600_000L, chapters), 61_000, "https://clips.example",
                TestLimits.DEFAULTS);
        assertThat(maker.rangeStartMs()).isEqualTo(61_000);
        assertThat(maker.rangeEndMs()).isEqualTo(121_000);
        assertThat(maker.totalMs()).isEqualTo(600_000);
        assertThat(maker.lastEndMs()).isEqualTo(660_000);
        assertThat(maker.minLengthMs()).isEqualTo(1_000);
        assertThat(maker.maxLengthMs()).isEqualTo(3_600_000);
        assertThat(maker.shareBase()).isEqualTo("https://clips.example/e/00000000-0000-0000-0000-000000000001");
        assertThat(maker.timelineSvg().getValue()).contains("class=\"clip\" x=\"10.17%\"")
                .doesNotContain("viewBox");

        // Near the end the minute is cut there; at or past the end, the first minute is drawn instead.
        EpisodePage.Maker late = EpisodePages.maker(episode(600_000L, chapters), 570_000, "b", TestLimits.DEFAULTS);
        assertThat(late.rangeStartMs()).isEqualTo(570_000);
        assertThat(late.rangeEndMs()).isEqualTo(600_000);
        EpisodePage.Maker past = EpisodePages.maker(episode(600_000L, chapters), 700_000, "b", TestLimits.DEFAULTS);
        assertThat(past.rangeStartMs()).isZero();
        assertThat(past.rangeEndMs()).isEqualTo(60_000);

        // Unknown length: no last end, and the timeline spans what the chapters and the range reach.
        EpisodePage.Maker unknown = EpisodePages.maker(episode(null, List.of()), 0, "b", TestLimits.DEFAULTS);
        assertThat(unknown.lastEndMs()).isNull();
        assertThat(unknown.totalMs()).isEqualTo(60_000);
    }

    @Test
    void notesAreCutIntoTextAndSeekLinksCoveringEveryChar() {
        String notes = "00:00 Intro\n12:30 - The deep dive a < b & c\nend";
        List<EpisodePage.NotesPiece> pieces = EpisodePages.notes(notes, 49 * 60_000L);
        assertThat(String.join("", pieces.stream().map(EpisodePage.NotesPiece::text).toList())).isEqualTo(notes);
        assertThat(pieces.stream().filter(EpisodePage.NotesPiece::link).map(EpisodePage.NotesPiece::startMs))
                .containsExactly(0L, 750_000L);
        assertThat(EpisodePages.notes(null, null)).isEmpty();
        assertThat(EpisodePages.htmlToText("<p>One</p><p>Two<br>Three</p>")).isEqualTo("One\nTwo\nThree");
        assertThat(EpisodePages.notes("<p>Go to 01:10 now</p>", null).stream()
                .filter(EpisodePage.NotesPiece::link).map(EpisodePage.NotesPiece::text)).containsExactly("01:10");
    }

    @Test
    void httpAndHttpsUrlsInNotesBecomeLinksAndNothingElseDoes() {
        String notes = "Read https://example.com/a_(b)). Also (http://x.test/path?t=01:00&y=2) at 02:00; "
                + "not javascript:alert(1) nor ftp://files.test/x nor data:text/html,hi; https://ex.com/\"onclick=\"x";
        List<EpisodePage.NotesPiece> pieces = EpisodePages.notes(notes, 49 * 60_000L);
        assertThat(String.join("", pieces.stream().map(EpisodePage.NotesPiece::text).toList())).isEqualTo(notes);
        assertThat(pieces.stream().filter(p -> p.href() != null).map(EpisodePage.NotesPiece::href)).containsExactly(
                "https://example.com/a_(b)", "http://x.test/path?t=01:00&y=2", "https://ex.com/");
        // The timecode inside the URL stays part of it; the one after is a seek link.
        assertThat(pieces.stream().filter(EpisodePage.NotesPiece::link).map(EpisodePage.NotesPiece::text))
                .containsExactly("02:00");
        // An HTML link keeps its target: written after its text, it is a link again.
        List<EpisodePage.NotesPiece> html = EpisodePages.notes(
                "<p>See <a href=\"https://example.com/guest\">our guest</a> and <a href=\"javascript:alert(1)\">this</a></p>",
                null);
        assertThat(html.stream().filter(p -> p.href() != null).map(EpisodePage.NotesPiece::href))
                .containsExactly("https://example.com/guest");
        assertThat(String.join("", html.stream().map(EpisodePage.NotesPiece::text).toList()))
                .isEqualTo("See our guest (https://example.com/guest) and this");
    }

    @Test
    void lengthsAsClockAndAsHtmlDurationAndFormValuesAsAClipRequest() {
        assertThat(EpisodePages.hms(0)).isEqualTo("0:00:00");
        assertThat(EpisodePages.hms(240_999)).isEqualTo("0:04:00");
        assertThat(EpisodePages.hms(3_721_000)).isEqualTo("1:02:01");
        assertThat(EpisodePages.isoDuration(0)).isEqualTo("PT0S");
        assertThat(EpisodePages.isoDuration(60_000)).isEqualTo("PT1M");
        assertThat(EpisodePages.isoDuration(3_721_000)).isEqualTo("PT1H2M1S");
        assertThat(EpisodePages.isoDuration(7_200_000)).isEqualTo("PT2H");

        assertThat(ClipForms.ask(" 1:00 ", "", "")).isEqualTo(new dev.podclip.clip.clips.ClipRules.Ask(null, null,
                "1:00", null, null, null));
        assertThat(ClipForms.ask(null, null, "2").chapterIndex()).isEqualTo(2);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> ClipForms.ask(null, null, "9999999999"), dev.podclip.support.problem.ProblemException.class)
                .extensions()).containsEntry("reason", "unknown-chapter");
        assertThat(WarningWords.words("fewer-than-three")).startsWith("Fewer than three");
        assertThat(WarningWords.words("from-a-newer-engine")).isEqualTo("Warning from-a-newer-engine.");
    }
}
