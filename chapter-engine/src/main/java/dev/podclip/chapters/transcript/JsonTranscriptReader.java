package dev.podclip.chapters.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import dev.podclip.chapters.json.LenientJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Podcasting 2.0 JSON transcripts: {@code {"version", "segments": [{"speaker", "startTime", "endTime", "body"}]}},
 * times in seconds (numbers or numeric strings). Also read: a bare array of segments, and Flightcast's
 * {@code {"segments": [{"start", "end", "text"}], "vtt"}} (its embedded WebVTT wins when it has cues and the segments
 * carry no {@code body}). A missing start is the previous cue's end, a missing end the next start
 * ({@code cue-time-repaired}); a segment with an unreadable time or no text is skipped ({@code cue-skipped}).
 */
final class JsonTranscriptReader {

    private JsonTranscriptReader() {
    }

    /** A segment as read, times {@link CueTimes#NONE} when absent. */
    private record Segment(int number, long startMs, long endMs, String text, String speaker) {
    }

    static void read(String text, CueSink sink) {
        LenientJson.Parsed parsed = LenientJson.parse(text);
        if (parsed.root() == null) {
            throw new ChapterEngineException(ErrorCode.UNREADABLE_TRANSCRIPT,
                    "line " + parsed.errorLine() + ": not JSON: " + parsed.error(), parsed.errorLine());
        }
        if (parsed.lenient()) {
            sink.warn(Warning.of(WarningCode.LENIENT_JSON,
                    "not strict JSON (single quotes, comments or trailing commas); read leniently"));
        }
        JsonNode root = parsed.root();
        JsonNode segments = root.isArray() ? root : root.path("segments");
        if (!segments.isArray()) {
            throw new ChapterEngineException(ErrorCode.UNREADABLE_TRANSCRIPT,
                    "a JSON transcript has a \"segments\" array", 1);
        }
        JsonNode vtt = root.path("vtt");
        if (vtt.isTextual() && !anyHasBody(segments) && readEmbeddedVtt(vtt.asText(), sink)) {
            return;
        }
        List<Segment> read = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segment(i, segments.get(i), sink);
            if (segment != null) {
                read.add(segment);
            }
        }
        fillTimes(read, sink);
    }

    private static boolean anyHasBody(JsonNode segments) {
        for (JsonNode segment : segments) {
            if (segment.has("body")) {
                return true;
            }
        }
        return false;
    }

    /** Flightcast's embedded WebVTT; false (and nothing added) when it has no cues. */
    private static boolean readEmbeddedVtt(String vtt, CueSink sink) {
        CueSink embedded = new CueSink();
        try {
            VttReader.read(vtt, embedded);
        } catch (ChapterEngineException unreadable) {
            return false;
        }
        if (embedded.size() == 0) {
            return false;
        }
        for (var cue : embedded.cues()) {
            sink.add(cue.startMs(), cue.endMs(), cue.text(), cue.speaker());
        }
        return true;
    }

    private static Segment segment(int number, JsonNode node, CueSink sink) {
        if (!node.isObject()) {
            sink.skippedAt("segment " + (number + 1), "not an object");
            return null;
        }
        JsonNode body = node.has("body") ? node.get("body") : node.path("text");
        if (!body.isTextual() && !body.isNumber()) {
            sink.skippedAt("segment " + (number + 1), "no body");
            return null;
        }
        long startMs = seconds(node.has("startTime") ? node.get("startTime") : node.path("start"));
        long endMs = seconds(node.has("endTime") ? node.get("endTime") : node.path("end"));
        if (startMs == BAD || endMs == BAD) {
            sink.skippedAt("segment " + (number + 1), "unreadable startTime or endTime");
            return null;
        }
        JsonNode speakerNode = node.path("speaker");
        String speaker = speakerNode.isTextual() && !speakerNode.asText().isBlank()
                ? speakerNode.asText().strip() : null;
        return new Segment(number, startMs, endMs, CueText.tidyLines(body.asText()), speaker);
    }

    private static final long BAD = -2;

    /** Seconds (number or numeric string) in ms; {@link CueTimes#NONE} when absent, {@link #BAD} when unreadable. */
    static long seconds(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return CueTimes.NONE;
        }
        double seconds;
        if (node.isNumber()) {
            seconds = node.asDouble();
        } else if (node.isTextual()) {
            try {
                seconds = Double.parseDouble(node.asText().strip());
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

    /** Missing starts: the previous cue's end (0 for the first); missing ends: the next known start. */
    private static void fillTimes(List<Segment> segments, CueSink sink) {
        long[] nextKnownStartMs = new long[segments.size() + 1];
        nextKnownStartMs[segments.size()] = CueTimes.NONE;
        for (int i = segments.size() - 1; i >= 0; i--) {
            long own = segments.get(i).startMs();
            nextKnownStartMs[i] = own != CueTimes.NONE ? own : nextKnownStartMs[i + 1];
        }
        long previousEndMs = 0;
        int repaired = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            long startMs = s.startMs() != CueTimes.NONE ? s.startMs() : previousEndMs;
            long endMs = s.endMs();
            if (endMs == CueTimes.NONE) {
                long next = nextKnownStartMs[i + 1];
                endMs = next == CueTimes.NONE ? startMs : Math.max(startMs, next);
            }
            if (s.startMs() == CueTimes.NONE || s.endMs() == CueTimes.NONE) {
                repaired++;
            }
            sink.add(startMs, endMs, s.text(), s.speaker());
            previousEndMs = Math.max(startMs, endMs);
        }
        if (repaired > 0) {
            sink.warn(Warning.of(WarningCode.CUE_TIME_REPAIRED, repaired + " segment(s) without startTime or "
                    + "endTime: a missing start is the previous end, a missing end the next start"));
        }
    }
}
