package dev.podclip.clip.pages;

import java.util.List;
import java.util.UUID;

/**
 * What the episode page shows; every string is plain text that the template escapes.
 *
 * @param notes    the show notes cut into text and seek-link pieces, in order
 * @param sections the transcript under chapter headings (empty without a transcript)
 * @param startMs  where the player starts ({@code ?t=}), 0 by default
 * @param showHref the show's page ({@code /shows/{slug}}), or null
 * @param imageUrl the show's https artwork for og:image, or null
 */
public record EpisodePage(UUID episodeId, String title, String showTitle, String audioUrl, String durationClock,
                          List<ChapterItem> chapters, List<NotesPiece> notes, List<Section> sections,
                          long startMs, String siteName, String showHref, String canonicalUrl, String description,
                          String imageUrl) {

    public record ChapterItem(int index, String title, long startMs, String seconds, String clock) {
    }

    /**
     * Text; a seek link when {@code link} (its text is the timestamp as written); or, when {@code href} is set, a link
     * to that http(s) URL as written in the notes.
     */
    public record NotesPiece(String text, boolean link, long startMs, String seconds, String href) {
    }

    public record Section(Integer index, String title, long startMs, String seconds, String clock, List<Line> cues) {
    }

    public record Line(long startMs, long endMs, String seconds, String clock, String speaker, String text) {
    }
}
