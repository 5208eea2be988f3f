package dev.podclip.catalog.transcript;

import dev.podclip.catalog.common.CatalogLimits;
import dev.podclip.catalog.common.CatalogProblems;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;
import dev.podclip.chapters.transcript.Transcripts;
import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.ProblemException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Rules of a transcript upload: which format, how the bytes become the stored text, and whether the chapter engine
 * can read it. Pure functions; every refusal is a problem+json.
 */
public final class TranscriptFiles {

    /**
     * Largest upload. UTF-8 never has more chars than bytes, so this also keeps the stored text within
     * {@link CatalogLimits#TRANSCRIPT_MAX_CHARS} (the event that carries it stays under the record limit).
     */
    public static final int UPLOAD_MAX_BYTES = CatalogLimits.TRANSCRIPT_MAX_CHARS;
    static final String MEDIA_VTT = "text/vtt";
    static final String MEDIA_SRT = "application/x-subrip";
    private static final Map<String, String> FORMAT_BY_MEDIA_TYPE = Map.of(
            MEDIA_VTT, "vtt",
            MEDIA_SRT, "srt",
            "text/srt", "srt",
            "application/srt", "srt",
            "application/json", "json",
            "text/html", "html");
    private static final int MEDIA_TYPE_MAX_CHARS = 200;

    private TranscriptFiles() {
    }

    /**
     * The format: {@code ?format=} when given, else from the Content-Type.
     *
     * @throws ProblemException 400 for an unknown format parameter, 415 for a media type that names no format
     */
    public static String format(String formatParam, String contentType) {
        if (formatParam != null && !formatParam.isBlank()) {
            String f = formatParam.trim().toLowerCase(Locale.ROOT);
            if (!f.matches(CatalogLimits.TRANSCRIPT_FORMAT_PATTERN)) {
                throw ProblemException.invalidField("format", "must be vtt, srt, json or html");
            }
            return f;
        }
        String type = contentType == null ? "" : contentType;
        if (type.length() > MEDIA_TYPE_MAX_CHARS) {
            type = type.substring(0, MEDIA_TYPE_MAX_CHARS);
        }
        int semicolon = type.indexOf(';');
        String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        String format = FORMAT_BY_MEDIA_TYPE.get(bare);
        if (format == null) {
            throw new ProblemException(CatalogProblems.UNSUPPORTED_TRANSCRIPT_TYPE,
                    "Send a transcript as text/vtt, application/x-subrip (text/srt), application/json or text/html,"
                            + " or name it with ?format=vtt|srt|json|html");
        }
        return format;
    }

    /** 413 problem for a body over {@link #UPLOAD_MAX_BYTES}. */
    public static ProblemException tooLarge() {
        return new ProblemException(CatalogProblems.TRANSCRIPT_TOO_LARGE,
                "A transcript may have at most " + UPLOAD_MAX_BYTES + " bytes").with("limitBytes", UPLOAD_MAX_BYTES);
    }

    /**
     * The text to store: the bytes decoded (UTF-8, or UTF-16 with its BOM; a UTF-8 BOM dropped), exactly what the
     * engine will read again from the event.
     *
     * @throws ProblemException 400 for bytes that are not text in those encodings
     */
    public static String decode(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            if (text.indexOf('\0') >= 0) {
                // PostgreSQL cannot hold NUL in text; refused here rather than failing at the INSERT.
                throw new ProblemException(CommonProblems.BAD_CHARACTERS, "A transcript cannot hold a NUL character");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new ProblemException(CommonProblems.UNREADABLE_ENCODING,
                    "A transcript must be UTF-8 text (or UTF-16 with a byte order mark)");
        }
    }

    /**
     * Reads the text as the format with the chapter engine, as every consumer will.
     *
     * @return the transcript, for its cue count
     * @throws ProblemException 400 naming the first bad line when it cannot be read; 413 past the engine's limits
     */
    public static Transcript validate(String text, String format) {
        if (text.isBlank()) {
            throw new ProblemException(CatalogProblems.EMPTY_TRANSCRIPT, "The transcript is empty");
        }
        if (text.indexOf('\0') >= 0) {
            throw new ProblemException(CommonProblems.UNREADABLE_TRANSCRIPT,
                    "A transcript must not contain NUL characters")
                    .with("line", lineOf(text, text.indexOf('\0')));
        }
        Transcript transcript;
        try {
            transcript = Transcripts.read(text.getBytes(StandardCharsets.UTF_8),
                    TranscriptFormat.valueOf(format.toUpperCase(Locale.ROOT)));
        } catch (ChapterEngineException e) {
            if (e.code() == ChapterEngineException.ErrorCode.INPUT_TOO_LARGE
                    || e.code() == ChapterEngineException.ErrorCode.TOO_MANY_CUES) {
                return throwTooLarge(e);
            }
            ProblemException problem = new ProblemException(CommonProblems.UNREADABLE_TRANSCRIPT,
                    (e.line() > 0 ? "Line " + e.line() + " is the first bad line: " : "Cannot read the transcript: ")
                            + e.getMessage())
                    .with("format", format)
                    .with("code", e.code().wireName());
            return throwProblem(e.line() > 0 ? problem.with("line", e.line()) : problem);
        }
        if (transcript.cues().isEmpty()) {
            throw new ProblemException(CommonProblems.UNREADABLE_TRANSCRIPT, "No cue could be read as " + format)
                    .with("format", format);
        }
        return transcript;
    }

    private static Transcript throwTooLarge(ChapterEngineException e) {
        throw new ProblemException(CatalogProblems.TRANSCRIPT_TOO_LARGE, e.getMessage())
                .with("code", e.code().wireName());
    }

    private static Transcript throwProblem(ProblemException problem) {
        throw problem;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
