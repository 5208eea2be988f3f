package dev.podclip.chapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Cue;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.Timecode;
import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import dev.podclip.chapters.files.ChapterFiles;
import dev.podclip.chapters.notes.ShowNotes;
import dev.podclip.chapters.time.Durations;
import dev.podclip.chapters.transcript.Transcripts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The five commands as pure request → answer functions over JSON trees, shared by the batch mode and the mode for
 * people so both answer exactly alike. A request that cannot be served throws {@link BadRequest} or the engine's
 * {@link ChapterEngineException}; the caller turns either into an error answer.
 */
final class Requests {

    static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    /** A request that is malformed before the engine sees it: a missing field, a wrong type, an unreadable path. */
    static final class BadRequest extends RuntimeException {
        final String code;

        BadRequest(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    static ObjectNode parse(JsonNode request) {
        String text = requiredText(request, "text");
        StatedDuration duration = duration(request.get("duration"));
        ChapterList list = ShowNotes.parseChapters(text, duration, BoundaryPolicy.DEFAULTS);
        return chapters(list, false);
    }

    static ObjectNode timecodes(JsonNode request) {
        String text = requiredText(request, "text");
        StatedDuration duration = duration(request.get("duration"));
        List<Timecode> found = ShowNotes.findTimecodes(text, duration == null ? null : duration.latestEndMs());
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode array = answer.putArray("timecodes");
        for (Timecode timecode : found) {
            ObjectNode node = array.addObject();
            node.put("startMs", timecode.startMs());
            node.put("text", text.substring(timecode.offset(), timecode.offset() + timecode.length()));
            node.put("offset", timecode.offset());
        }
        return answer;
    }

    static ObjectNode durationOf(JsonNode request) {
        String text = requiredText(request, "text");
        String syntax = optionalText(request, "syntax", "human");
        ObjectNode answer = JSON.createObjectNode();
        switch (syntax) {
            case "human" -> {
                StatedDuration stated = Durations.parseHuman(text).orElse(null);
                if (stated == null) {
                    answer.putNull("durationMs");
                } else {
                    answer.put("durationMs", stated.valueMs());
                    answer.put("slackMs", stated.slackMs());
                }
            }
            case "npt" -> {
                OptionalLong ms = Durations.parseNpt(text);
                if (ms.isPresent()) {
                    answer.put("durationMs", ms.getAsLong());
                } else {
                    answer.putNull("durationMs");
                }
            }
            default -> throw new BadRequest("bad-request", "syntax must be \"human\" or \"npt\", not " + syntax);
        }
        return answer;
    }

    static ObjectNode chapterFile(JsonNode request) {
        byte[] bytes = readFile(requiredText(request, "path"), Limits.MAX_CHAPTER_FILE_BYTES);
        StatedDuration duration = duration(request.get("duration"));
        return chapters(ChapterFiles.read(bytes, duration, BoundaryPolicy.DEFAULTS), true);
    }

    static ObjectNode transcript(JsonNode request) {
        byte[] bytes = readFile(requiredText(request, "path"), Limits.MAX_TRANSCRIPT_BYTES);
        TranscriptFormat format = transcriptFormat(optionalText(request, "format", "auto"));
        Transcript transcript = Transcripts.read(bytes, format);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("format", transcript.format().name().toLowerCase(Locale.ROOT));
        ArrayNode cues = answer.putArray("cues");
        for (Cue cue : transcript.cues()) {
            ObjectNode node = cues.addObject();
            node.put("startMs", cue.startMs());
            node.put("endMs", cue.endMs());
            node.put("text", cue.text());
            if (cue.speaker() == null) {
                node.putNull("speaker");
            } else {
                node.put("speaker", cue.speaker());
            }
        }
        warnings(answer, transcript.warnings());
        return answer;
    }

    /** {@code auto} (or absent) means "detect"; otherwise one of the engine's formats by name. */
    static TranscriptFormat transcriptFormat(String name) {
        if (name == null || name.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return TranscriptFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad-request", "format must be vtt, srt, json, html or auto, not " + name);
        }
    }

    /** A duration as the contract allows it: seconds as a number, text as people write it, or null. */
    static StatedDuration duration(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Durations.ofSeconds(node.asDouble()).orElse(null);
        }
        if (node.isTextual()) {
            return Durations.parseHuman(node.asText()).orElse(null);
        }
        throw new BadRequest("bad-request", "duration must be a number of seconds, a text or null");
    }

    static ObjectNode chapters(ChapterList list, boolean withToc) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode array = answer.putArray("chapters");
        for (Chapter chapter : list.chapters()) {
            ObjectNode node = array.addObject();
            node.put("startMs", chapter.startMs());
            if (chapter.endMs() == null) {
                node.putNull("endMs");
            } else {
                node.put("endMs", chapter.endMs());
            }
            node.put("title", chapter.title());
            if (withToc) {
                node.put("toc", chapter.toc());
            }
            if (chapter.url() != null) {
                node.put("url", chapter.url());
            }
            if (chapter.imageUrl() != null) {
                node.put("img", chapter.imageUrl());
            }
        }
        if (list.durationMs() == null) {
            answer.putNull("durationMs");
        } else {
            answer.put("durationMs", list.durationMs());
        }
        warnings(answer, list.warnings());
        return answer;
    }

    static void warnings(ObjectNode answer, List<Warning> warnings) {
        ArrayNode array = answer.putArray("warnings");
        for (Warning warning : warnings) {
            ObjectNode node = array.addObject();
            node.put("code", warning.code().wireName());
            node.put("message", warning.message());
            if (warning.index() != null) {
                node.put("index", warning.index());
            }
        }
    }

    static byte[] readFile(String path, int maxBytes) {
        Path file = Path.of(path);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ChapterEngineException(ChapterEngineException.ErrorCode.INPUT_TOO_LARGE,
                        path + " is larger than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new BadRequest("unreadable-file", "cannot read " + path + ": " + e.getMessage());
        }
    }

    static String requiredText(JsonNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null || !node.isTextual()) {
            throw new BadRequest("bad-request", "\"" + field + "\" must be a string");
        }
        return node.asText();
    }

    static String optionalText(JsonNode request, String field, String fallback) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new BadRequest("bad-request", "\"" + field + "\" must be a string");
        }
        return node.asText();
    }
}
