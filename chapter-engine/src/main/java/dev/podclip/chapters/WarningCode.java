package dev.podclip.chapters;

/**
 * Stable warning codes. Each one's policy is documented in docs/engine/; the wire form is the constant's name in
 * lower case with dashes ({@link #wireName()}), e.g. {@code no-chapter-at-zero}.
 */
public enum WarningCode {
    // Chapter lists and boundaries
    NO_CHAPTERS,
    NO_CHAPTER_AT_ZERO,
    START_PAST_DURATION,
    DUPLICATE_START,
    OUT_OF_ORDER,
    SHORT_CHAPTER,
    FEWER_THAN_THREE,
    DURATION_UNKNOWN,
    EMPTY_TITLE,
    TOO_MANY_CHAPTERS,
    END_TIME_MISMATCH,
    // Chapter files
    ENTRY_SKIPPED,
    LENIENT_JSON,
    // Transcripts
    CUE_SKIPPED,
    CUE_OUT_OF_ORDER,
    CUE_TIME_REPAIRED,
    ENCODING_GUESSED,
    TOO_MANY_CUES;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
