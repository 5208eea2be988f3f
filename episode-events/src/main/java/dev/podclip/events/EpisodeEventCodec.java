package dev.podclip.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * JSON for episode events. Unknown fields are ignored (producers may add fields within a schema version); missing
 * required fields, an unknown schema version or a broken invariant are an {@link EventFormatException}.
 */
public final class EpisodeEventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private EpisodeEventCodec() {
    }

    public static byte[] toJson(EpisodeEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("episode event not serializable", e);
        }
    }

    public static EpisodeEvent fromJson(byte[] json) {
        if (json == null) {
            throw new EventFormatException("no value (a tombstone is not an event)");
        }
        if (json.length > Topics.MAX_RECORD_BYTES) {
            throw new EventFormatException("value of " + json.length + " bytes exceeds " + Topics.MAX_RECORD_BYTES);
        }
        EpisodeEvent event;
        try {
            event = MAPPER.readValue(json, EpisodeEvent.class);
        } catch (IOException e) {
            throw new EventFormatException("not an episode event: " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new EventFormatException("invalid episode event: " + firstLine(e.getMessage()), e);
        }
        if (event.schemaVersion() != EpisodeEvent.SCHEMA_VERSION) {
            throw new EventFormatException("unknown schema version " + event.schemaVersion());
        }
        return event;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
