package dev.podclip.clip.pages;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodePagesTest {

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
