package dev.podclip.chapters.files;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import dev.podclip.chapters.json.LenientJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Podcasting 2.0 JSON chapters ({@code version}, {@code chapters[]} of {@code startTime}, {@code title}, {@code img},
 * {@code url}, {@code toc}, {@code endTime}) into marks. Strict JSON first; if that fails, the slips people make by
 * hand (comments, trailing commas, single quotes, unquoted names) are forgiven with {@code lenient-json}, as are a BOM,
 * a numeric string for a time and the 1.0.0 draft's {@code marker} for {@code startTime}. An entry without a readable
 * start is skipped ({@code entry-skipped}).
 */
final class PodcastingJsonReader {

    /** A hand-edited file may lose a comma or two; more than this is no longer a slip. */
    private static final int MAX_COMMA_REPAIRS = 10;
    private static final long BAD = -2;
    private static final long ABSENT = -1;

    private PodcastingJsonReader() {
    }

    static ChapterMarks read(byte[] bytes) {
        FileText file = FileText.decode(bytes);
        ReaderWarnings warnings = new ReaderWarnings();
        if (file.hadBom()) {
            warnings.add(Warning.of(WarningCode.LENIENT_JSON, "the file starts with a byte order mark; ignored"));
        }
        JsonNode root = parse(file.text(), warnings);
        JsonNode entries = root.isArray() ? root : root.path("chapters");
        if (!entries.isArray()) {
            throw new ChapterEngineException(ErrorCode.UNREADABLE_JSON,
                    "not a Podcasting 2.0 chapters file: no \"chapters\" array", 1);
        }
        List<Chapter> marks = new ArrayList<>(Math.min(entries.size(), Limits.MAX_CHAPTERS + 1));
        boolean[] lenientTime = new boolean[1];
        Long lastEndMs = null;
        long lastStartMs = -1;
        for (int i = 0; i < entries.size(); i++) {
            Chapter mark = entry(i, entries.get(i), warnings, lenientTime);
            if (mark == null) {
                continue;
            }
            marks.add(mark);
            if (mark.startMs() >= lastStartMs) {
                lastStartMs = mark.startMs();
                lastEndMs = mark.endMs();
            }
        }
        if (lenientTime[0]) {
            warnings.add(Warning.of(WarningCode.LENIENT_JSON,
                    "a time given as a string (or as the 1.0.0 draft's \"marker\") was read as seconds"));
        }
        return new ChapterMarks(marks, warnings.list(), lastEndMs);
    }

    private static JsonNode parse(String text, ReaderWarnings warnings) {
        try {
            return LenientJson.readStrict(text);
        } catch (JacksonException strictError) {
            String repaired = text;
            for (int attempt = 0; attempt <= MAX_COMMA_REPAIRS; attempt++) {
                try {
                    JsonNode root = LenientJson.readLenient(repaired);
                    warnings.add(Warning.of(WarningCode.LENIENT_JSON, "not strict JSON (" + where(strictError) + ": "
                            + strictError.getOriginalMessage() + "); read with comments, trailing commas and single "
                            + "quotes allowed" + (attempt > 0 ? " and " + attempt + " missing comma(s) added" : "")));
                    return root;
                } catch (JacksonException lenientError) {
                    repaired = withMissingComma(repaired, lenientError);
                    if (repaired == null) {
                        break;
                    }
                }
            }
            throw new ChapterEngineException(ErrorCode.UNREADABLE_JSON,
                    where(strictError) + ": " + strictError.getOriginalMessage(), lineOf(strictError));
        }
    }

    private static Chapter entry(int i, JsonNode node, ReaderWarnings warnings, boolean[] lenientTime) {
        String entry = "chapter entry " + (i + 1);
        if (!node.isObject()) {
            warnings.add(Warning.of(WarningCode.ENTRY_SKIPPED, entry + " is not an object; skipped"));
            return null;
        }
        JsonNode start = node.has("startTime") ? node.get("startTime") : node.path("marker");
        if (!node.has("startTime") && node.has("marker")) {
            lenientTime[0] = true;
        }
        long startMs = seconds(start, lenientTime);
        if (startMs < 0) {
            warnings.add(Warning.of(WarningCode.ENTRY_SKIPPED, entry + (startMs == ABSENT ? " has no startTime"
                    : " has an unreadable startTime " + start) + "; skipped"));
            return null;
        }
        long endMs = seconds(node.path("endTime"), lenientTime);
        Long end = null;
        if (endMs == BAD || (endMs >= 0 && endMs < startMs)) {
            warnings.add(Warning.of(WarningCode.END_TIME_MISMATCH, entry + " has the endTime " + node.get("endTime")
                    + ", unreadable or before its start; ignored"));
        } else if (endMs >= 0) {
            end = endMs;
        }
        JsonNode toc = node.path("toc");
        boolean inToc = !(toc.isBoolean() && !toc.booleanValue()) && !"false".equals(toc.asText(""));
        return new Chapter(startMs, end, text(node.path("title")), link(node.path("url")), link(node.path("img")),
                inToc);
    }

    /** Seconds as a number (or a numeric string, flagged) in ms; {@link #ABSENT} or {@link #BAD}. */
    private static long seconds(JsonNode node, boolean[] lenientTime) {
        if (node.isMissingNode() || node.isNull()) {
            return ABSENT;
        }
        double seconds;
        if (node.isNumber()) {
            seconds = node.asDouble();
        } else if (node.isTextual()) {
            try {
                seconds = Double.parseDouble(node.asText().strip());
                lenientTime[0] = true;
            } catch (NumberFormatException notANumber) {
                return BAD;
            }
        } else {
            return BAD;
        }
        if (!Double.isFinite(seconds) || seconds < 0 || seconds * 1000 > Limits.MAX_TIME_MS) {
            return BAD;
        }
        return Math.round(seconds * 1000);
    }

    private static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : "";
    }

    private static String link(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? WebLinks.keep(node.asText().strip()) : null;
    }


    /**
     * The text with a comma inserted where the parser expected one (a hand-edited file that lost the comma between
     * two entries), or null when the error is another one.
     */
    private static String withMissingComma(String text, JacksonException error) {
        JsonLocation location = error.getLocation();
        String message = error.getOriginalMessage();
        if (location == null || message == null || !message.contains("was expecting comma")) {
            return null;
        }
        long offset = location.getCharOffset();
        if (offset <= 0 || offset > text.length()) {
            return null;
        }
        int at = (int) offset - 1;
        return text.substring(0, at) + "," + text.substring(at);
    }

    private static int lineOf(JacksonException error) {
        JsonLocation location = error.getLocation();
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static String where(JacksonException error) {
        JsonLocation location = error.getLocation();
        return location == null ? "somewhere" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
