package dev.podclip.chapters;

import java.util.Objects;

/**
 * An episode duration as a person or a feed stated it: its value and how far the true duration may lie from it,
 * because stated durations are rounded for display ({@code 1h 18m} may be 1:18:40).
 *
 * @param valueMs the stated value, at least 0
 * @param slackMs how far past {@code valueMs} the true end may lie because of rounding, at least 0
 * @param text    the text it was read from, or null when it came as a number
 */
public record StatedDuration(long valueMs, long slackMs, String text) {

    public StatedDuration {
        if (valueMs < 0 || slackMs < 0) {
            throw new IllegalArgumentException("negative duration " + valueMs + " or slack " + slackMs);
        }
    }

    /** An exact duration, such as one measured from the media file. */
    public static StatedDuration exactMs(long valueMs) {
        return new StatedDuration(valueMs, 0, null);
    }

    /** The latest a chapter may start before it is "past the duration". */
    public long latestEndMs() {
        return valueMs + slackMs;
    }

    @Override
    public String toString() {
        return Objects.requireNonNullElse(text, valueMs + " ms");
    }
}
