package dev.podclip.catalog.show;

import dev.podclip.catalog.common.IdempotentWrites;
import dev.podclip.catalog.config.CatalogConfig;
import dev.podclip.support.auth.Roles;
import dev.podclip.support.http.Locations;
import dev.podclip.support.paging.Page;
import dev.podclip.support.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Shows: reads are public, writes need the editor role. */
@Path("/api/shows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "shows")
public class ShowResource {

    @Inject
    IdempotentWrites idempotency;
    @Inject
    ShowService shows;
    @Inject
    CatalogConfig config;

    @GET
    public Page<ShowView> list(@QueryParam("slug") String slug, @QueryParam("page") Integer page,
                               @QueryParam("size") Integer size) {
        return shows.list(slug, PageRequest.of(page, size, config.paging().defaultSize(), config.paging().maxSize()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), shows.get(id));
    }

    @GET
    @Path("by-slug/{slug}")
    public Response getBySlug(@PathParam("slug") String slug) {
        return withEtag(Response.ok(), shows.getBySlug(slug));
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    public Response create(@NotNull @Valid ShowInput input, UriInfo uri,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, new IdempotentWrites.Request("POST", uri.getPath(), null, input), () -> {
            ShowView show = shows.create(input);
            return withEtag(Response.status(Response.Status.CREATED)
                    .header(HttpHeaders.LOCATION, Locations.of(uri, "api/shows/" + show.id())), show);
        });
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid ShowInput input, UriInfo uri,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, new IdempotentWrites.Request("PUT", uri.getPath(), ifMatch, input),
                () -> withEtag(Response.ok(), shows.update(id, input, ifMatch)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, UriInfo uri,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, new IdempotentWrites.Request("DELETE", uri.getPath(), ifMatch, null),
                () -> {
                    shows.delete(id, ifMatch);
                    return Response.noContent().build();
                });
    }

    private static Response withEtag(Response.ResponseBuilder builder, ShowView show) {
        return builder.entity(show).tag(new EntityTag(Long.toString(show.version()))).build();
    }
}
