package dev.podclip.chapters.notes;

import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.Timecode;
import dev.podclip.chapters.boundary.BoundaryPolicy;

import java.util.List;

/** Chapter lists and seek links in show notes, plain text or HTML. */
public final class ShowNotes {

    private ShowNotes() {
    }

    /**
     * The chapter list in show notes, with boundaries closed by {@link dev.podclip.chapters.boundary.Boundaries}.
     *
     * @param textOrHtml show notes as published (HTML is detected)
     * @param duration   the episode's duration, or null when unknown
     * @param policy     boundary rules, usually {@link BoundaryPolicy#DEFAULTS}
     * @return the chapters (empty with {@code no-chapters} when there is no chapter list), never null
     * @throws dev.podclip.chapters.ChapterEngineException {@code input-too-large} past
     *                                                     {@link dev.podclip.chapters.Limits#MAX_NOTES_CHARS}
     */
    public static ChapterList parseChapters(String textOrHtml, StatedDuration duration, BoundaryPolicy policy) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Every timestamp a player should turn into a seek link, in document order; offsets index into
     * {@code textOrHtml} as given (for HTML: timestamps in tags, attributes and link texts are not links).
     *
     * @param durationMs the episode's duration when known (timestamps past it are no links), or null
     */
    public static List<Timecode> findTimecodes(String textOrHtml, Long durationMs) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
