package dev.podclip.chapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands through the real engine, as the batch contract answers them. */
class RequestsTest {

    @Test
    void parseClosesRunTogetherChaptersAtTheStatedDuration() throws Exception {
        JsonNode answer = batch("parse", "{\"id\": 7, \"text\": \"Chapters: 00:00 - Intro and Preston's story"
                + "02:13 - How Preston learned programming10:47 - Discovering Turso\", \"duration\": \"1h 18m\"}").get(0);

        assertThat(answer.get("id").asInt()).isEqualTo(7);
        JsonNode chapters = answer.get("chapters");
        assertThat(chapters).hasSize(3);
        assertThat(chapters.get(0).get("title").asText()).isEqualTo("Intro and Preston's story");
        assertThat(chapters.get(1).get("startMs").asLong()).isEqualTo(133_000);
        assertThat(chapters.get(1).get("endMs").asLong()).isEqualTo(647_000);
        assertThat(chapters.get(2).get("endMs").asLong()).isEqualTo(4_680_000);
    }

    @Test
    void durationsInBothSyntaxesAndNoneForNonsense() throws Exception {
        List<JsonNode> answers = batch("duration",
                "{\"id\": \"a\", \"text\": \"1h 18m\", \"syntax\": \"human\"}",
                "{\"id\": \"b\", \"text\": \"00:01:02.500\", \"syntax\": \"npt\"}",
                "{\"id\": \"c\", \"text\": \"1:60\", \"syntax\": \"human\"}",
                "{\"id\": \"d\", \"text\": \"1h\", \"syntax\": \"klingon\"}");

        assertThat(answers.get(0).get("durationMs").asLong()).isEqualTo(4_680_000);
        assertThat(answers.get(1).get("durationMs").asLong()).isEqualTo(62_500);
        assertThat(answers.get(2).get("durationMs").isNull()).isTrue();
        assertThat(answers.get(3).at("/error/code").asText()).isEqualTo("bad-request");
    }

    @Test
    void transcriptFilesAndUnreadableOnes(@TempDir Path dir) throws Exception {
        Path vtt = Files.writeString(dir.resolve("talk.vtt"),
                "WEBVTT\r\n\r\n00:01.000 --> 00:02.500\r\n<v Aaron>Hello there\r\n", StandardCharsets.UTF_8);
        Path missing = dir.resolve("missing.vtt");
        List<JsonNode> answers = batch("transcript",
                "{\"id\": 1, \"path\": \"" + vtt + "\", \"format\": \"auto\"}",
                "{\"id\": 2, \"path\": \"" + missing + "\", \"format\": \"vtt\"}");

        JsonNode cue = answers.get(0).get("cues").get(0);
        assertThat(cue.get("startMs").asLong()).isEqualTo(1_000);
        assertThat(cue.get("endMs").asLong()).isEqualTo(2_500);
        assertThat(cue.get("speaker").asText()).isEqualTo("Aaron");
        assertThat(cue.get("text").asText()).isEqualTo("Hello there");
        assertThat(answers.get(1).at("/error/code").asText()).isEqualTo("unreadable-file");
    }

    @Test
    void timecodesCarryTheirTextAsWritten() throws Exception {
        JsonNode answer = batch("timecodes",
                "{\"id\": 1, \"text\": \"At 12:30 we get into MVCC, and at 1:02:01 foreign keys.\", \"duration\": null}")
                .get(0);
        JsonNode timecodes = answer.get("timecodes");
        assertThat(timecodes).hasSize(2);
        assertThat(timecodes.get(0).get("startMs").asLong()).isEqualTo(750_000);
        assertThat(timecodes.get(1).get("text").asText()).isEqualTo("1:02:01");
    }

    private static List<JsonNode> batch(String command, String... lines) throws Exception {
        java.util.function.Function<JsonNode, ObjectNode> handler = switch (command) {
            case "parse" -> Requests::parse;
            case "timecodes" -> Requests::timecodes;
            case "duration" -> Requests::durationOf;
            case "transcript" -> Requests::transcript;
            default -> Requests::chapterFile;
        };
        StringWriter out = new StringWriter();
        JsonlBatch.run(new BufferedReader(new StringReader(String.join("\n", lines))), out, handler);
        return out.toString().lines().map(line -> {
            try {
                return Requests.JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }
}
