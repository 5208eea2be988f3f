package dev.podclip.catalog.edge;

import dev.podclip.catalog.support.Catalog;
import dev.podclip.catalog.support.CatalogProfile;
import dev.podclip.support.auth.Roles;
import dev.podclip.testing.OpenApiFuzz;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the catalog's OpenAPI document against the classes of bad input (OpenApiFuzz). */
@QuarkusTest
@TestProfile(CatalogProfile.class)
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void noBadInputGetsA5xxOrAnAnswerThatIsNotAProblem() throws Exception {
        OpenApiFuzz fuzz = new OpenApiFuzz(root.toString().replaceAll("/$", ""),
                Catalog.token(Roles.EDITOR, Roles.ADMIN), Set.of());
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
