package dev.podclip.chapters.boundary;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.StatedDuration;

import java.util.List;

/**
 * Closes chapter marks into a {@link ChapterList}: orders them, settles duplicates, ends each where the next starts
 * and the last at the duration, and warns about everything odd. The one place these rules live: show notes, chapter
 * files and the services all come through here.
 */
public final class Boundaries {

    private Boundaries() {
    }

    /**
     * @param marks    chapters as a source listed them (ends, if any, are checked against the starts and replaced)
     * @param duration the episode's duration, or null when unknown
     * @param policy   the rules, usually {@link BoundaryPolicy#DEFAULTS}
     */
    public static ChapterList close(List<Chapter> marks, StatedDuration duration, BoundaryPolicy policy) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
