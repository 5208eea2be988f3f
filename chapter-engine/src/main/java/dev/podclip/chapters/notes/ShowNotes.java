package dev.podclip.chapters.notes;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.Timecode;
import dev.podclip.chapters.boundary.Boundaries;
import dev.podclip.chapters.boundary.BoundaryPolicy;

import java.util.List;

/** Chapter lists and seek links in show notes, plain text or HTML. Rules: docs/engine/show-notes.md. */
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
        String notes = checked(textOrHtml);
        List<Chapter> marks = ChapterReader.read(NotesText.toText(notes));
        return Boundaries.close(marks, duration == null ? lastRangeEnd(marks) : duration,
                policy == null ? BoundaryPolicy.DEFAULTS : policy);
    }

    /**
     * With no duration given, a list of ranges ({@code 29:42 - 37:26 finale}) says where its last chapter ends:
     * that end closes the list, as a chapter file's last {@code endTime} does (docs/engine/chapter-files.md).
     */
    private static StatedDuration lastRangeEnd(List<Chapter> marks) {
        if (marks.isEmpty()) {
            return null;
        }
        Chapter last = marks.get(marks.size() - 1);
        for (Chapter mark : marks) {
            if (mark.startMs() >= last.startMs() && mark != last) {
                return null; // not the latest start: the list is out of order, let Boundaries sort and warn
            }
        }
        return last.endMs() == null ? null : StatedDuration.exactMs(last.endMs());
    }

    /**
     * Every timestamp a player should turn into a seek link, in document order; offsets index into
     * {@code textOrHtml} as given (for HTML: timestamps in tags, attributes and link texts are not links).
     *
     * @param durationMs the episode's duration when known (timestamps past it are no links), or null
     */
    public static List<Timecode> findTimecodes(String textOrHtml, Long durationMs) {
        return List.copyOf(TimecodeFinder.find(checked(textOrHtml), durationMs));
    }

    private static String checked(String textOrHtml) {
        if (textOrHtml == null) {
            return "";
        }
        if (textOrHtml.length() > Limits.MAX_NOTES_CHARS) {
            throw new ChapterEngineException(ChapterEngineException.ErrorCode.INPUT_TOO_LARGE,
                    "show notes of " + textOrHtml.length() + " chars; at most " + Limits.MAX_NOTES_CHARS + " are read");
        }
        return textOrHtml;
    }
}
