package dev.podclip.clip.edge;

import dev.podclip.clip.TopicsResource;
import dev.podclip.support.auth.DevTokens;
import dev.podclip.support.auth.Roles;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.OpenApiFuzz;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of clip-service's OpenAPI document against the classes of bad input (OpenApiFuzz). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class OpenApiFuzzTest {

    /** The embeddable player and the episode page answer browsers only, their errors as HTML pages. */
    static final Set<String> HTML_ONLY = Set.of("/c/{id}/embed", "/c/{id}/play", "/e/{episodeId}/embed",
            "/e/{episodeId}/play", "/e/{episodeId}/chapters/{index}/embed", "/e/{episodeId}/chapters/{index}/play",
            "/episodes/{id}");

    @TestHTTPResource("/")
    URL root;

    @Test
    void noBadInputGetsA5xxOrAnAnswerThatIsNotAProblem() throws Exception {
        String token = DevTokens.sign(Path.of("../dev/jwt/privateKey.pem"), DevTokens.DEV_ISSUER, "fuzz",
                List.of(Roles.EDITOR, Roles.ADMIN), Duration.ofMinutes(10));
        OpenApiFuzz fuzz = new OpenApiFuzz(root.toString().replaceAll("/$", ""), token, HTML_ONLY);
        List<OpenApiFuzz.Finding> findings = fuzz.run();
        assertThat(fuzz.requests()).isGreaterThan(40);
        assertThat(findings).isEmpty();
    }

    /** Generated clients learn the problem+json answers from the document (ProblemResponses). */
    @Test
    void everyOperationDocumentsItsProblems() throws Exception {
        com.fasterxml.jackson.databind.JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(io.restassured.RestAssured.given().get("/q/openapi?format=json").asString());
        assertThat(dev.podclip.testing.OpenApiProblems.gaps(document)).isEmpty();
        assertThat(document.path("paths").size()).isGreaterThan(10);
    }
}
