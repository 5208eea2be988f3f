package dev.podclip.clip.signin;

import dev.podclip.support.problem.ProblemException;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.podclip.support.openapi.ProblemResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages' sign-in through the identity provider ({@link PageSignIn.Way#IDENTITY_PROVIDER}). quarkus-oidc's
 * {@code pages} tenant runs the authorization-code flow for every path under {@code /sign-in} (an HTTP permission
 * asks for an authenticated user there), so these methods run only for a signed-in person; when the tenant is off,
 * no permission applies and they answer 404, as if they did not exist.
 */
@Path("/sign-in")
public class SignInResource {

    static final String NOT_CONFIGURED = "Sign-in through an identity provider is not configured";
    static final String PROBLEM_SCHEMA = ProblemResponses.SCHEMA_REF;

    @Inject
    PageSignIn signIn;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Sign in with the identity provider (a browser is sent there first), then go back to a "
            + "page of this service")
    @APIResponse(responseCode = "303", description = "Signed in: back to the page named by return")
    @APIResponse(responseCode = "400", description = "return is not a path of this service", content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @APIResponse(responseCode = "404", description = NOT_CONFIGURED, content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    public Response signIn(@Parameter(description = "The page to go back to, a path of this service such as "
            + "/episodes/{id}; / when absent") @QueryParam("return") String returnPath) {
        requireIdentityProvider();
        return Response.seeOther(URI.create(ReturnPaths.check(returnPath)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("/token")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in person's access token, for the episode page's script to save clips with "
            + "(the session cookie is sent to /sign-in only)", description = "Without a session, a request with "
            + "X-Requested-With: JavaScript gets 499 with no body (send the person to GET /sign-in); any other "
            + "request is sent to the identity provider.")
    @APIResponse(responseCode = "200", description = "The token, its subject and seconds left")
    @APIResponse(responseCode = "404", description = NOT_CONFIGURED, content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    public Response token() {
        requireIdentityProvider();
        String token = identity.getCredential(AccessTokenCredential.class).getToken();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("subject", identity.getPrincipal().getName());
        Long expiresInS = secondsLeft(token);
        if (expiresInS != null) {
            body.put("expiresInS", expiresInS);
        }
        body.put("development", false);
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private void requireIdentityProvider() {
        if (signIn.way() != PageSignIn.Way.IDENTITY_PROVIDER) {
            throw ProblemException.notFound("Page", "/sign-in");
        }
    }

    /** Seconds until a JWT access token expires; null for an opaque token, whose lifetime only its issuer knows. */
    static Long secondsLeft(String token) {
        JsonObject claims = token.chars().filter(c -> c == '.').count() == 2 ? OidcUtils.decodeJwtContent(token) : null;
        if (claims == null || !(claims.getValue("exp") instanceof Number exp)) {
            return null;
        }
        return Math.max(0, exp.longValue() - System.currentTimeMillis() / 1000);
    }
}
