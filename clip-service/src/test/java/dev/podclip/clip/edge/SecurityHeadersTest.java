package dev.podclip.clip.edge;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of answer clip-service gives a browser carries the security headers: pages and problem pages with a
 * policy that allows no inline script and no framing, the embeddable player framable by any site, and text, JSON,
 * XML and problem answers with nosniff and a policy that allows nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class SecurityHeadersTest {

    private static void assertCommon(String url, Response response) {
        assertThat(response.header("X-Content-Type-Options")).as(url).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).as(url).isNotBlank();
        String csp = response.header("Content-Security-Policy");
        assertThat(csp).as(url).isNotBlank().doesNotContain("unsafe-inline").contains("base-uri 'none'");
    }

    @Test
    void everyPageAndEveryOtherAnswerCarriesTheHeaders() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Headers", "Notes 01:00 there",
                TranscriptFixtures.CHAPTERS_V1, TranscriptFixtures.transcript("vtt", TranscriptFixtures.VTT)));
        List<String> pages = List.of("/episodes/" + id, "/e/" + id + "?t=10,70", "/e/" + id + "/chapters/1",
                "/e/" + UUID.randomUUID() + "?t=10,70", "/c/nosuchclip", "/", "/shows/" + TranscriptFixtures.SHOW.slug(),
                "/shows/no-such-show", "/search?q=headers", "/search?q=" + "w".repeat(300),
                "/episodes/" + UUID.randomUUID());
        for (String url : pages) {
            Response response = given().accept("text/html").get(url);
            assertThat(response.contentType()).as(url).startsWith("text/html");
            assertCommon(url, response);
            assertThat(response.header("Content-Security-Policy")).as(url).contains("frame-ancestors 'none'")
                    .contains("script-src 'self'");
        }
        Response embed = given().get("/e/" + id + "/embed?t=10,70");
        assertThat(embed.statusCode()).isEqualTo(200);
        assertCommon("embed", embed);
        assertThat(embed.header("Content-Security-Policy")).contains("frame-ancestors *");
        assertThat(embed.header("X-Frame-Options")).isNull();

        List<String> others = List.of("/api/episodes/" + id + "/transcript.txt",
                "/api/episodes/" + id + "/transcript.vtt",
                "/api/episodes/" + id + "/chapters", "/feeds/" + TranscriptFixtures.SHOW.slug() + ".xml",
                "/api/episodes/" + UUID.randomUUID() + "/chapters", "/q/health/ready", "/api/search?q=%00");
        for (String url : others) {
            Response response = given().urlEncodingEnabled(false).get(url);
            assertCommon(url, response);
            assertThat(response.header("Content-Security-Policy")).as(url).startsWith("default-src 'none'")
                    .contains("frame-ancestors 'none'");
            assertThat(response.header("X-Frame-Options")).as(url).isEqualTo("DENY");
        }

        // Swagger UI (on in tests, off in production by default) needs its inline bootstrap script: only its path
        // gets a policy that allows it, and it may not be framed either.
        Response swagger = given().get("/q/swagger-ui/");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(swagger.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("default-src 'self'");
    }
}
