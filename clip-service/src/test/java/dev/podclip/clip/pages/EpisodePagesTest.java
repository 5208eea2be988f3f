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
}
