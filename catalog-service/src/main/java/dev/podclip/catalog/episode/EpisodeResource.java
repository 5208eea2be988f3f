package dev.podclip.catalog.episode;

import dev.podclip.catalog.common.IdempotentWrites;
import dev.podclip.catalog.config.CatalogConfig;
import dev.podclip.support.auth.Roles;
import dev.podclip.support.http.Locations;
import dev.podclip.support.paging.Page;
import dev.podclip.support.paging.PageRequest;
import dev.podclip.support.problem.ProblemException;
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

/**
 * Episodes: reads are public, writes need the editor role. Updates are optimistic: send the version you read as
 * {@code If-Match: "<version>"} (412 when stale) or as {@code version} in the body (409 when stale).
 */
@Path("/api/episodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "episodes")
public class EpisodeResource {

    @Inject
    EpisodeService episodes;
    @Inject
    CatalogConfig config;
    @Inject
    IdempotentWrites idempotency;

    /** Filters combine: {@code ?show=<id>&guid=<guid>} finds the one episode of a feed item (idempotent loaders). */
    @GET
    public Page<EpisodeView> list(@QueryParam("show") String showId, @QueryParam("guid") String guid,
                                  @QueryParam("slug") String slug, @QueryParam("page") Integer page,
                                  @QueryParam("size") Integer size) {
        return episodes.list(showId == null ? null : uuid("show", showId), guid, slug,
                PageRequest.of(page, size, config.paging().defaultSize(), config.paging().maxSize()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), episodes.get(id));
    }

    /** The transcript file as stored; its format is in the X-Transcript-Format header. */
    @GET
    @Path("{id}/transcript")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public Response transcript(@PathParam("id") UUID id) {
        EpisodeInput.TranscriptInput transcript = episodes.transcript(id);
        return Response.ok(transcript.body()).header("X-Transcript-Format", transcript.format()).build();
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    public Response create(@NotNull @Valid EpisodeInput input, UriInfo uri,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, new IdempotentWrites.Request("POST", uri.getPath(), null, input), () -> {
            EpisodeView episode = episodes.create(input);
            return withEtag(Response.status(Response.Status.CREATED)
                    .header(HttpHeaders.LOCATION, Locations.of(uri, "api/episodes/" + episode.id())), episode);
        });
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid EpisodeInput input, UriInfo uri,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, new IdempotentWrites.Request("PUT", uri.getPath(), ifMatch, input),
                () -> withEtag(Response.ok(), episodes.update(id, input, ifMatch)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, UriInfo uri,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, new IdempotentWrites.Request("DELETE", uri.getPath(), ifMatch, null),
                () -> {
                    episodes.delete(id, ifMatch);
                    return Response.noContent().build();
                });
    }

    /** A malformed id in a query is the client's mistake (400), not a missing resource (JAX-RS would say 404). */
    private static UUID uuid(String parameter, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(parameter, "must be a UUID");
        }
    }

    private static Response withEtag(Response.ResponseBuilder builder, EpisodeView episode) {
        return builder.entity(episode).tag(new EntityTag(Long.toString(episode.version()))).build();
    }
}
