package dev.podclip.clip.clips;

import dev.podclip.chapters.Chapter;

import java.util.ArrayList;
import java.util.List;

/**
 * A chapter a clip spans, with the chapter's own bounds and the part the clip covers.
 *
 * @param index          the chapter's index in the episode's list, from {@link ClipRules#FIRST_CHAPTER_INDEX}
 * @param title          its title
 * @param startMs        where the chapter starts
 * @param endMs          where it ends, or null when unknown
 * @param overlapStartMs where the clip's part of it starts
 * @param overlapEndMs   where the clip's part of it ends
 * @param overlapMs      how long the clip's part lasts
 */
public record ChapterSpan(int index, String title, long startMs, Long endMs, long overlapStartMs, long overlapEndMs,
                          long overlapMs) {

    /** The chapters a range overlaps by at least a millisecond, in order. Pure. */
    public static List<ChapterSpan> spanned(List<Chapter> chapters, ClipRange range) {
        List<ChapterSpan> spans = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            long chapterEndMs = chapter.endMs() == null ? Long.MAX_VALUE : chapter.endMs();
            long fromMs = Math.max(chapter.startMs(), range.startMs());
            long toMs = Math.min(chapterEndMs, range.endMs());
            if (toMs > fromMs) {
                spans.add(new ChapterSpan(i + ClipRules.FIRST_CHAPTER_INDEX, chapter.title(), chapter.startMs(),
                        chapter.endMs(), fromMs, toMs, toMs - fromMs));
            }
        }
        return spans;
    }
}
