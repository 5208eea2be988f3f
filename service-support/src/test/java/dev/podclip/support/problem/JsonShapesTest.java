package dev.podclip.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonShapesTest {

    record Item(String title, Long startMs) {
    }

    record Body(UUID episodeId, List<Item> items, Instant at) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private static JsonMappingException mismatch(String json) {
        return catchThrowableOfType(JsonMappingException.class, () -> MAPPER.readValue(json, Body.class));
    }

    @Test
    void aMismatchIsNamedByItsPlaceInTheBodyAndWhatItMustBe() {
        JsonMappingException id = mismatch("{\"episodeId\": \"nope\"}");
        assertThat(JsonShapes.field(id)).isEqualTo("episodeId");
        assertThat(JsonShapes.expected(UUID.class)).isEqualTo("a UUID");
        JsonMappingException deep = mismatch("{\"items\": [{\"title\": \"a\"}, {\"startMs\": \"abc\"}]}");
        assertThat(JsonShapes.field(deep)).isEqualTo("items[1].startMs");
        assertThat(JsonShapes.field(mismatch("[1]"))).isEqualTo("body");
    }

    @Test
    void typesInWords() {
        assertThat(JsonShapes.expected(String.class)).isEqualTo("text");
        assertThat(JsonShapes.expected(long.class)).isEqualTo("a whole number");
        assertThat(JsonShapes.expected(Double.class)).isEqualTo("a number");
        assertThat(JsonShapes.expected(Boolean.class)).isEqualTo("true or false");
        assertThat(JsonShapes.expected(List.class)).isEqualTo("a list");
        assertThat(JsonShapes.expected(Instant.class)).startsWith("a date and time");
        assertThat(JsonShapes.expected(Thread.State.class)).startsWith("one of NEW, RUNNABLE");
        assertThat(JsonShapes.expected(Item.class)).isEqualTo("an object");
    }

    @Test
    void syntaxSaysWhere() {
        JsonProcessingException broken = catchThrowableOfType(JsonProcessingException.class,
                () -> MAPPER.readTree("{\"a\": 1,}"));
        assertThat(JsonShapes.syntax(broken)).contains("line 1, column");
    }
}
