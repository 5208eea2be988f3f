package dev.podclip.clip.transcripts;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.Cue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which chapter each cue belongs to, by the engine's rule ({@code Transcripts.assign}): the chapter containing the
 * cue's start, i.e. the last chapter by start starting at or before it (ties: the later in list order among equal
 * starts, as a stable sort leaves them); cues before the first chapter go to the first. Pure; the property test holds
 * it equal to the engine's sections.
 */
public final class Segmentation {

    /** Marks "no chapter": the episode has none. */
    public static final int NO_CHAPTER = -1;

    private Segmentation() {
    }

    /** One chapter index per cue, in cue order; all {@link #NO_CHAPTER} when there are no chapters. */
    public static int[] chapterIndexes(List<Chapter> chapters, List<Cue> cues) {
        int[] result = new int[cues.size()];
        int n = chapters.size();
        if (n == 0) {
            Arrays.fill(result, NO_CHAPTER);
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
            result[c] = byStart[lastAtOrBefore(startsMs, cues.get(c).startMs())];
            assert result[c] >= 0 && result[c] < n;
        }
        return result;
    }

    /** The last sorted position whose start is at or before {@code startMs}; 0 when all start after it. */
    private static int lastAtOrBefore(long[] startsMs, long startMs) {
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
