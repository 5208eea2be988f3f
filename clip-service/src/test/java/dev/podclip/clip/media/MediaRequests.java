package dev.podclip.clip.media;

import com.sun.net.httpserver.HttpExchange;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What the clip media tests share: a local source's answer, and asking for a render until it is done. */
final class MediaRequests {

    /** Longest a test waits for one render: a few seconds of clip on 2 cores, with the suite's load beside it. */
    static final Duration RENDER_TIMEOUT = Duration.ofSeconds(90);

    private MediaRequests() {
    }

    static void reply(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** GETs until the render is done; the answers before are 202 with Retry-After and a status URL that answers. */
    static Response rendered(String url) throws InterruptedException {
        long deadline = System.nanoTime() + RENDER_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Response response = given().urlEncodingEnabled(false).get(url);
            if (response.statusCode() != 202) {
                return response;
            }
            assertThat(response.header("Retry-After")).isEqualTo("1");
            assertThat(response.header("Location")).startsWith("/api/media/");
            given().get(response.header("Location")).then().statusCode(200);
            Thread.sleep(200);
        }
        throw new AssertionError(url + " still rendering after " + RENDER_TIMEOUT);
    }
}
