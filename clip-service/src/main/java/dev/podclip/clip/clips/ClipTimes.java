package dev.podclip.clip.clips;

import dev.podclip.chapters.Limits;
import dev.podclip.chapters.time.Durations;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Clip times as people and links write them, and as media fragments want them. Pure; never throws on input. */
public final class ClipTimes {

    /** Longest time text looked at: anything longer is no time. */
    static final int MAX_TIME_CHARS = 32;
    /** Longest {@code t=} value of a stateless link. */
    static final int MAX_T_PARAM_CHARS = 2 * MAX_TIME_CHARS + 1;
    /** Plain seconds with at most millisecond precision: {@code 773}, {@code 773.5}, {@code 773.125}. */
    private static final Pattern SECONDS = Pattern.compile("(\\d{1,6})(?:\\.(\\d{1,3}))?");
    private static final long SECOND_MS = 1_000;

    private ClipTimes() {
    }

    /**
     * A time as text: a clock ({@code 12:53}, {@code 1:02:01.5}, via the chapter engine's timestamp rules) or plain
     * seconds ({@code 773}, {@code 773.5}). Empty when it is neither.
     */
    public static OptionalLong parse(String text) {
        if (text == null || text.length() > MAX_TIME_CHARS) {
            return OptionalLong.empty();
        }
        String s = text.trim();
        var seconds = SECONDS.matcher(s);
        if (seconds.matches()) {
            long whole = Long.parseLong(seconds.group(1));
            String fraction = seconds.group(2) == null ? "" : seconds.group(2);
            long fractionMs = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
            long ms = whole * SECOND_MS + fractionMs;
            return ms <= Limits.MAX_TIME_MS ? OptionalLong.of(ms) : OptionalLong.empty();
        }
        return Durations.parseTimestamp(s);
    }

    /**
     * A {@code t=start,end} value of a stateless link (Pocket Casts / media-fragment style): two times as
     * {@link #parse} reads them. Null when it is not two readable times.
     */
    public static long[] parsePair(String value) {
        if (value == null || value.length() > MAX_T_PARAM_CHARS) {
            return null;
        }
        int comma = value.indexOf(',');
        if (comma < 0 || comma != value.lastIndexOf(',')) {
            return null;
        }
        OptionalLong start = parse(value.substring(0, comma));
        OptionalLong end = parse(value.substring(comma + 1));
        if (start.isEmpty() || end.isEmpty()) {
            return null;
        }
        return new long[]{start.getAsLong(), end.getAsLong()};
    }

    /** Seconds with millisecond precision and no trailing zeros: 773000 → {@code 773}, 773500 → {@code 773.5}. */
    public static String seconds(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("negative time " + ms);
        }
        long whole = ms / SECOND_MS;
        long fraction = ms % SECOND_MS;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        String digits = String.format(Locale.ROOT, "%03d", fraction);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end);
    }

    /** For people: {@code 12:53}, {@code 1:02:01}. */
    public static String clock(long ms) {
        return Durations.formatClock(ms);
    }

    /** A length for people: {@code 9:34}, or {@code 45 s} under a minute. */
    public static String length(long ms) {
        if (ms < 60 * SECOND_MS) {
            return seconds(ms) + " s";
        }
        return Durations.formatClock(ms);
    }
}
