package dev.podclip.clip.browse;

import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.events.ShowSnapshot;
import dev.podclip.events.TranscriptSnapshot;

import java.time.Instant;
import java.util.UUID;

/** Shows and episodes for the browse pages, with the markup and quotes people might type in every text field. */
final class BrowseFixtures {

    /** What every user-supplied text of the fixtures carries: a tag and quotes that must stay text. */
    static final String EVIL = "<script>alert(\"x\")</script> & \"quotes\"";

    private BrowseFixtures() {
    }

    /** A show of its own (a fresh id and slug), so tests sharing the database do not see each other's episodes. */
    static ShowSnapshot show(String title, String imageUrl) {
        String slug = "show-" + UUID.randomUUID().toString().substring(0, 8);
        return new ShowSnapshot(UUID.randomUUID(), slug, title, "Author " + EVIL, "https://example.com", imageUrl);
    }

    static EpisodeSnapshot episode(ShowSnapshot show, String title, String notes, Instant publishedAt,
                                   TranscriptSnapshot transcript) {
        UUID id = UUID.randomUUID();
        return new EpisodeSnapshot(id, 1, "guid-" + id, "ep-" + id.toString().substring(0, 8), title, notes,
                publishedAt, "10 min", TranscriptFixtures.TEN_MINUTES_MS, "https://cdn.example.com/" + id + ".mp3", null,
                "https://example.com/" + id, TranscriptFixtures.CHAPTERS_V1, show, transcript);
    }
}
