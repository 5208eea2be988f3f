package dev.podclip.catalog.home;

import dev.podclip.catalog.support.CatalogProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The catalog's {@code /} points to its API documents and to clip-service's front door, as a page or JSON. */
@QuarkusTest
@TestProfile(CatalogProfile.class)
class HomePageTest {

    @Test
    void aPageForBrowsersAndJsonForClients() {
        Response page = given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String html = page.asString();
        assertThat(html).contains("<html lang=\"en\">").contains("<title>podclip catalog-service</title>")
                .contains("href=\"http://127.0.0.1:8082/\"").contains("href=\"/q/openapi\"")
                .contains("href=\"/q/swagger-ui\"") // on in tests, off in production unless SWAGGER_UI=true
                .doesNotContain("<script").doesNotContain("style");
        given().get("/").then().statusCode(200).contentType("text/html");

        given().accept("application/json").get("/").then().statusCode(200).contentType("application/json")
                .body("openapi", equalTo("/q/openapi")).body("swaggerUi", equalTo("/q/swagger-ui"))
                .body("frontDoor", equalTo("http://127.0.0.1:8082/"));
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void configuredTextIsEscaped() {
        assertThat(HomeService.escape("http://x/?a=1&b=\"<i>'")).isEqualTo("http://x/?a=1&amp;b=&quot;&lt;i&gt;&#39;");
    }
}
