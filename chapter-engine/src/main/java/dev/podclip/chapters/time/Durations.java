package dev.podclip.chapters.time;

import dev.podclip.chapters.StatedDuration;

import java.util.Optional;
import java.util.OptionalLong;

/** Times and durations as people, feeds and players write them. Pure functions; null-safe; never throw. */
public final class Durations {

    private Durations() {
    }

    /**
     * A duration as people and feeds write it: {@code 1h 18m}, {@code 49 min}, {@code 1 hr}, {@code 3h 11m 53s},
     * {@code 87 Min.}, {@code PT1H18M}, {@code 4680} (seconds), {@code 01:18:00}. The slack says how much the stated
     * value may be rounded ({@code 1h 18m}: a minute). Empty when the text is no duration.
     */
    public static Optional<StatedDuration> parseHuman(String text) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A duration in seconds as a number (JSON, itunes:duration), exact. Empty for negative, NaN or too large. */
    public static Optional<StatedDuration> ofSeconds(double seconds) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Normal Play Time (RFC 2326 3.6), as Podlove Simple Chapters use it. Empty when invalid. */
    public static OptionalLong parseNpt(String text) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * One timestamp: {@code HH:MM:SS}, {@code H:MM:SS}, {@code MM:SS}, {@code M:SS}, with an optional fraction
     * ({@code 1:02:01.5}), optionally in {@code []} or {@code ()}. Out-of-range fields ({@code 1:60}) are no time.
     */
    public static OptionalLong parseTimestamp(String text) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** For display: {@code M:SS} under an hour, {@code H:MM:SS} from an hour; fractions of a second dropped. */
    public static String formatClock(long ms) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
