package dev.podclip.chapters.transcript;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterSection;
import dev.podclip.chapters.Cue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Cues into chapters. The rule: a cue belongs to the chapter that contains its start, i.e. the last chapter (by start)
 * starting at or before the cue's start; a cue straddling a boundary therefore stays whole in the chapter where it
 * began, and cues before the first chapter go to the first chapter. Every cue lands in exactly one section, each
 * section keeps transcript order, and every chapter gets a section (maybe empty), in the chapters' list order.
 */
final class Sections {

    private Sections() {
    }

    static List<ChapterSection> assign(List<Chapter> chapters, List<Cue> cues) {
        int n = chapters.size();
        if (n == 0) {
            return List.of();
        }
        int[] indexes = chapterIndexes(chapters, cues);
        List<List<Cue>> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            buckets.add(new ArrayList<>());
        }
        for (int c = 0; c < cues.size(); c++) {
            buckets.get(indexes[c]).add(cues.get(c));
        }
        List<ChapterSection> sections = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sections.add(new ChapterSection(i, chapters.get(i), buckets.get(i)));
        }
        assert sections.stream().mapToInt(s -> s.cues().size()).sum() == cues.size();
        return sections;
    }

    /** One chapter index per cue, in cue order, by the rule above; all {@link Transcripts#NO_CHAPTER} when there are none. */
    static int[] chapterIndexes(List<Chapter> chapters, List<Cue> cues) {
        int[] result = new int[cues.size()];
        int n = chapters.size();
        if (n == 0) {
            Arrays.fill(result, Transcripts.NO_CHAPTER);
            return result;
        }
        Integer[] byStart = new Integer[n];
        for (int i = 0; i < n; i++) {
            byStart[i] = i;
        }
        Arrays.sort(byStart, Comparator.comparingLong(i -> chapters.get(i).startMs()));
        long[] startsMs = new long[n];
        for (int k = 0; k < n; k++) {
            startsMs[k] = chapters.get(byStart[k]).startMs();
        }
        for (int c = 0; c < cues.size(); c++) {
            result[c] = byStart[sortedIndexFor(startsMs, cues.get(c).startMs())];
            assert result[c] >= 0 && result[c] < n;
        }
        return result;
    }

    /** The last sorted position whose start is at or before {@code startMs}; 0 when all start after it. */
    private static int sortedIndexFor(long[] startsMs, long startMs) {
        int lo = 0;
        int hi = startsMs.length - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (startsMs[mid] <= startMs) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
