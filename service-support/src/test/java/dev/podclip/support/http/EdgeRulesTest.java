package dev.podclip.support.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeRulesTest {

    private static EdgeRules.Refusal check(String uri) {
        return EdgeRules.check(uri, 100, -1, 1024);
    }

    @Test
    void ordinaryRequestsPass() {
        assertThat(check("/api/search?q=write-ahead%20log&page=2")).isNull();
        assertThat(check("/c/abc?t=773,1347")).isNull();
        assertThat(check("/shows/caf%C3%A9")).isNull();
        assertThat(check("/api/search?q=100%25+sure")).isNull();
    }

    /** What Quarkus' own check refused with a bare 400 (ServiceMain turns it off), refused here as a problem. */
    @Test
    void targetsThatAreNotUrisAreRefusedWithWhereNotWhat() {
        for (String uri : new String[]{"/api/search?q=a|b", "/c/a|b.mp3", "/x`y", "/x\"y", "/x<y>", "/e/x{y}",
                "/search?q=%", "/api/search?q=100%+sure", "/a%zz", "/x^y", "/x\\y", "/a b"}) {
            EdgeRules.Refusal refusal = check(uri);
            assertThat(refusal).as(uri).isNotNull();
            assertThat(refusal.status()).as(uri).isEqualTo(400);
            assertThat(refusal.slug()).as(uri).isEqualTo("not-a-uri");
            assertThat(refusal.detail()).as(uri).contains("at index").doesNotContain(uri);
        }
        assertThat(EdgeRules.notAUri("/api/search?q=a%7Cb")).isNull();
    }

    @Test
    void nulAndControlCharactersAreRefusedRawOrEncoded() {
        for (String uri : new String[]{"/api/episodes/a%00b", "/api/search?q=%00", "/x?q=a%0Ab", "/x?q=%7f",
                "/x?q=a\u0001b", "/api/shows/%1b[31m"}) {
            assertThat(check(uri)).as(uri).isNotNull().extracting(EdgeRules.Refusal::status).isEqualTo(400);
        }
    }

    @Test
    void percentEncodingThatIsNotUtf8IsRefused() {
        assertThat(check("/api/search?q=%C3%28")).extracting(EdgeRules.Refusal::detail).asString()
                .contains("not UTF-8");
        assertThat(check("/api/search?q=%FF")).isNotNull();
        assertThat(check("/x?q=\u4e2d")).isNotNull();
        // Raw UTF-8 as the server reads it, one char per byte: the query decoder would keep the bytes as Latin-1.
        assertThat(check(new String("/search?q=caf\u00e9".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1))).extracting(EdgeRules.Refusal::detail).asString()
                .contains("not percent-encoded");
    }

    @Test
    void sizesPastTheLimitsHaveTheirStatus() {
        assertThat(check("/x?q=" + "a".repeat(EdgeRules.URI_MAX_CHARS))).extracting(EdgeRules.Refusal::status)
                .isEqualTo(414);
        assertThat(check("/x?q=" + "a".repeat(EdgeRules.URI_MAX_CHARS - 5))).isNull();
        assertThat(EdgeRules.check("/x", EdgeRules.HEADERS_MAX_BYTES + 1, -1, 1024))
                .extracting(EdgeRules.Refusal::status).isEqualTo(431);
        assertThat(EdgeRules.check("/x", 100, 1025, 1024)).extracting(EdgeRules.Refusal::status).isEqualTo(413);
        assertThat(EdgeRules.check("/x", 100, 1024, 1024)).isNull();
    }
}
