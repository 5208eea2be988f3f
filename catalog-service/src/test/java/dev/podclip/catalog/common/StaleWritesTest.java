package dev.podclip.catalog.common;

import dev.podclip.catalog.support.CatalogProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@TestProfile(CatalogProfile.class)
class StaleWritesTest {

    /** Fails the way a write fails when its row changed under it, converted by JPA or raw from Hibernate. */
    @Path("/test/stale")
    public static class StaleResource {

        @GET
        @Path("jpa")
        public String jpa() {
            throw new OptimisticLockException("row changed");
        }

        @GET
        @Path("hibernate")
        public String hibernate() {
            throw new StaleObjectStateException("Episode", 1);
        }
    }

    @Test
    void aWriteThatLostToAnotherIsAStaleVersionConflict() {
        for (String path : new String[]{"/test/stale/jpa", "/test/stale/hibernate"}) {
            given().get(path).then().statusCode(409).contentType("application/problem+json")
                    .body("type", is("https://podclip.dev/problems/stale-version"))
                    .body("instance", is(path));
        }
    }
}
