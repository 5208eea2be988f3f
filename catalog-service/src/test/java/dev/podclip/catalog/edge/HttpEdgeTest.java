package dev.podclip.catalog.edge;

import dev.podclip.catalog.support.Catalog;
import dev.podclip.catalog.support.CatalogProfile;
import dev.podclip.support.http.EdgeRules;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The HTTP layer's own refusals come as problem+json (they used to be bare statuses): a request target or headers
 * past EdgeRules' limits, a body past the server's limit, characters the database cannot hold, repeated JSON keys.
 */
@QuarkusTest
@TestProfile(CatalogProfile.class)
class HttpEdgeTest {

    @TestHTTPResource("/")
    URL root;

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void tooLongTooManyHeadersAndTooLargeAreProblems() throws IOException {
        given().get("/api/shows?q=" + "a".repeat(EdgeRules.URI_MAX_CHARS)).then().statusCode(414)
                .contentType(PROBLEM_JSON).body("status", is(414)).body("type", containsString("uri-too-long"));
        given().header("X-Padding", "p".repeat(EdgeRules.HEADERS_MAX_BYTES)).get("/api/shows").then()
                .statusCode(431).contentType(PROBLEM_JSON);
        // The body is announced, never sent: the answer must come before the server reads it.
        String answer = rawExchange("POST /api/shows HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + (64L * 1024 * 1024) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"status\":413");
    }

    /** Sent raw, as curl does: RestAssured and Java's HttpClient would encode or refuse such targets first. */
    @Test
    void targetsThatAreNotUrisAreProblems() throws IOException {
        for (String target : new String[]{"/api/shows?q=a|b", "/api/shows/%zz", "/api/episodes?slug=%",
                "/q/health/ready?x={}"}) {
            String answer = rawExchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 400").contains(PROBLEM_JSON).contains("not-a-uri")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff");
        }
    }

    /** NoCleartextHttp2: an h2c upgrade is ignored and the answer comes over HTTP/1.1, as for any other client. */
    @Test
    void plainTextConnectionsStayHttp11() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        java.net.http.HttpResponse<Void> answer = client.send(java.net.http.HttpRequest.newBuilder(
                root.toURI().resolve("/q/health/live")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
        // Prior knowledge: the HTTP/2 preface is not an HTTP/1.1 request line, so no HTTP/2 frames come back.
        String reply = rawExchange("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertThat(reply).doesNotStartWith("\0");
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] buffer = new byte[8192];
            StringBuilder text = new StringBuilder();
            InputStream in = socket.getInputStream();
            int read;
            while (!text.toString().contains("}") && (read = in.read(buffer)) > 0) {
                text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            return text.toString();
        }
    }

    @Test
    void nulAndRepeatedKeysAreRefusedAsProblems() {
        given().urlEncodingEnabled(false).get("/api/shows/a%00b").then().statusCode(400).contentType(PROBLEM_JSON);
        given().urlEncodingEnabled(false).get("/api/episodes?slug=a%00b").then().statusCode(400)
                .contentType(PROBLEM_JSON);
        Catalog.editor().body("{\"slug\":\"nul-show\",\"title\":\"a\\u0000b\"}").post("/api/shows").then()
                .statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("NUL"));
        Catalog.editor().body("{\"slug\":\"dup-show\",\"slug\":\"dup-show-2\",\"title\":\"t\"}").post("/api/shows")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        // Control characters that XML cannot hold are stored (they come from feeds too) and cleaned on the way out.
        Catalog.editor().body(Map.of("slug", "ctl-show", "title", "a\u0001b")).post("/api/shows").then()
                .statusCode(201);
    }

    @Test
    void aMethodThePathDoesNotAnswerIsA405ThatNamesTheOnesItDoes() {
        String one = given().patch("/api/episodes/{id}", java.util.UUID.randomUUID()).then().statusCode(405)
                .contentType(PROBLEM_JSON).body("type", containsString("method-not-allowed"))
                .extract().header("Allow");
        assertThat(one.split(", ")).contains("GET", "HEAD", "PUT", "DELETE", "OPTIONS").doesNotContain("PATCH", "POST");
        String list = given().delete("/api/episodes").then().statusCode(405).contentType(PROBLEM_JSON)
                .extract().header("Allow");
        assertThat(list.split(", ")).contains("GET", "HEAD", "POST", "OPTIONS").doesNotContain("DELETE", "PUT");
    }
}
