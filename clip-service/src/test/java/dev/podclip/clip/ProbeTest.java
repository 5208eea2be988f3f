package dev.podclip.clip;

import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ProbeTest {
    @Test
    void ready() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/nothing").then().statusCode(404);
    }
}
