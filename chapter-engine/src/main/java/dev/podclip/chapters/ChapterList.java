package dev.podclip.chapters;

import java.util.List;

/**
 * Chapters in playing order with their boundaries closed, and every warning raised on the way.
 *
 * <p>Invariants (asserted by the constructor): starts ascend strictly; each chapter ends where the next starts; only
 * the last may have an unknown end.
 *
 * @param chapters   the chapters, never null
 * @param warnings   what looked wrong, in the order found, never null
 * @param durationMs the episode duration the last chapter was closed with, or null when unknown
 */
public record ChapterList(List<Chapter> chapters, List<Warning> warnings, Long durationMs) {

    public ChapterList {
        chapters = List.copyOf(chapters);
        warnings = List.copyOf(warnings);
        for (int i = 1; i < chapters.size(); i++) {
            Chapter previous = chapters.get(i - 1);
            Chapter current = chapters.get(i);
            if (current.startMs() <= previous.startMs()) {
                throw new IllegalArgumentException("chapter " + i + " does not start after chapter " + (i - 1));
            }
            if (previous.endMs() == null || previous.endMs() != current.startMs()) {
                throw new IllegalArgumentException("chapter " + (i - 1) + " does not end where chapter " + i + " starts");
            }
        }
    }

    public static ChapterList empty(List<Warning> warnings, Long durationMs) {
        return new ChapterList(List.of(), warnings, durationMs);
    }

    public boolean isEmpty() {
        return chapters.isEmpty();
    }
}
