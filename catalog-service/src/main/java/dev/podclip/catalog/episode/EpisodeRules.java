package dev.podclip.catalog.episode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.time.Durations;
import dev.podclip.support.problem.ProblemException;
import dev.podclip.support.text.Digests;

import java.util.Map;

/** Rules on episode fields beyond Bean Validation. Pure functions. */
final class EpisodeRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EpisodeRules() {
    }

    /** The stated duration's value, or null when the text is absent or no duration the engine understands. */
    static Long durationMs(String durationText) {
        if (durationText == null || durationText.isBlank()) {
            return null;
        }
        return Durations.parseHuman(durationText).map(StatedDuration::valueMs).orElse(null);
    }

    /** Explicit chapters must be one JSON object whose {@code chapters}, when present, is an array. */
    static void checkChaptersJson(String chaptersJson) {
        if (chaptersJson == null) {
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(chaptersJson);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("chaptersJson", "must be JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.invalidField("chaptersJson",
                    "must be a JSON object (a Podcasting 2.0 chapters document)");
        }
        if (root.has("chapters") && !root.get("chapters").isArray()) {
            throw ProblemException.invalidField("chaptersJson", "its chapters member must be an array");
        }
    }

    /** PostgreSQL text cannot hold NUL; refusing it keeps "stored byte for byte" true for everything accepted. */
    static void checkNoNul(Map<String, String> fields) {
        fields.forEach((name, value) -> {
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw ProblemException.invalidField(name, "must not contain the NUL character");
            }
        });
    }

    static String sha256Hex(String text) {
        return Digests.sha256Hex(text);
    }
}
