package dev.podclip.chapters;

import java.util.Objects;

/**
 * The one exception the engine's entry points throw for input they cannot serve. Anything else escaping the engine
 * is a bug (the property tests check this).
 */
public final class ChapterEngineException extends RuntimeException {

    private final ErrorCode code;
    private final int line;

    /**
     * @param code    what went wrong
     * @param message for people
     * @param line    the first bad line of the input, 1-based, or 0 when no line applies
     */
    public ChapterEngineException(ErrorCode code, String message, int line) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
        this.line = line;
    }

    public ChapterEngineException(ErrorCode code, String message) {
        this(code, message, 0);
    }

    public ErrorCode code() {
        return code;
    }

    /** The first bad line, 1-based, or 0 when no line applies. */
    public int line() {
        return line;
    }

    /** Stable error codes; the wire form is lower case with dashes, like {@link WarningCode#wireName()}. */
    public enum ErrorCode {
        INPUT_TOO_LARGE,
        UNREADABLE_JSON,
        UNREADABLE_XML,
        UNREADABLE_TRANSCRIPT,
        UNKNOWN_FORMAT,
        UNREADABLE_ENCODING,
        TOO_MANY_CUES;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
