package dev.podclip.clip.admin;

import dev.podclip.support.auth.Roles;
import dev.podclip.support.http.Locations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Operator actions on the read model (role {@code admin}). */
@Path("/admin/rebuild")
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
public class RebuildResource {

    @Inject
    RebuildService service;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rebuild the read model from the topic, in the background; 202 with the status resource")
    public Response start(@Context SecurityContext security, @Context UriInfo uri) {
        RebuildService.RebuildStatus status = service.start(security.getUserPrincipal().getName());
        return Response.accepted(status)
                .header(HttpHeaders.LOCATION, Locations.of(uri, "admin/rebuild/" + status.id()))
                .build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A rebuild's state, progress and rate")
    public RebuildService.RebuildStatus status(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
