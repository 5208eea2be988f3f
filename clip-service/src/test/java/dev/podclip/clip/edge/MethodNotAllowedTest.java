package dev.podclip.clip.edge;

import dev.podclip.clip.TopicsResource;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * A method a path does not answer is a 405 problem with the Allow header RFC 9110 requires, read from the resources'
 * annotations (Routes); a path no resource answers stays a 404, with no Allow.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class MethodNotAllowedTest {

    @Test
    void a405NamesTheMethodsThePathAnswers() {
        String clips = given().delete("/api/clips").then().statusCode(405)
                .contentType("application/problem+json").body("type", containsString("method-not-allowed"))
                .extract().header("Allow");
        assertThat(clips.split(", ")).contains("POST", "OPTIONS").doesNotContain("DELETE");
        String ping = given().delete("/api/ping").then().statusCode(405).extract().header("Allow");
        assertThat(ping).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void aPathNoResourceAnswersIsA404WithoutAllow() {
        given().delete("/api/no-such-thing").then().statusCode(404).header("Allow", org.hamcrest.Matchers.nullValue());
    }
}
