package dev.podclip.catalog.feeds;

import dev.podclip.support.auth.Roles;
import dev.podclip.support.http.Locations;
import dev.podclip.support.net.SafeFetcher;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Feeds: register a URL (imported at once, then polled), upload a feed body, see how each feed is doing. */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feeds")
@RolesAllowed({Roles.EDITOR, Roles.ADMIN})
public class FeedResource {

    @Inject
    FeedService feeds;
    @Inject
    FeedImports imports;

    /** @param slug the show's slug; by default from the channel title */
    public record Registration(@NotBlank @Size(max = SafeFetcher.URL_MAX_CHARS) String url, String slug) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> register(
            @jakarta.validation.Valid @jakarta.validation.constraints.NotNull Registration body, UriInfo uri) {
        // Resolved here, on the request's thread: the import completes on one of its own.
        String feeds = Locations.of(uri, "api/feeds");
        return imports.submit(() -> this.feeds.register(body.url(), body.slug())).thenApply(result ->
                Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, feeds + "/" + result.feedId()).entity(result).build());
    }

    @POST
    @Path("/import")
    @Consumes({"application/rss+xml", MediaType.APPLICATION_XML, MediaType.TEXT_XML,
            MediaType.APPLICATION_OCTET_STREAM})
    public CompletionStage<ImportResult> upload(byte[] body, @QueryParam("slug") String slug) {
        return imports.submit(() -> feeds.importUpload(body, slug));
    }

    /** Fetches a registered feed now, whether due or not. */
    @POST
    @Path("/{id}/poll")
    public CompletionStage<ImportResult> poll(@PathParam("id") UUID id) {
        return imports.submit(() -> feeds.poll(id));
    }

    @GET
    public List<FeedView> list() {
        return feeds.list();
    }

    /** Stops following the feed; the show and its episodes stay. */
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        feeds.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}")
    public FeedView get(@PathParam("id") UUID id) {
        return feeds.get(id);
    }
}
