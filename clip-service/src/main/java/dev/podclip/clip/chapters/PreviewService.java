package dev.podclip.clip.chapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.time.Durations;
import dev.podclip.clip.config.ClipConfig;
import dev.podclip.clip.problem.ClipServiceProblems;
import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chapters for notes nobody stored yet: the same rule as the consumer ({@link ChapterComputation}), nothing written.
 * The body is read by hand so that its size is checked before parsing and "duration" may be text or seconds.
 */
@ApplicationScoped
public class PreviewService {

    @Inject
    ObjectMapper mapper;
    @Inject
    ClipConfig config;

    /** {@code POST /api/chapters/preview}'s answer. */
    public record Preview(Long durationMs, String source, List<ChapterViews.ChapterView> chapters,
                          List<ChapterViews.WarningView> warnings) {
    }

    public Preview preview(byte[] body) {
        int limit = config.api().previewMaxBodyBytes();
        if (body == null || body.length == 0) {
            throw ProblemException.invalidFields(List.of(error("body",
                    "a JSON object with notes (and duration, chaptersJson) is required")));
        }
        if (body.length > limit) {
            throw new ProblemException(CommonProblems.BODY_TOO_LARGE,
                    "The preview body has " + body.length + " bytes; the limit is " + limit)
                    .with("limitBytes", limit);
        }
        JsonNode root = parse(body);
        List<Map<String, String>> errors = new ArrayList<>();
        String notes = text(root, "notes", errors);
        String chaptersJson = text(root, "chaptersJson", errors);
        StatedDuration duration = duration(root.get("duration"), errors);
        if (notes == null && chaptersJson == null && errors.isEmpty()) {
            errors.add(error("notes", "notes or chaptersJson is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        ChapterComputation.Computed computed;
        try {
            computed = ChapterComputation.compute(notes, chaptersJson, duration);
        } catch (ChapterEngineException e) {
            throw new ProblemException(ClipServiceProblems.of(e.code()), e.getMessage());
        }
        return new Preview(duration == null ? null : duration.valueMs(), computed.source().wireName(),
                ChapterViews.chapterViews(computed.list().chapters()),
                ChapterViews.warningViews(computed.list().warnings()));
    }

    private JsonNode parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(CommonProblems.UNREADABLE_BODY,
                    "The body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new ProblemException(CommonProblems.UNREADABLE_BODY,
                    "The body must be a JSON object");
        }
        return root;
    }

    private static String text(JsonNode root, String field, List<Map<String, String>> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(error(field, "must be a string"));
            return null;
        }
        return node.asText();
    }

    /** Text ({@code 49 min}, {@code 1:18:00}) or a number of seconds; null when absent. */
    private static StatedDuration duration(JsonNode node, List<Map<String, String>> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Durations.ofSeconds(node.asDouble()).orElseGet(() -> {
                errors.add(error("duration", "must be a number of seconds from 0 to 360000"));
                return null;
            });
        }
        if (node.isTextual()) {
            return Durations.parseHuman(node.asText()).orElseGet(() -> {
                errors.add(error("duration", "is no duration (try \"49 min\", \"1h 18m\", \"1:18:00\" or seconds)"));
                return null;
            });
        }
        errors.add(error("duration", "must be text or a number of seconds"));
        return null;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
