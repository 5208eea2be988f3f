package dev.podclip.chapters.notes;

import dev.podclip.chapters.Limits;

/**
 * One clock timestamp found in text ({@code M:SS}, {@code MM:SS}, {@code H:MM:SS}, optional {@code .fff}), with the
 * second reading a glued digit allows: in {@code building F13:42} the {@code 1} may end the title ({@code F1},
 * {@code 3:42}) or start the time ({@code 13:42}). Hand-written scanning, linear in the text, no regular expressions.
 *
 * @param start     where the timestamp's text begins (primary reading)
 * @param end       where it ends (exclusive)
 * @param ms        the primary reading
 * @param altStart  where the alternative reading begins (one digit later), or -1 when there is none
 * @param altMs     the alternative reading's time
 * @param padded    whether the primary reading's first field has a leading zero ({@code 02:13})
 */
record Stamp(int start, int end, long ms, int altStart, long altMs, boolean padded) {

    /** Most digits a timestamp's first field may have. */
    static final int MAX_LEAD_DIGITS = 2;
    /** Longest fraction read ({@code .123456} is cut to ms; longer digit runs are no timestamp). */
    static final int MAX_FRACTION_DIGITS = 9;

    boolean hasAlternative() {
        return altStart >= 0;
    }

    Stamp withAlternative() {
        return new Stamp(altStart, end, altMs, -1, 0, false);
    }

    Stamp withoutAlternative() {
        return new Stamp(start, end, ms, -1, 0, padded);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * Reads a timestamp whose digits begin at {@code i} (the first digit of a digit run: the char before is no
     * digit). Returns null when there is none.
     *
     * @param glued whether digits glued to the text before may belong to that text (chapter lists run together);
     *              when false, the timestamp must stand apart from words on both sides (seek links in prose)
     */
    static Stamp read(CharSequence s, int i, int limit, boolean glued) {
        int leadEnd = i;
        while (leadEnd < limit && isDigit(s.charAt(leadEnd))) {
            leadEnd++;
        }
        int leadLength = leadEnd - i;
        if (leadLength == 0 || leadEnd >= limit || s.charAt(leadEnd) != ':') {
            return null;
        }
        if (!glued && leadLength > MAX_LEAD_DIGITS) {
            return null;
        }
        // Fields after the first: exactly two digits each, at most two of them.
        int p = leadEnd;
        int fields = 1;
        int second = 0; // two ints, not an array: the array was a tenth of what parsing a chapter list allocated
        int third = 0;
        while (p < limit && s.charAt(p) == ':' && fields < 3
                && isDigitAt(s, p + 1, limit) && isDigitAt(s, p + 2, limit) && !isDigitAt(s, p + 3, limit)) {
            int value = (s.charAt(p + 1) - '0') * 10 + (s.charAt(p + 2) - '0');
            if (fields == 1) {
                second = value;
            } else {
                third = value;
            }
            fields++;
            p += 3;
        }
        if (fields == 1) {
            return null;
        }
        if (p < limit && s.charAt(p) == ':' && isDigitAt(s, p + 1, limit)) {
            return null; // four fields, or a malformed third: a ratio or an id, not a time
        }
        int end = p;
        long fractionMs = 0;
        if (end + 1 < limit && s.charAt(end) == '.' && isDigit(s.charAt(end + 1))) {
            int f = end + 1;
            long scale = 1;
            long value = 0;
            while (f < limit && isDigit(s.charAt(f))) {
                if (f - end > MAX_FRACTION_DIGITS) {
                    return null;
                }
                if (scale < 1000) {
                    value = value * 10 + (s.charAt(f) - '0');
                    scale *= 10;
                }
                f++;
            }
            fractionMs = value * (1000 / scale);
            end = f;
        }
        if (!glued && end < limit && isWordChar(s.charAt(end))) {
            return null;
        }
        if (second > 59 || third > 59) {
            return null;
        }
        long laterMs = fields == 2 ? second * 1000L : second * 60_000L + third * 1000L;
        long leadUnitMs = fields == 2 ? 60_000L : 3_600_000L;
        long leadMaxValue = 59; // minutes of M:SS; hours of H:MM:SS stop at 59 too (100 h is Limits.MAX_TIME_MS)

        int primaryDigits = Math.min(MAX_LEAD_DIGITS, leadLength);
        int primaryStart = leadEnd - primaryDigits;
        long primaryLead = digitsValue(s, primaryStart, leadEnd);
        boolean primaryOk = primaryLead <= leadMaxValue;
        int altStart = -1;
        long altMs = 0;
        if (glued && primaryDigits == 2 && primaryStart > 0 && isWordChar(s.charAt(primaryStart - 1))) {
            // Glued to a word or number: its first digit may end that word ("F13:42", "top 1075:30").
            altStart = leadEnd - 1;
            altMs = digitsValue(s, altStart, leadEnd) * leadUnitMs + laterMs + fractionMs;
        }
        if (!primaryOk) {
            if (altStart < 0) {
                return null;
            }
            return within(new Stamp(altStart, end, altMs, -1, 0, false));
        }
        long ms = primaryLead * leadUnitMs + laterMs + fractionMs;
        boolean padded = primaryDigits == 2 && s.charAt(primaryStart) == '0';
        if (altStart >= 0 && altMs == ms && !padded) {
            altStart = -1;
        }
        return within(new Stamp(primaryStart, end, ms, altStart, altMs, padded));
    }

    private static Stamp within(Stamp stamp) {
        return stamp.ms <= Limits.MAX_TIME_MS ? stamp : null;
    }

    private static boolean isDigitAt(CharSequence s, int i, int limit) {
        return i < limit && isDigit(s.charAt(i));
    }

    private static long digitsValue(CharSequence s, int from, int to) {
        long value = 0;
        for (int k = from; k < to; k++) {
            value = value * 10 + (s.charAt(k) - '0');
        }
        return value;
    }
}
