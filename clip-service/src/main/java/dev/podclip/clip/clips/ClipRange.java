package dev.podclip.clip.clips;

/**
 * A clip's times, integer milliseconds from the start of the episode.
 *
 * @param startMs where the clip starts, at least 0
 * @param endMs   where it ends, after {@code startMs}
 */
public record ClipRange(long startMs, long endMs) {

    public ClipRange {
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("bad range " + startMs + ".." + endMs);
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }
}
