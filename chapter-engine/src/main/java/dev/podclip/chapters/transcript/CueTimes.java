package dev.podclip.chapters.transcript;

import dev.podclip.chapters.Limits;

/**
 * Cue timestamps and timing lines ({@code start --> end [settings]}) of WebVTT and SRT, read leniently the way podcast
 * apps do: hours may be left out ({@code 01:02.500}), the fraction may use a dot or a comma and have 1 to 3 digits or
 * be missing ({@code 00:00:02}), a bare {@code SS.mmm} is read, and minutes or seconds over 59 are added up.
 * Rejected: negative times, extra dots ({@code 0.0.0}), a field with too many digits, anything after the timestamp
 * glued to it that is not a separator.
 */
final class CueTimes {

    /** A field longer than this is a typo, and longer digit runs could overflow. */
    private static final int MAX_HOUR_DIGITS = 6;
    /** WebVTT minutes and seconds have two digits; SRT files in the wild (ExoPlayer accepts them) have three. */
    private static final int MAX_FIELD_DIGITS_VTT = 2;
    private static final int MAX_FIELD_DIGITS_SRT = 3;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final long MS_PER_SECOND = 1_000;
    private static final long MS_PER_MINUTE = 60_000;
    private static final long MS_PER_HOUR = 3_600_000;

    /** Marks "no time" in the packed results below (times are never negative). */
    static final long NONE = -1;

    private CueTimes() {
    }

    /** Whether a line is meant as a timing line (it may still fail to parse). */
    static boolean looksLikeTiming(String line) {
        return line.contains("-->");
    }

    /**
     * A timing line's start and end in ms, or null when it does not parse or a time lies past
     * {@link Limits#MAX_TIME_MS}. Anything after the end time (cue settings, SRT coordinates) is ignored.
     */
    static long[] parseTimingLine(String line, boolean srt) {
        int i = skipSpace(line, 0);
        long start = parse(line, i, srt);
        if (start == NONE) {
            return null;
        }
        i = skipSpace(line, endOf(line, i));
        if (!line.startsWith("-->", i)) {
            return null;
        }
        i = skipSpace(line, i + 3);
        long end = parse(line, i, srt);
        if (end == NONE) {
            return null;
        }
        return new long[] {start, end};
    }

    /** A timestamp alone (an HTML transcript's {@code <time>}), or {@link #NONE}. */
    static long parseAlone(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || endOf(trimmed, 0) != trimmed.length()) {
            return NONE;
        }
        long colonForm = parse(trimmed, 0, true);
        if (colonForm != NONE || trimmed.indexOf(':') >= 0) {
            return colonForm;
        }
        return NONE;
    }

    /** Where the timestamp token starting at {@code from} ends: digits, colons, dots and commas. */
    private static int endOf(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || c == ':' || c == '.' || c == ',') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * Reads one timestamp at {@code from}, in ms, or {@link #NONE}. The token must be followed by the end of the line,
     * whitespace, a '-' (of "-->") or a letter (settings glued to the end time).
     */
    static long parse(String s, int from, boolean srt) {
        int end = endOf(s, from);
        if (end == from) {
            return NONE;
        }
        long[] fields = new long[3];
        int[] digits = new int[3];
        int count = 0;
        int i = from;
        long fractionMs = 0;
        boolean sawFraction = false;
        while (i < end) {
            int runStart = i;
            while (i < end && Character.isDigit(s.charAt(i))) {
                i++;
            }
            int run = i - runStart;
            if (run == 0 || run > MAX_HOUR_DIGITS || count == 3) {
                return NONE;
            }
            fields[count] = Long.parseLong(s, runStart, i, 10);
            digits[count] = run;
            count++;
            if (i == end) {
                break;
            }
            char sep = s.charAt(i);
            if (sep == ':') {
                i++;
                continue;
            }
            // '.' or ',': the fraction, which must end the token.
            int fracStart = i + 1;
            int j = fracStart;
            while (j < end && Character.isDigit(s.charAt(j))) {
                j++;
            }
            int fracDigits = j - fracStart;
            if (j != end || fracDigits == 0 || fracDigits > MAX_FRACTION_DIGITS) {
                return NONE;
            }
            fractionMs = fractionToMs(s, fracStart, fracDigits);
            sawFraction = true;
            i = end;
        }
        if (s.charAt(end - 1) == ':') {
            return NONE;
        }
        long ms = combine(fields, digits, count, sawFraction, srt);
        if (ms == NONE) {
            return NONE;
        }
        ms += fractionMs;
        return ms > Limits.MAX_TIME_MS ? NONE : ms;
    }

    private static long combine(long[] fields, int[] digits, int count, boolean sawFraction, boolean srt) {
        int maxField = srt ? MAX_FIELD_DIGITS_SRT : MAX_FIELD_DIGITS_VTT;
        switch (count) {
            case 1:
                // A bare "SS.mmm" (ExoPlayer reads it); a bare number without a fraction is no timestamp.
                return sawFraction && digits[0] <= maxField ? fields[0] * MS_PER_SECOND : NONE;
            case 2:
                if (digits[1] > maxField) {
                    return NONE;
                }
                return fields[0] * MS_PER_MINUTE + fields[1] * MS_PER_SECOND;
            case 3:
                if (digits[1] > maxField || digits[2] > maxField) {
                    return NONE;
                }
                return fields[0] * MS_PER_HOUR + fields[1] * MS_PER_MINUTE + fields[2] * MS_PER_SECOND;
            default:
                return NONE;
        }
    }

    /** "5" is 500 ms, "05" is 50 ms, "0512" is 51 ms (digits past milliseconds are dropped). */
    private static long fractionToMs(String s, int from, int digits) {
        long ms = 0;
        for (int k = 0; k < 3; k++) {
            ms = ms * 10 + (k < digits ? s.charAt(from + k) - '0' : 0);
        }
        return ms;
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
            i++;
        }
        return i;
    }

    /** {@code HH:MM:SS.mmm} (WebVTT) or {@code HH:MM:SS,mmm} (SRT). */
    static String format(long ms, char fractionSeparator) {
        assert ms >= 0 : ms;
        long hours = ms / MS_PER_HOUR;
        long minutes = ms / MS_PER_MINUTE % 60;
        long seconds = ms / MS_PER_SECOND % 60;
        long millis = ms % MS_PER_SECOND;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d%c%03d", hours, minutes, seconds,
                fractionSeparator, millis);
    }
}
