package dev.podclip.chapters.time;

import dev.podclip.chapters.Limits;
import dev.podclip.chapters.StatedDuration;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Times and durations as people, feeds and players write them. Pure functions; null-safe; never throw.
 *
 * <p>Rules (docs/engine/durations.md): fractions of a second are truncated to whole milliseconds; nothing beyond
 * {@link Limits#MAX_TIME_MS} is read; clock fields after the first must lie in 0..59.
 */
public final class Durations {

    /** Longest text any of these parsers looks at: durations are short; anything longer is prose. */
    static final int MAX_TEXT_CHARS = 64;
    /** Digits read in one number: keeps every product below Long.MAX_VALUE. */
    static final int MAX_NUMBER_DIGITS = 12;

    static final long SECOND_MS = 1_000;
    /**
     * Most rounding a stated duration is allowed: podcast apps display durations truncated to whole minutes and drop
     * a zero minute part ("1 hr" is 1:00:00 to 1:00:59), so a written hour does not mean an hour of slack.
     */
    static final long MAX_SLACK_MS = 60_000;
    static final long MINUTE_MS = 60 * SECOND_MS;
    static final long HOUR_MS = 60 * MINUTE_MS;
    static final long DAY_MS = 24 * HOUR_MS;

    private Durations() {
    }

    /**
     * A duration as people and feeds write it: {@code 1h 18m}, {@code 49 min}, {@code 1 hr}, {@code 3h 11m 53s},
     * {@code 87 Min.}, {@code PT1H18M}, {@code 4680} (seconds), {@code 01:18:00}. The slack says how much the stated
     * value may be rounded ({@code 1h 18m}: a minute). Empty when the text is no duration.
     *
     * <p>Slack rule: the size of the smallest unit written (a fraction divides it), at most a minute
     * ({@link #MAX_SLACK_MS}), and 0 when that unit is a second or finer (clock forms, plain seconds): those are
     * what media files measure. So {@code 1h 18m}, {@code 49 min}, {@code 1 hr}: 60 s; {@code 3h 11m 53s}: 0.
     */
    public static Optional<StatedDuration> parseHuman(String text) {
        if (text == null || text.length() > MAX_TEXT_CHARS) {
            return Optional.empty();
        }
        String s = normalizeSpaces(text).trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Reading reading = readPlainSeconds(s);
        if (reading == null) {
            reading = readClockDuration(s);
        }
        if (reading == null) {
            reading = readIso(s);
        }
        if (reading == null) {
            reading = readUnits(s);
        }
        if (reading == null || reading.valueMs > Limits.MAX_TIME_MS) {
            return Optional.empty();
        }
        long slackMs = reading.smallestUnitMs <= SECOND_MS ? 0 : Math.min(MAX_SLACK_MS, reading.smallestUnitMs);
        return Optional.of(new StatedDuration(reading.valueMs, slackMs, text));
    }

    /** A duration in seconds as a number (JSON, itunes:duration), exact. Empty for negative, NaN or too large. */
    public static Optional<StatedDuration> ofSeconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0
                || seconds * SECOND_MS > Limits.MAX_TIME_MS) {
            return Optional.empty();
        }
        return Optional.of(StatedDuration.exactMs(Math.round(seconds * SECOND_MS)));
    }

    /**
     * Normal Play Time (RFC 2326 3.6), as Podlove Simple Chapters use it. Empty when invalid.
     *
     * <p>Accepted: {@code npt:} prefix; {@code S[.f]} (any number of seconds), {@code M:S[.f]} (minutes unbounded,
     * "not exactly NPT but common"), {@code H:M:S[.f]}; minute and second fields after the first have 1-2 digits and
     * lie in 0..59; the fraction is truncated to milliseconds.
     */
    public static OptionalLong parseNpt(String text) {
        if (text == null || text.length() > MAX_TEXT_CHARS) {
            return OptionalLong.empty();
        }
        String s = text.trim();
        if (s.regionMatches(true, 0, "npt:", 0, 4)) {
            s = s.substring(4).trim();
        }
        Clock clock = Clock.read(s, 0, s.length(), 1, 2, true);
        if (clock == null || clock.end != s.length() || clock.fields > 3) {
            return OptionalLong.empty();
        }
        return clock.valueMs <= Limits.MAX_TIME_MS ? OptionalLong.of(clock.valueMs) : OptionalLong.empty();
    }

    /**
     * One timestamp: {@code HH:MM:SS}, {@code H:MM:SS}, {@code MM:SS}, {@code M:SS}, with an optional fraction
     * ({@code 1:02:01.5}), optionally in {@code []} or {@code ()}. Out-of-range fields ({@code 1:60}) are no time.
     *
     * <p>The first field has 1-2 digits; the others exactly 2; every field but an hour lies in 0..59 (a two-field
     * {@code 75:00} is no time: chapter tools write {@code 1:15:00}).
     */
    public static OptionalLong parseTimestamp(String text) {
        if (text == null || text.length() > MAX_TEXT_CHARS) {
            return OptionalLong.empty();
        }
        String s = normalizeSpaces(text).trim();
        if (s.length() >= 2) {
            char open = s.charAt(0);
            char close = s.charAt(s.length() - 1);
            if ((open == '[' && close == ']') || (open == '(' && close == ')')) {
                s = s.substring(1, s.length() - 1).trim();
            }
        }
        Clock clock = Clock.read(s, 0, s.length(), 2, 2, false);
        if (clock == null || clock.end != s.length() || clock.fields < 2 || clock.fields > 3
                || (clock.fields == 2 && clock.valueMs >= HOUR_MS)) {
            return OptionalLong.empty();
        }
        return clock.valueMs <= Limits.MAX_TIME_MS ? OptionalLong.of(clock.valueMs) : OptionalLong.empty();
    }

    /** For display: {@code M:SS} under an hour, {@code H:MM:SS} from an hour; fractions of a second dropped. */
    public static String formatClock(long ms) {
        long totalSeconds = Math.max(0, ms) / SECOND_MS;
        long hours = totalSeconds / 3600;
        long minutes = (totalSeconds / 60) % 60;
        long seconds = totalSeconds % 60;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds);
        }
        return String.format(Locale.ROOT, "%d:%02d", minutes, seconds);
    }

    // ------------------------------------------------------------------------------------------------ human forms

    /** A parsed value and the smallest unit its text wrote, for the slack. */
    private record Reading(long valueMs, long smallestUnitMs) {
    }

    private static String normalizeSpaces(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSpaceChar(c) && c != ' ') {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? s : out.toString();
    }

    /** {@code 4680}, {@code 4680.5}: seconds, as itunes:duration and JSON write them. */
    private static Reading readPlainSeconds(String s) {
        Decimal number = Decimal.read(s, 0);
        if (number == null || number.end != s.length()) {
            return null;
        }
        return new Reading(number.times(SECOND_MS), SECOND_MS);
    }

    /**
     * Colon forms as yt-dlp and itunes:duration write them: {@code S}, {@code M:S}, {@code H:M:S}, {@code D:H:M:S}
     * with a fraction ({@code .05}) or a three-digit millisecond field ({@code 01:02:03:050}, {@code 103:050}).
     */
    private static Reading readClockDuration(String s) {
        if (s.indexOf(':') < 0) {
            return null;
        }
        String body = s.endsWith("Z") || s.endsWith("z") ? s.substring(0, s.length() - 1) : s;
        long extraMs = 0;
        int lastColon = body.lastIndexOf(':');
        String tail = body.substring(lastColon + 1);
        if (tail.length() == 3 && allDigits(tail)) {
            // A three-digit last field is milliseconds: "01:02:03:050", "103:050".
            extraMs = Long.parseLong(tail);
            body = body.substring(0, lastColon);
        }
        Clock clock = Clock.read(body, 0, body.length(), 1, 2, true);
        if (clock == null || clock.end != body.length() || clock.fields > 4) {
            return null;
        }
        return new Reading(clock.valueMs + extraMs, SECOND_MS);
    }

    /** ISO 8601 durations: {@code PT1H18M}, {@code P0Y0M0DT0H4M20.880S}, {@code T30M38S}, {@code PT00H03M30SZ}. */
    private static Reading readIso(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        if (u.endsWith("Z")) {
            u = u.substring(0, u.length() - 1);
        }
        int i = 0;
        boolean sawP = false;
        if (u.startsWith("P")) {
            sawP = true;
            i = 1;
        }
        boolean inTime = false;
        long totalMs = 0;
        long smallestMs = Long.MAX_VALUE;
        int units = 0;
        while (i < u.length()) {
            char c = u.charAt(i);
            if (c == 'T' && !inTime) {
                inTime = true;
                i++;
                continue;
            }
            Decimal number = Decimal.read(u, i);
            if (number == null || number.end >= u.length()) {
                return null;
            }
            char unit = u.charAt(number.end);
            long unitMs;
            if (!inTime) {
                if (unit == 'D') {
                    unitMs = DAY_MS;
                } else if ((unit == 'Y' || unit == 'M' || unit == 'W') && number.isZero()) {
                    unitMs = 0; // "P0Y0M0D": calendar units are allowed only when they add nothing
                } else {
                    return null;
                }
            } else if (unit == 'H') {
                unitMs = HOUR_MS;
            } else if (unit == 'M') {
                unitMs = MINUTE_MS;
            } else if (unit == 'S') {
                unitMs = SECOND_MS;
            } else {
                return null;
            }
            if (unitMs > 0) {
                totalMs += number.times(unitMs);
                smallestMs = Math.min(smallestMs, number.precision(unitMs));
            }
            units++;
            i = number.end + 1;
        }
        if (units == 0 || (!sawP && !inTime) || smallestMs == Long.MAX_VALUE && totalMs != 0) {
            return null;
        }
        return new Reading(totalMs, smallestMs == Long.MAX_VALUE ? SECOND_MS : smallestMs);
    }

    /**
     * Numbers with units: {@code 1h 18m}, {@code 3 hours, 11 minutes, 53 seconds}, {@code 87 Min.},
     * {@code 1HR 3MIN}, {@code 2.5 hours}. Each unit at most once; commas, dots after units and "and" are noise.
     */
    private static Reading readUnits(String s) {
        String u = s.toLowerCase(Locale.ROOT);
        int i = 0;
        long totalMs = 0;
        long smallestMs = Long.MAX_VALUE;
        long usedUnits = 0;
        int terms = 0;
        while (true) {
            i = skipNoise(u, i);
            if (i >= u.length()) {
                break;
            }
            Decimal number = Decimal.read(u, i);
            if (number == null) {
                return null;
            }
            int j = number.end;
            while (j < u.length() && u.charAt(j) == ' ') {
                j++;
            }
            int wordEnd = j;
            while (wordEnd < u.length() && Character.isLetter(u.charAt(wordEnd))) {
                wordEnd++;
            }
            long unitMs = unitMs(u.substring(j, wordEnd));
            if (unitMs == 0 || (usedUnits & unitBit(unitMs)) != 0) {
                return null;
            }
            usedUnits |= unitBit(unitMs);
            totalMs += number.times(unitMs);
            smallestMs = Math.min(smallestMs, number.precision(unitMs));
            terms++;
            i = wordEnd;
            if (i < u.length() && u.charAt(i) == '.') {
                i++; // "87 Min."
            }
        }
        return terms == 0 ? null : new Reading(totalMs, smallestMs);
    }

    private static int skipNoise(String u, int i) {
        while (i < u.length()) {
            char c = u.charAt(i);
            if (c == ' ' || c == ',') {
                i++;
            } else if (u.startsWith("and ", i)) {
                i += 4;
            } else {
                break;
            }
        }
        return i;
    }

    private static long unitBit(long unitMs) {
        if (unitMs == DAY_MS) {
            return 1;
        }
        if (unitMs == HOUR_MS) {
            return 2;
        }
        if (unitMs == MINUTE_MS) {
            return 4;
        }
        if (unitMs == SECOND_MS) {
            return 8;
        }
        return 16;
    }

    private static long unitMs(String word) {
        switch (word) {
            case "d", "day", "days":
                return DAY_MS;
            case "h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden":
                return HOUR_MS;
            case "m", "min", "mins", "minute", "minutes", "minuten":
                return MINUTE_MS;
            case "s", "sec", "secs", "second", "seconds", "sek", "sekunden":
                return SECOND_MS;
            case "ms", "msec", "msecs", "millisecond", "milliseconds":
                return 1;
            default:
                return 0;
        }
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ------------------------------------------------------------------------------------------------ numbers

    /** A decimal number: integer digits, optional '.' and fraction digits. */
    private record Decimal(long integer, String fraction, int end) {

        static Decimal read(String s, int start) {
            int i = start;
            while (i < s.length() && isAsciiDigit(s.charAt(i))) {
                i++;
            }
            int intEnd = i;
            String fraction = "";
            if (i < s.length() && s.charAt(i) == '.' && i + 1 < s.length() && isAsciiDigit(s.charAt(i + 1))) {
                int f = i + 1;
                while (f < s.length() && isAsciiDigit(s.charAt(f))) {
                    f++;
                }
                fraction = s.substring(i + 1, f);
                i = f;
            }
            if (intEnd == start && fraction.isEmpty()) {
                return null;
            }
            if (intEnd - start > MAX_NUMBER_DIGITS) {
                return null;
            }
            long integer = intEnd == start ? 0 : Long.parseLong(s.substring(start, intEnd));
            return new Decimal(integer, fraction, i);
        }

        boolean isZero() {
            return integer == 0 && fraction.chars().allMatch(c -> c == '0');
        }

        /** The value in ms for a unit, the fraction truncated to whole ms. */
        long times(long unitMs) {
            long ms = integer * unitMs;
            long scale = 1;
            long fractionValue = 0;
            for (int k = 0; k < fraction.length() && k < 9; k++) {
                fractionValue = fractionValue * 10 + (fraction.charAt(k) - '0');
                scale *= 10;
            }
            return ms + fractionValue * unitMs / scale;
        }

        /** The smallest step this number can express in this unit ({@code 2.5 h}: 6 min). */
        long precision(long unitMs) {
            long step = unitMs;
            for (int k = 0; k < fraction.length() && step > 1; k++) {
                step /= 10;
            }
            return Math.max(1, step);
        }
    }

    /**
     * Colon-separated clock fields, most significant first, with an optional '.' fraction on the last.
     * The first field is unbounded (up to {@link #MAX_NUMBER_DIGITS}); the others lie in 0..59 (a day field's hours
     * in 0..23).
     */
    record Clock(long valueMs, int fields, int end) {

        /**
         * @param minLaterDigits  fewest digits a field after the first may have
         * @param maxLaterDigits  most digits a field after the first may have
         * @param anyFirstDigits  whether the first field may have more than two digits
         */
        static Clock read(String s, int start, int limit, int minLaterDigits, int maxLaterDigits,
                          boolean anyFirstDigits) {
            long[] values = new long[5];
            int fields = 0;
            int i = start;
            while (true) {
                int digitsStart = i;
                while (i < limit && isAsciiDigit(s.charAt(i))) {
                    i++;
                }
                int digits = i - digitsStart;
                if (digits == 0 || digits > MAX_NUMBER_DIGITS) {
                    return null;
                }
                if (fields == 0 && !anyFirstDigits && digits > 2) {
                    return null;
                }
                if (fields > 0 && (digits < minLaterDigits || digits > maxLaterDigits)) {
                    return null;
                }
                if (fields == values.length) {
                    return null;
                }
                values[fields++] = Long.parseLong(s.substring(digitsStart, i));
                if (i < limit && s.charAt(i) == ':') {
                    i++;
                    continue;
                }
                break;
            }
            long fractionMs = 0;
            if (i < limit && s.charAt(i) == '.') {
                int f = i + 1;
                long scale = 1;
                long value = 0;
                while (f < limit && isAsciiDigit(s.charAt(f))) {
                    if (scale < 1000) {
                        value = value * 10 + (s.charAt(f) - '0');
                        scale *= 10;
                    }
                    f++;
                }
                if (f == i + 1) {
                    return null;
                }
                fractionMs = value * (1000 / scale);
                i = f;
            }
            for (int k = 1; k < fields; k++) {
                long max = (fields == 4 && k == 1) ? 23 : 59;
                if (values[k] > max) {
                    return null;
                }
            }
            long[] unitsMs = {DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS};
            long total = fractionMs;
            for (int k = 0; k < fields; k++) {
                long unit = unitsMs[unitsMs.length - fields + k];
                if (values[k] > Limits.MAX_TIME_MS / unit + 1) {
                    return null;
                }
                total += values[k] * unit;
            }
            return new Clock(total, fields, i);
        }
    }
}
