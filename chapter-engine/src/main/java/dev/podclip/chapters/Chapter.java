package dev.podclip.chapters;

import java.util.Objects;

/**
 * One chapter: where it starts, where it ends (the next chapter's start, or the episode's end), and what it is called.
 *
 * <p>Times are integer milliseconds from the start of the episode. {@code endMs} is null only when the episode's
 * duration is unknown (or shorter than this chapter's start) and this is the last chapter.
 *
 * @param startMs  start, at least 0
 * @param endMs    end, at least {@code startMs}, or null when unknown
 * @param title    the title as the source wrote it, whitespace collapsed; never null, may be empty
 * @param url      a link the chapter carries (Podcasting 2.0 {@code url}), or null
 * @param imageUrl an image the chapter carries (Podcasting 2.0 {@code img}), or null
 * @param toc      false for chapters a source marks as hidden from the table of contents ({@code toc: false})
 */
public record Chapter(long startMs, Long endMs, String title, String url, String imageUrl, boolean toc) {

    public Chapter {
        Objects.requireNonNull(title, "title");
        if (startMs < 0) {
            throw new IllegalArgumentException("startMs must be >= 0: " + startMs);
        }
        if (endMs != null && endMs < startMs) {
            throw new IllegalArgumentException("endMs " + endMs + " before startMs " + startMs);
        }
    }

    /** A chapter mark as sources give them: a start and a title, its end still to be worked out. */
    public static Chapter mark(long startMs, String title) {
        return new Chapter(startMs, null, title, null, null, true);
    }

    /** The chapter's length, or null when its end is unknown. */
    public Long durationMs() {
        return endMs == null ? null : endMs - startMs;
    }

    public Chapter withEndMs(Long newEndMs) {
        return new Chapter(startMs, newEndMs, title, url, imageUrl, toc);
    }

    public Chapter withStartMs(long newStartMs) {
        return new Chapter(newStartMs, endMs, title, url, imageUrl, toc);
    }
}
