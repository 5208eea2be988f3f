package dev.podclip.clip.feeds;

import dev.podclip.support.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Marks a clip as featured: featured clips are their episode's podcast:soundbite in the show's feed. */
@Path("/api/clips/{id}/featured")
@Tag(name = "feeds")
@RolesAllowed({Roles.EDITOR, Roles.ADMIN})
public class FeaturedClipResource {

    public record Featured(@NotNull Boolean featured) {
    }

    public record FeaturedClip(String id, boolean featured) {
    }

    @Inject
    FeedOutService feeds;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public FeaturedClip put(@PathParam("id") String id, @Valid @NotNull Featured body) {
        return new FeaturedClip(id, feeds.feature(id, body.featured()));
    }
}
