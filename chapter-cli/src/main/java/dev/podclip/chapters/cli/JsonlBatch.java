package dev.podclip.chapters.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podclip.chapters.ChapterEngineException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Function;

/**
 * The {@code --jsonl} contract: one JSON request a line in, exactly one JSON answer a line out, same order, each with
 * the request's {@code id}. A request that cannot be served answers an error object and the run goes on; blank lines
 * are skipped.
 */
final class JsonlBatch {

    /** A request line longer than this is refused (and read past) rather than buffered: 64 MiB of JSON. */
    static final int MAX_LINE_CHARS = 64 * 1024 * 1024;

    private JsonlBatch() {
    }

    /** Serves every line; returns how many requests answered an error. */
    static int run(BufferedReader in, Writer out, Function<JsonNode, ObjectNode> handler) throws IOException {
        int errors = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode answer = answer(line, handler);
            if (answer.has("error")) {
                errors++;
            }
            out.write(Requests.JSON.writeValueAsString(answer));
            out.write('\n');
        }
        out.flush();
        return errors;
    }

    static ObjectNode answer(String line, Function<JsonNode, ObjectNode> handler) {
        JsonNode request;
        try {
            if (line.length() > MAX_LINE_CHARS) {
                return error(null, "request-too-large", "request line longer than " + MAX_LINE_CHARS + " chars");
            }
            request = Requests.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, "bad-request", "not a JSON object: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            return error(null, "bad-request", "not a JSON object");
        }
        JsonNode id = request.get("id");
        ObjectNode answer;
        try {
            answer = handler.apply(request);
        } catch (ChapterEngineException e) {
            return error(id, e.code().wireName(), e.getMessage());
        } catch (Requests.BadRequest e) {
            return error(id, e.code, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // The contract says the run goes on; an engine bug answers as one failed request, not a dead batch.
            return error(id, "internal", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        ObjectNode withId = Requests.JSON.createObjectNode();
        withId.set("id", id);
        withId.setAll(answer);
        return withId;
    }

    static ObjectNode error(JsonNode id, String code, String message) {
        ObjectNode answer = Requests.JSON.createObjectNode();
        answer.set("id", id);
        ObjectNode error = answer.putObject("error");
        error.put("code", code);
        error.put("message", message == null ? "" : message);
        return answer;
    }
}
