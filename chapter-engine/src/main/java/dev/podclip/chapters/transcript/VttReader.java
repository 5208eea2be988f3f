package dev.podclip.chapters.transcript;

import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;

/**
 * WebVTT, following the parser state machine browsers and vtt.js use: the {@code WEBVTT} signature, a header up to the
 * first blank line, then blocks. A block is a NOTE, STYLE or REGION block (skipped), or a cue: an optional identifier
 * line, a timing line, payload lines up to a blank line or the next line holding {@code -->} (which starts a new cue).
 * A cue whose timing line does not parse is skipped to the next blank line ({@code cue-skipped}).
 *
 * <p>Leniencies beyond the standard (podcast files need them): lines holding only spaces or tabs count as blank, lines
 * may be indented, and the timestamp forms of {@link CueTimes}.
 */
final class VttReader {

    private enum State { HEADER, BETWEEN, AFTER_ID, PAYLOAD, SKIP_BLOCK, SKIP_BAD_CUE, SKIP_STRAY_TEXT }

    private VttReader() {
    }

    static void read(String text, CueSink sink) {
        if (text.isBlank()) {
            return;
        }
        Lines lines = new Lines(text);
        if (!isSignature(lines.next())) {
            throw new ChapterEngineException(ErrorCode.UNREADABLE_TRANSCRIPT,
                    "line 1: a WebVTT file starts with WEBVTT", 1);
        }
        State state = State.HEADER;
        long[] times = null;
        StringBuilder payload = new StringBuilder();
        for (String line = lines.next(); line != null; line = lines.next()) {
            int i = lines.number() - 1;
            boolean blank = line.isBlank();
            switch (state) {
                case HEADER -> state = blank ? State.BETWEEN : State.HEADER;
                case SKIP_BLOCK -> state = blank ? State.BETWEEN : State.SKIP_BLOCK;
                case SKIP_BAD_CUE -> state = blank ? State.BETWEEN : State.SKIP_BAD_CUE;
                case SKIP_STRAY_TEXT -> {
                    // Text lines without a timing line (a payload that lost its cue when a blank line crept into it)
                    // run to the next blank line, unless a readable timing line starts a cue first: podcast files
                    // lose blank lines, and vtt.js would drop that next cue too.
                    times = blank || !CueTimes.looksLikeTiming(line) ? null : CueTimes.parseTimingLine(line, false);
                    if (times != null) {
                        payload.setLength(0);
                        state = State.PAYLOAD;
                    } else {
                        state = blank ? State.BETWEEN : State.SKIP_STRAY_TEXT;
                    }
                }
                case PAYLOAD -> {
                    if (blank || CueTimes.looksLikeTiming(line)) {
                        emit(sink, times, payload);
                        state = State.BETWEEN;
                        if (blank) {
                            break;
                        }
                        times = CueTimes.looksLikeTiming(line) ? CueTimes.parseTimingLine(line, false) : null;
                        state = startBlock(line, times, i + 1, sink);
                        payload.setLength(0);
                    } else {
                        if (payload.length() > 0) {
                            payload.append('\n');
                        }
                        payload.append(line);
                    }
                }
                case BETWEEN -> {
                    if (!blank) {
                        times = CueTimes.looksLikeTiming(line) ? CueTimes.parseTimingLine(line, false) : null;
                        state = startBlock(line, times, i + 1, sink);
                        payload.setLength(0);
                    }
                }
                case AFTER_ID -> {
                    if (blank) {
                        state = State.BETWEEN;
                    } else if (CueTimes.looksLikeTiming(line)) {
                        times = CueTimes.parseTimingLine(line, false);
                        if (times == null) {
                            sink.skipped(i + 1, "unreadable timing line");
                            state = State.SKIP_BAD_CUE;
                        } else {
                            payload.setLength(0);
                            state = State.PAYLOAD;
                        }
                    } else {
                        sink.skipped(i + 1, "no timing line after the cue identifier");
                        state = State.SKIP_STRAY_TEXT;
                    }
                }
                default -> throw new AssertionError(state);
            }
        }
        if (state == State.PAYLOAD) {
            emit(sink, times, payload);
        }
    }

    /** The state after the first line of a block: a comment or style block, a cue identifier or a timing line. */
    private static State startBlock(String line, long[] times, int lineNumber, CueSink sink) {
        String trimmed = line.strip();
        if (isKeywordBlock(trimmed, "NOTE") || trimmed.equals("STYLE") || trimmed.equals("REGION")) {
            return State.SKIP_BLOCK;
        }
        if (!CueTimes.looksLikeTiming(line)) {
            return State.AFTER_ID;
        }
        if (times == null) {
            sink.skipped(lineNumber, "unreadable timing line");
            return State.SKIP_BAD_CUE;
        }
        return State.PAYLOAD;
    }

    private static void emit(CueSink sink, long[] times, StringBuilder payload) {
        CueText.Plain plain = CueText.plain(payload.toString(), false);
        sink.add(times[0], times[1], plain.text(), plain.speaker());
    }

    /** "WEBVTT" alone or followed by a space or tab and anything. */
    static boolean isSignature(String line) {
        return isKeywordBlock(line, "WEBVTT");
    }

    private static boolean isKeywordBlock(String line, String keyword) {
        return line.startsWith(keyword)
                && (line.length() == keyword.length() || line.charAt(keyword.length()) == ' '
                || line.charAt(keyword.length()) == '\t');
    }
}
