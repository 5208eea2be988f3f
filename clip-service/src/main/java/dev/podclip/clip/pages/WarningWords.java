package dev.podclip.clip.pages;

import java.util.Map;

/**
 * The chapter engine's warning codes (docs/engine/) said in words for the episode page. A code not listed here
 * (a newer engine's) is shown by its name; the engine's own message always follows.
 */
final class WarningWords {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("no-chapters", "No chapters were found."),
            Map.entry("no-chapter-at-zero", "The first chapter does not start at the beginning."),
            Map.entry("start-past-duration", "A chapter starts after the episode ends."),
            Map.entry("duplicate-start", "Two chapters start at the same time."),
            Map.entry("out-of-order", "The chapters were listed out of order."),
            Map.entry("short-chapter", "A chapter is very short."),
            Map.entry("fewer-than-three", "Fewer than three chapters: some apps show none."),
            Map.entry("duration-unknown", "The episode's length is unknown, so the last chapter has no end."),
            Map.entry("empty-title", "A chapter has no title."),
            Map.entry("too-many-chapters", "More chapters than are kept: the rest were cut."),
            Map.entry("end-time-mismatch", "A chapter's stated end does not match where the next one starts."),
            Map.entry("entry-skipped", "An entry of the chapters file could not be used."),
            Map.entry("lenient-json", "The chapters file is not strict JSON; it was read leniently."),
            Map.entry("cue-skipped", "A transcript cue could not be used."),
            Map.entry("cue-out-of-order", "Transcript cues were out of order."),
            Map.entry("cue-time-repaired", "A transcript cue's time was repaired."),
            Map.entry("encoding-guessed", "The transcript's text encoding was guessed."),
            Map.entry("too-many-cues", "The transcript has more cues than are kept."));

    private WarningWords() {
    }

    /** What the warning means, for people. */
    static String words(String code) {
        String words = WORDS.get(code);
        return words != null ? words : "Warning " + code + ".";
    }
}
