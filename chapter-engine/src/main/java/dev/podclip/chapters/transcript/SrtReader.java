package dev.podclip.chapters.transcript;

/**
 * SubRip: blocks of a sequence number, a timing line ({@code 00:00:01,000 --> 00:00:02,500}) and text, separated by
 * blank lines. Read line by line so that what real files get wrong still reads: a missing sequence number (kept, as
 * go-astisub, pysrt and AntennaPod do), several blank lines, a missing blank line before the next sequence number, no
 * hours, no milliseconds, three-digit seconds, {@code .} for {@code ,}. A block without a readable timing line is
 * skipped ({@code cue-skipped}).
 */
final class SrtReader {

    private enum State { BETWEEN, PAYLOAD, SKIP }

    private SrtReader() {
    }

    static void read(String text, CueSink sink) {
        Lines lines = new Lines(text);
        State state = State.BETWEEN;
        long[] times = null;
        StringBuilder payload = new StringBuilder();
        int lastLineStart = 0;
        int timingLine = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            int i = lines.number() - 1;
            if (line.isBlank()) {
                if (state == State.PAYLOAD) {
                    emit(sink, times, payload, timingLine);
                }
                state = State.BETWEEN;
                continue;
            }
            if (CueTimes.looksLikeTiming(line)) {
                long[] parsed = CueTimes.parseTimingLine(line, true);
                if (state == State.PAYLOAD) {
                    // The previous cue ran into this one: a number on its last line was this cue's sequence number.
                    if (isSequenceNumber(payload, lastLineStart)) {
                        payload.setLength(Math.max(0, lastLineStart - 1));
                    }
                    emit(sink, times, payload, timingLine);
                }
                if (parsed == null) {
                    sink.skipped(i + 1, "unreadable timing line");
                    state = State.SKIP;
                } else {
                    times = parsed;
                    timingLine = i + 1;
                    payload.setLength(0);
                    lastLineStart = 0;
                    state = State.PAYLOAD;
                }
                continue;
            }
            switch (state) {
                case PAYLOAD -> {
                    if (payload.length() > 0) {
                        payload.append('\n');
                    }
                    lastLineStart = payload.length();
                    payload.append(line);
                }
                case BETWEEN -> {
                    if (!isDigits(line.strip())) {
                        sink.skipped(i + 1, "text without a timing line");
                        state = State.SKIP;
                    }
                }
                case SKIP -> {
                    // the rest of a block already reported
                }
                default -> throw new AssertionError(state);
            }
        }
        if (state == State.PAYLOAD) {
            emit(sink, times, payload, timingLine);
        }
    }

    private static boolean isSequenceNumber(StringBuilder payload, int lastLineStart) {
        return isDigits(payload.substring(lastLineStart).strip());
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A cue without text shows nothing: skipped, as webvtt-py and most players do. */
    private static void emit(CueSink sink, long[] times, StringBuilder payload, int line) {
        CueText.Plain plain = CueText.withSpeakerPrefix(CueText.plain(payload.toString(), true));
        if (plain.text().isEmpty()) {
            sink.skipped(line, "a cue without text");
            return;
        }
        sink.add(times[0], times[1], plain.text(), plain.speaker());
    }
}
