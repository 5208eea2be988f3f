package dev.podclip.chapters.files;

import dev.podclip.chapters.Warning;

import java.util.ArrayList;
import java.util.List;

/** A reader's warnings, at most {@link #MAX_WARNINGS}; past that only a count, told in one last warning. */
final class ReaderWarnings {

    /** A file of a million broken entries must not make a million warnings. */
    static final int MAX_WARNINGS = 1_000;

    private final List<Warning> warnings = new ArrayList<>();
    private int dropped;
    private Warning lastDropped;

    void add(Warning warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            dropped++;
            lastDropped = warning;
        }
    }

    List<Warning> list() {
        if (dropped == 0) {
            return warnings;
        }
        List<Warning> all = new ArrayList<>(warnings);
        all.add(Warning.of(lastDropped.code(), dropped + " more warnings like the ones above not listed"));
        return all;
    }
}
