package dev.podclip.chapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podclip.chapters.ChapterEngineException;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class JsonlBatchTest {

    /** Echoes "n" doubled, fails on demand in each of the ways a handler can fail. */
    private static final Function<JsonNode, ObjectNode> HANDLER = request -> {
        String mode = request.path("mode").asText("");
        switch (mode) {
            case "engine" -> throw new ChapterEngineException(ChapterEngineException.ErrorCode.UNREADABLE_JSON, "bad");
            case "request" -> throw new Requests.BadRequest("bad-request", "missing");
            case "bug" -> throw new IllegalStateException("boom");
            default -> {
                ObjectNode answer = Requests.JSON.createObjectNode();
                answer.put("doubled", request.path("n").asInt() * 2);
                return answer;
            }
        }
    };

    @Test
    void answersEveryLineInOrderWithItsIdAndGoesOnAfterErrors() throws Exception {
        String input = String.join("\n",
                "{\"id\": \"a\", \"n\": 1}",
                "",
                "{\"id\": 2, \"mode\": \"engine\"}",
                "not json",
                "[1, 2]",
                "{\"id\": \"c\", \"mode\": \"request\"}",
                "{\"id\": \"d\", \"mode\": \"bug\"}",
                "{\"id\": \"e\", \"n\": 21}") + "\n";
        StringWriter out = new StringWriter();

        int errors = JsonlBatch.run(new BufferedReader(new StringReader(input)), out, HANDLER);

        List<JsonNode> answers = out.toString().lines().map(JsonlBatchTest::read).toList();
        assertThat(answers).hasSize(7);
        assertThat(errors).isEqualTo(5);
        assertThat(answers.get(0).get("id").asText()).isEqualTo("a");
        assertThat(answers.get(0).get("doubled").asInt()).isEqualTo(2);
        assertThat(answers.get(1).get("id").asInt()).isEqualTo(2);
        assertThat(answers.get(1).at("/error/code").asText()).isEqualTo("unreadable-json");
        assertThat(answers.get(2).get("id").isNull()).isTrue();
        assertThat(answers.get(2).at("/error/code").asText()).isEqualTo("bad-request");
        assertThat(answers.get(3).at("/error/code").asText()).isEqualTo("bad-request");
        assertThat(answers.get(4).at("/error/code").asText()).isEqualTo("bad-request");
        assertThat(answers.get(5).at("/error/code").asText()).isEqualTo("internal");
        assertThat(answers.get(6).get("doubled").asInt()).isEqualTo(42);
    }

    private static JsonNode read(String line) {
        try {
            return Requests.JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
