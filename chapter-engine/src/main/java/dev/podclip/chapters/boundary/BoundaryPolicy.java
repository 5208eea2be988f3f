package dev.podclip.chapters.boundary;

/**
 * The rules that decide when a chapter list looks wrong. The defaults follow what YouTube, Spotify and Apple require
 * of chapter lists; see docs/engine/ for each rule's warning.
 *
 * @param shortChapterMs   chapters shorter than this get {@code short-chapter}
 * @param minimumChapters  lists with fewer chapters get {@code fewer-than-three}
 * @param maxChapters      lists are cut to this many, with {@code too-many-chapters}
 */
public record BoundaryPolicy(long shortChapterMs, int minimumChapters, int maxChapters) {

    public static final BoundaryPolicy DEFAULTS =
            new BoundaryPolicy(10_000, 3, dev.podclip.chapters.Limits.MAX_CHAPTERS);

    public BoundaryPolicy {
        if (shortChapterMs < 0 || minimumChapters < 0 || maxChapters < 1
                || maxChapters > dev.podclip.chapters.Limits.MAX_CHAPTERS) {
            throw new IllegalArgumentException("bad boundary policy");
        }
    }
}
