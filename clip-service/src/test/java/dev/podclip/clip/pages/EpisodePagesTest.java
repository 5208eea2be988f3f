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
}
