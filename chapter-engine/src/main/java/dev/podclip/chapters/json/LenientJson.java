package dev.podclip.chapters.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON read strictly first, then with the slips people make by hand (single quotes, comments, trailing commas,
 * unquoted names); the caller warns when only the lenient reading worked. The one definition of which slips the engine
 * forgives, shared by the chapter-file and transcript readers (an engine internal, not API).
 */
public final class LenientJson {

    private static final ObjectMapper STRICT = new ObjectMapper();
    private static final ObjectMapper LENIENT = new ObjectMapper(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build());

    /** The tree, whether only the lenient reading worked, or the strict reading's error. */
    public record Parsed(JsonNode root, boolean lenient, String error, int errorLine) {
    }

    private LenientJson() {
    }

    /** Strict JSON; a blank document reads as a missing node. */
    public static JsonNode readStrict(String text) throws JacksonException {
        return nonNull(STRICT.readTree(text));
    }

    /** JSON with the forgiven slips; a blank document reads as a missing node. */
    public static JsonNode readLenient(String text) throws JacksonException {
        return nonNull(LENIENT.readTree(text));
    }

    public static Parsed parse(String text) {
        try {
            return new Parsed(readStrict(text), false, null, 0);
        } catch (JacksonException strictError) {
            try {
                return new Parsed(readLenient(text), true, null, 0);
            } catch (JacksonException lenientError) {
                JsonLocation where = strictError.getLocation();
                int line = where == null ? 0 : Math.max(0, where.getLineNr());
                return new Parsed(null, false, strictError.getOriginalMessage(), line);
            }
        }
    }

    private static JsonNode nonNull(JsonNode node) {
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }
}
