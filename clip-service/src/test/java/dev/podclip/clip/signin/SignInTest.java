package dev.podclip.clip.signin;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.OpenIdProvider;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' sign-in through an identity provider (here a local {@link OpenIdProvider}): the whole authorization-code
 * flow as a browser goes through it, the token the episode page's script then gets, and a clip saved with it; a
 * script without a session gets 499, and the way back is only ever a path of this service.
 */
@QuarkusTest
@TestProfile(SignInTest.WithIdentityProvider.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class SignInTest {

    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenIdProvider.class, Map.of("web-tenant", "pages")));
        }
    }

    /** The cookies a browser would hold for this service, by name. */
    private final Map<String, String> jar = new HashMap<>();

    @Test
    void aPersonSignsInAndThePageScriptSavesAClipWithTheToken() {
        UUID id = UUID.randomUUID();
        TranscriptFixtures.sendAndAwait(TranscriptFixtures.snapshot(id, 1, "Signed in", null,
                TranscriptFixtures.CHAPTERS_V1, null));

        Element save = Jsoup.parse(given().get("/episodes/{id}", id).then().statusCode(200).extract().asString())
                .selectFirst("#clip-save");
        assertThat(save).isNotNull();
        assertThat(save.attr("data-token-href")).isEqualTo("/sign-in/token");
        String signIn = save.attr("data-sign-in-href");
        assertThat(signIn).isEqualTo("/sign-in?return=/episodes/" + id);
        assertThat(save.select(".dev-only")).isEmpty();

        // Not signed in: the script is told so (499) rather than redirected where it cannot follow.
        given().header("X-Requested-With", "JavaScript").post("/sign-in/token").then().statusCode(499);

        // The browser: sign-in → provider → callback → the sign-in again (now with a session) → the episode page.
        Response toProvider = browse(signIn);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = URI.create(toProvider.header("Location"));
        assertThat(authorize.toString()).startsWith(OpenIdProvider.issuer + "/authorize?")
                .contains("code_challenge=").contains("code_challenge_method=S256");
        URI callback = URI.create(atProvider(authorize).then().statusCode(302)
                .extract().header("Location"));
        assertThat(callback.getPath()).isEqualTo("/sign-in/callback");
        Response restored = browse(OpenIdProvider.pathAndQuery(callback));
        assertThat(restored.statusCode()).isEqualTo(302);
        Cookie session = restored.getDetailedCookies().asList().stream()
                .filter(c -> c.getName().startsWith("q_session")).findFirst().orElseThrow();
        assertThat(session.getPath()).isEqualTo("/sign-in");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("lax");
        Response back = browse(OpenIdProvider.pathAndQuery(URI.create(restored.header("Location"))));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(URI.create(back.header("Location")).getPath()).isEqualTo("/episodes/" + id);

        Response token = given().cookies(jar).header("X-Requested-With", "JavaScript").post("/sign-in/token");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.header("Cache-Control")).isEqualTo("no-store");
        assertThat(token.jsonPath().getString("subject")).isEqualTo(OpenIdProvider.SUBJECT);
        assertThat(token.jsonPath().getBoolean("development")).isFalse();
        assertThat(token.jsonPath().getLong("expiresInS")).isBetween(1L, 300L);

        given().auth().oauth2(token.jsonPath().getString("token")).contentType(ContentType.JSON)
                .body(Map.of("episodeId", id.toString(), "startMs", 60_000, "endMs", 90_000))
                .post("/api/clips").then().statusCode(201);
    }

    @Test
    void theWayBackIsOnlyEverAPathOfThisService() {
        signInOnce();
        for (String elsewhere : List.of("//evil.example/", "https://evil.example/", "/\\evil.example",
                "episodes", "/a b", "/" + "x".repeat(ReturnPaths.MAX_LENGTH))) {
            Response answer = given().cookies(jar).redirects().follow(false).queryParam("return", elsewhere)
                    .get("/sign-in");
            assertThat(answer.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(answer.contentType()).as(elsewhere).startsWith("application/problem+json");
        }
        Response home = given().cookies(jar).redirects().follow(false).get("/sign-in");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(URI.create(home.header("Location")).getPath()).isEqualTo("/");
    }

    private void signInOnce() {
        URI authorize = URI.create(browse("/sign-in").header("Location"));
        URI callback = URI.create(atProvider(authorize).header("Location"));
        browse(OpenIdProvider.pathAndQuery(callback));
    }

    /** The browser at the provider, which signs it in at once and sends it back. */
    private static Response atProvider(URI authorize) {
        return given().redirects().follow(false).urlEncodingEnabled(false).get(authorize);
    }

    /** A browser's request to this service: with its cookies, keeping what it sets, not following redirects. */
    private Response browse(String pathAndQuery) {
        Response response = given().cookies(jar).redirects().follow(false).urlEncodingEnabled(false)
                .get(pathAndQuery);
        response.getDetailedCookies().asList().forEach(c -> jar.put(c.getName(), c.getValue()));
        return response;
    }
}
