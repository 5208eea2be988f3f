package dev.podclip.clip.signin;

import dev.podclip.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/**
 * Development only: an editor's bearer token for the episode page's "Save as clip" on the local stack, where there is
 * no identity provider to sign in with. Answers 404, as if it did not exist, unless {@link DevSignIn#enabled()}.
 * POST, so that no prefetch or link mints a token.
 */
@Path("/dev/sign-in")
public class DevSignInResource {

    @Inject
    DevSignIn signIn;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Development only (off unless clip.dev-sign-in.enabled and development keys are allowed): "
            + "an editor's bearer token signed with the repository's development key")
    public Response token() {
        if (!signIn.enabled()) {
            throw ProblemException.notFound("Page", "/dev/sign-in");
        }
        return Response.ok(Map.of("token", signIn.editorToken(), "subject", DevSignIn.SUBJECT,
                        "expiresInS", DevSignIn.TOKEN_TTL.toSeconds(), "development", true))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
