package dev.podclip.chapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podclip.chapters.time.Durations;

import java.io.PrintStream;

/** Readable tables for the mode for people; the JSON answer is the single source of what they show. */
final class Tables {

    /** Cue texts longer than this are cut in the table (never in JSON). */
    static final int MAX_CELL_CHARS = 72;

    private Tables() {
    }

    static void chapters(ObjectNode answer, PrintStream out) {
        JsonNode chapters = answer.get("chapters");
        out.printf("%4s  %9s  %9s  %9s  %s%n", "#", "start", "end", "duration", "title");
        int index = 1;
        for (JsonNode chapter : chapters) {
            long startMs = chapter.get("startMs").asLong();
            JsonNode end = chapter.get("endMs");
            String endText = end == null || end.isNull() ? "?" : clock(end.asLong());
            String lengthText = end == null || end.isNull() ? "?" : clock(end.asLong() - startMs);
            out.printf("%4d  %9s  %9s  %9s  %s%n", index++, clock(startMs), endText, lengthText,
                    chapter.get("title").asText());
        }
        JsonNode duration = answer.get("durationMs");
        out.printf("%d chapters; episode duration %s%n", chapters.size(),
                duration == null || duration.isNull() ? "unknown" : clock(duration.asLong()));
        warnings(answer, out);
    }

    static void timecodes(ObjectNode answer, PrintStream out) {
        out.printf("%9s  %s%n", "at", "as written");
        for (JsonNode timecode : answer.get("timecodes")) {
            out.printf("%9s  %s%n", clock(timecode.get("startMs").asLong()), timecode.get("text").asText());
        }
    }

    static void duration(ObjectNode answer, PrintStream out) {
        JsonNode ms = answer.get("durationMs");
        if (ms == null || ms.isNull()) {
            out.println("no valid duration");
            return;
        }
        JsonNode slack = answer.get("slackMs");
        out.printf("%s (%d ms)%s%n", clock(ms.asLong()), ms.asLong(),
                slack == null || slack.asLong() == 0 ? "" : ", rounded: may run " + clock(slack.asLong()) + " longer");
    }

    static void cues(ObjectNode answer, PrintStream out) {
        out.printf("%9s  %9s  %-16s  %s%n", "start", "end", "speaker", "text");
        for (JsonNode cue : answer.get("cues")) {
            JsonNode speaker = cue.get("speaker");
            out.printf("%9s  %9s  %-16s  %s%n", clock(cue.get("startMs").asLong()), clock(cue.get("endMs").asLong()),
                    speaker == null || speaker.isNull() ? "" : speaker.asText(), cut(cue.get("text").asText()));
        }
        out.printf("%d cues%n", answer.get("cues").size());
        warnings(answer, out);
    }

    static void warnings(ObjectNode answer, PrintStream out) {
        for (JsonNode warning : answer.get("warnings")) {
            JsonNode index = warning.get("index");
            out.printf("warning %s%s: %s%n", warning.get("code").asText(),
                    index == null ? "" : " (#" + (index.asInt() + 1) + ")", warning.get("message").asText());
        }
    }

    static String clock(long ms) {
        return Durations.formatClock(ms);
    }

    static String cut(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= MAX_CELL_CHARS ? flat : flat.substring(0, MAX_CELL_CHARS - 1) + "…";
    }
}
