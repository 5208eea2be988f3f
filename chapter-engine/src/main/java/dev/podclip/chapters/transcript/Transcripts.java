package dev.podclip.chapters.transcript;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.chapters.ChapterSection;
import dev.podclip.chapters.Cue;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;

import java.util.List;
import java.util.Optional;

/**
 * Transcripts: WebVTT, SRT, Podcasting 2.0 JSON and HTML into cues; cues into chapters; cues back out. The rules are
 * in docs/engine/transcripts.md.
 */
public final class Transcripts {

    /** How much of the text detection looks at: the first lines say the format. */
    private static final int DETECT_CHARS = 4_096;
    /**
     * HTML goes through a full HTML5 tree builder, about a second per MB of pathological markup: a tighter bound than
     * {@link Limits#MAX_TRANSCRIPT_BYTES}. Real HTML transcripts of a three-hour episode are well under 1 MB.
     */
    static final int MAX_HTML_CHARS = 8 * 1024 * 1024;

    private Transcripts() {
    }

    /**
     * Reads a transcript file as bytes (BOMs, UTF-16, CRLF and CR handled).
     *
     * @param format the format, or null to detect it from the content
     * @throws dev.podclip.chapters.ChapterEngineException when the file cannot be read, naming the first bad line
     */
    public static Transcript read(byte[] bytes, TranscriptFormat format) {
        DecodedText decoded = DecodedText.decode(bytes, Limits.MAX_TRANSCRIPT_BYTES);
        String text = decoded.text();
        TranscriptFormat actual = format != null ? format : detectText(text).orElseThrow(() ->
                new ChapterEngineException(ErrorCode.UNKNOWN_FORMAT,
                        "not a WebVTT, SRT, JSON or HTML transcript", 1));
        CueSink sink = new CueSink();
        decoded.warning().ifPresent(sink::warn);
        switch (actual) {
            case VTT -> VttReader.read(text, sink);
            case SRT -> SrtReader.read(text, sink);
            case JSON -> JsonTranscriptReader.read(text, sink);
            case HTML -> {
                if (text.length() > MAX_HTML_CHARS) {
                    throw new ChapterEngineException(ErrorCode.INPUT_TOO_LARGE, "an HTML transcript of "
                            + text.length() + " chars; the limit is " + MAX_HTML_CHARS, 0);
                }
                HtmlTranscriptReader.read(text, sink);
            }
            default -> throw new AssertionError(actual);
        }
        if (sink.size() == 0 && (sink.skippedCount() > 0 || (!text.isBlank() && lineFormat(actual)))) {
            int line = actual == TranscriptFormat.JSON ? 0 : Math.max(1, sink.firstBadLine());
            throw new ChapterEngineException(ErrorCode.UNREADABLE_TRANSCRIPT,
                    (line > 0 ? "line " + line + ": " : "") + "no cue could be read as " + actual, line);
        }
        return sink.finish(actual);
    }

    /** SRT and HTML have no signature: text with no cue at all is not one of them. */
    private static boolean lineFormat(TranscriptFormat format) {
        return format == TranscriptFormat.SRT || format == TranscriptFormat.HTML;
    }

    /** The format the content looks like, or empty. */
    public static Optional<TranscriptFormat> detect(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        byte[] head = bytes.length <= DETECT_CHARS * 4 ? bytes : java.util.Arrays.copyOf(bytes, DETECT_CHARS * 4);
        return detectText(DecodedText.decode(head, Limits.MAX_TRANSCRIPT_BYTES).text());
    }

    static Optional<TranscriptFormat> detectText(String text) {
        String head = (text.length() > DETECT_CHARS ? text.substring(0, DETECT_CHARS) : text).stripLeading();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Lines lines = new Lines(head);
        String firstLine = lines.next();
        if (VttReader.isSignature(firstLine)) {
            return Optional.of(TranscriptFormat.VTT);
        }
        char first = head.charAt(0);
        if (first == '{' || first == '[') {
            return Optional.of(TranscriptFormat.JSON);
        }
        if (first == '<') {
            return Optional.of(TranscriptFormat.HTML);
        }
        for (String line = firstLine; line != null; line = lines.next()) {
            if (CueTimes.looksLikeTiming(line) && CueTimes.parseTimingLine(line, true) != null) {
                return Optional.of(TranscriptFormat.SRT);
            }
        }
        return Optional.empty();
    }

    /**
     * Assigns every cue to exactly one chapter, order kept, nothing lost: a cue belongs to the chapter containing its
     * start (a straddling cue stays whole where it began; cues before the first chapter go to the first). Returns one
     * section per chapter in the chapters' order, or an empty list when there are no chapters.
     */
    public static List<ChapterSection> assign(List<Chapter> chapters, List<Cue> cues) {
        return Sections.assign(List.copyOf(chapters), List.copyOf(cues));
    }

    /** What {@link #chapterIndexes} gives every cue when there are no chapters. */
    public static final int NO_CHAPTER = -1;

    /**
     * The same rule as {@link #assign}, as one chapter index per cue (in cue order) for callers that store the
     * assignment rather than the sections; every entry is {@link #NO_CHAPTER} when there are no chapters.
     */
    public static int[] chapterIndexes(List<Chapter> chapters, List<Cue> cues) {
        return Sections.chapterIndexes(List.copyOf(chapters), List.copyOf(cues));
    }

    /** Cues as WebVTT (speakers as voice tags). */
    public static String writeVtt(List<Cue> cues) {
        return TranscriptWriter.vtt(cues);
    }

    /** Cues as SRT (speakers as a {@code Name: } prefix). */
    public static String writeSrt(List<Cue> cues) {
        return TranscriptWriter.srt(cues);
    }
}
