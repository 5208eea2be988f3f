package dev.podclip.chapters.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.time.Durations;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Chapter lists out: Podcasting 2.0 JSON, a WebVTT chapters track, a YouTube description block. */
final class ChapterWriter {

    static final String PODCASTING_VERSION = "1.2.0";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long MS_PER_HOUR = 3_600_000;

    private ChapterWriter() {
    }

    /**
     * {@code startTime} in seconds (integer, or with the milliseconds as a fraction), {@code title}, {@code img} and
     * {@code url} when known, {@code toc: false} only for hidden chapters, {@code endTime} where the end is known.
     */
    static String podcastingJson(List<Chapter> chapters) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("version", PODCASTING_VERSION);
        ArrayNode list = root.putArray("chapters");
        for (Chapter chapter : chapters) {
            ObjectNode entry = list.addObject();
            entry.put("startTime", seconds(chapter.startMs()));
            entry.put("title", chapter.title());
            if (chapter.imageUrl() != null) {
                entry.put("img", chapter.imageUrl());
            }
            if (chapter.url() != null) {
                entry.put("url", chapter.url());
            }
            if (!chapter.toc()) {
                entry.put("toc", false);
            }
            if (chapter.endMs() != null) {
                entry.put("endTime", seconds(chapter.endMs()));
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", impossible);
        }
    }

    /** 62500 ms is 62.5, 60000 ms is 60: never an exponent, never binary floating point noise. */
    private static BigDecimal seconds(long ms) {
        BigDecimal seconds = BigDecimal.valueOf(ms, 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    /**
     * One cue a chapter (hidden ones too: they are boundaries), identified by its number. A last chapter whose end is
     * unknown gets a cue of zero length at its start, since WebVTT needs an end.
     */
    static String webVtt(List<Chapter> chapters) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        int number = 1;
        for (Chapter chapter : chapters) {
            long endMs = chapter.endMs() == null ? chapter.startMs() : chapter.endMs();
            out.append('\n').append(number++).append('\n')
                    .append(vttTime(chapter.startMs())).append(" --> ").append(vttTime(endMs)).append('\n')
                    .append(escapeVtt(oneLine(chapter.title()))).append('\n');
        }
        return out.toString();
    }

    /**
     * {@code 0:00 Title} lines, the way YouTube reads chapters from a description: chapters hidden from the table of
     * contents are left out, the first line is always 0:00 (YouTube requires it; the first chapter is moved there),
     * an empty title becomes "Chapter N".
     */
    static String youTube(List<Chapter> chapters) {
        StringBuilder out = new StringBuilder();
        int number = 0;
        for (Chapter chapter : chapters) {
            if (!chapter.toc()) {
                continue;
            }
            number++;
            long startMs = number == 1 ? 0 : chapter.startMs();
            String title = oneLine(chapter.title());
            out.append(Durations.formatClock(startMs)).append(' ')
                    .append(title.isEmpty() ? "Chapter " + number : title).append('\n');
        }
        return out.toString();
    }

    private static String vttTime(long ms) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / MS_PER_HOUR, ms / 60_000 % 60,
                ms / 1_000 % 60, ms % 1_000);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String escapeVtt(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
