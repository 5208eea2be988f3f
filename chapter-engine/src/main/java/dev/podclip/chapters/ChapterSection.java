package dev.podclip.chapters;

import java.util.List;

/**
 * A chapter and the transcript cues assigned to it.
 *
 * @param index   the chapter's position in its list, 0-based
 * @param chapter the chapter
 * @param cues    its cues, in transcript order
 */
public record ChapterSection(int index, Chapter chapter, List<Cue> cues) {

    public ChapterSection {
        cues = List.copyOf(cues);
    }
}
