package dev.podclip.clip.clips;

import dev.podclip.support.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Creating stored clips. Reading them is the share page's job ({@code GET /c/{id}}, also as JSON). */
@Path("/api/clips")
public class ClipsResource {

    private final ClipService clips;
    private final SecurityIdentity identity;

    @Inject
    public ClipsResource(ClipService clips, SecurityIdentity identity) {
        this.clips = clips;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(CreateClipRequest request) {
        ClipView clip = clips.create(request, identity.getPrincipal().getName());
        return Response.created(URI.create(clip.shareUrl())).entity(clip).build();
    }
}
