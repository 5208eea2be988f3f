package dev.podclip.chapters;

/**
 * Every bound the engine puts on its input, named in one place. Services apply tighter limits of their own at their
 * edges; these protect the engine itself (memory and time grow at most linearly up to them).
 */
public final class Limits {

    /** Show notes longer than this are refused (the 10 MB benchmark input must fit). */
    public static final int MAX_NOTES_CHARS = 16 * 1024 * 1024;
    /** A chapter list longer than this is cut, with {@link WarningCode#TOO_MANY_CHAPTERS}. */
    public static final int MAX_CHAPTERS = 1_000;
    /** A title longer than this is cut (in chars) at a code point boundary. */
    public static final int MAX_TITLE_CHARS = 500;
    /** Chapter files larger than this are refused. */
    public static final int MAX_CHAPTER_FILE_BYTES = 4 * 1024 * 1024;
    /** Transcript files larger than this are refused. */
    public static final int MAX_TRANSCRIPT_BYTES = 32 * 1024 * 1024;
    /** A transcript with more cues than this is refused ({@link ChapterEngineException.ErrorCode#TOO_MANY_CUES}). */
    public static final int MAX_CUES = 200_000;
    /** No time or duration beyond this is read (100 hours): longer ones are typos, not episodes. */
    public static final long MAX_TIME_MS = 100L * 60 * 60 * 1000;

    private Limits() {
    }
}
