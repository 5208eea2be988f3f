package dev.podclip.chapters;

import java.util.List;

/**
 * The cues of a transcript file in file order, and what looked wrong on the way.
 *
 * @param format   the format the file was read as
 * @param cues     the cues
 * @param warnings warnings, each {@code index} naming a cue of {@code cues} where it applies
 */
public record Transcript(TranscriptFormat format, List<Cue> cues, List<Warning> warnings) {

    public Transcript {
        cues = List.copyOf(cues);
        warnings = List.copyOf(warnings);
    }
}
