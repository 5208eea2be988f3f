package dev.podclip.support.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonInputTest {

    private static String refused(String json) {
        return JsonInput.refused(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nulEscapesAndBytesAreRefused() {
        assertThat(refused("{\"title\":\"a\\u0000b\"}")).contains("NUL");
        assertThat(refused("{\"title\":\"a\\\\\\u0000\"}")).contains("NUL");
        assertThat(refused("{\"title\":\"a\u0000b\"}")).contains("NUL byte");
    }

    @Test
    void escapedBackslashesAndOtherEscapesPass() {
        // The text backslash-u0000 (an escaped backslash, then "u0000") is no NUL.
        assertThat(refused("{\"title\":\"a\\\\u0000b\"}")).isNull();
        assertThat(refused("{\"title\":\"\\u0001\\u00e9\\n\"}")).isNull();
        assertThat(refused("{\"title\":\"u0000\"}")).isNull();
    }
}
