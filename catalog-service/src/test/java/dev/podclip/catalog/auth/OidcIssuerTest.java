package dev.podclip.catalog.auth;

import dev.podclip.catalog.support.Catalog;
import dev.podclip.catalog.support.CatalogProfile;
import dev.podclip.support.auth.DevTokens;
import dev.podclip.support.auth.Roles;
import dev.podclip.testing.OpenIdProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production option for keys: tokens verified against an identity provider's JWKS (quarkus-oidc, discovery from
 * {@code OIDC_AUTH_SERVER_URL}), here a local {@link OpenIdProvider}. Its tokens pass with their roles; the
 * repository's development key, another issuer and a wrong key id do not.
 */
@QuarkusTest
@TestProfile(OidcIssuerTest.Profile.class)
class OidcIssuerTest {

    public static class Profile extends CatalogProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            var resources = new java.util.ArrayList<>(super.testResources());
            resources.add(new TestResourceEntry(OpenIdProvider.class));
            return resources;
        }
    }

    private static String token(String keyId, String issuer, String... roles) {
        return DevTokens.sign(OpenIdProvider.keys.getPrivate(), keyId, issuer, "oidc-test", List.of(roles),
                Duration.ofMinutes(5));
    }

    private static int createShow(String bearer, String slug) {
        return given().auth().oauth2(bearer).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "title", "OIDC " + slug)).post("/api/shows").statusCode();
    }

    @Test
    void tokensOfTheIssuerPassWithTheirRoles() {
        given().auth().oauth2(token(OpenIdProvider.KEY_ID, OpenIdProvider.issuer, Roles.EDITOR))
                .contentType(ContentType.JSON).body(Map.of("slug", "oidc-ok", "title", "OIDC ok"))
                .post("/api/shows").then().statusCode(201);
        assertThat(
                createShow(token(OpenIdProvider.KEY_ID, OpenIdProvider.issuer, "listener"), "oidc-role")).isEqualTo(403);
    }

    @Test
    void theDevelopmentKeyAnotherIssuerAndNoTokenAreRefused() {
        assertThat(createShow(Catalog.token(Roles.EDITOR), "oidc-dev"))
                .isEqualTo(401);
        assertThat(
                createShow(token(OpenIdProvider.KEY_ID, "https://elsewhere.example", Roles.EDITOR), "oidc-iss"))
                .isEqualTo(401);
        given().contentType(ContentType.JSON).body(Map.of("slug", "oidc-none", "title", "none"))
                .post("/api/shows").then().statusCode(401);
    }
}
