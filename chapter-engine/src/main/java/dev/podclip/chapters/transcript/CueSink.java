package dev.podclip.chapters.transcript;

import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.chapters.Cue;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a reader's cues and warnings and applies the rules every format shares: at most {@link Limits#MAX_CUES}
 * cues, an end before its start is repaired to the start ({@code cue-time-repaired}), a cue starting before the one
 * before it is kept in file order and flagged ({@code cue-out-of-order}).
 */
final class CueSink {

    /** Past this many warnings only a count is kept: a broken 100 MB file must not make a 100 MB warning list. */
    static final int MAX_WARNINGS = 1_000;

    private final List<Cue> cues = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private int droppedWarnings;
    private int firstBadLine;
    private int skipped;

    void add(long startMs, long endMs, String text, String speaker) {
        assert startMs >= 0 && endMs >= 0 : startMs + ".." + endMs;
        if (cues.size() >= Limits.MAX_CUES) {
            throw new ChapterEngineException(ErrorCode.TOO_MANY_CUES,
                    "more than " + Limits.MAX_CUES + " cues");
        }
        int index = cues.size();
        long end = endMs;
        if (endMs < startMs) {
            warn(Warning.at(WarningCode.CUE_TIME_REPAIRED, index,
                    "cue " + index + " ends (" + endMs + " ms) before it starts (" + startMs
                            + " ms); its end was set to its start"));
            end = startMs;
        }
        if (!cues.isEmpty() && startMs < cues.get(index - 1).startMs()) {
            warn(Warning.at(WarningCode.CUE_OUT_OF_ORDER, index,
                    "cue " + index + " starts (" + startMs + " ms) before the cue before it ("
                            + cues.get(index - 1).startMs() + " ms); kept in file order"));
        }
        cues.add(new Cue(startMs, end, text, speaker));
    }

    /** A cue that could not be read: skipped, with its line (1-based) in the message. */
    void skipped(int line, String why) {
        skipped++;
        if (firstBadLine == 0) {
            firstBadLine = line;
        }
        warn(Warning.of(WarningCode.CUE_SKIPPED, "line " + line + ": " + why + "; cue skipped"));
    }

    /** A cue that could not be read, in a format without lines (a JSON segment). */
    void skippedAt(String where, String why) {
        skipped++;
        warn(Warning.of(WarningCode.CUE_SKIPPED, where + ": " + why + "; cue skipped"));
    }

    void warn(Warning warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            droppedWarnings++;
        }
    }

    int size() {
        return cues.size();
    }

    int skippedCount() {
        return skipped;
    }

    int firstBadLine() {
        return firstBadLine;
    }

    List<Cue> cues() {
        return cues;
    }

    Transcript finish(TranscriptFormat format) {
        List<Warning> all = new ArrayList<>(warnings);
        if (droppedWarnings > 0) {
            all.add(Warning.of(WarningCode.CUE_SKIPPED, droppedWarnings + " more warnings not listed"));
        }
        return new Transcript(format, cues, all);
    }
}
