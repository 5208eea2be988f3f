package dev.podclip.clip.episodes;

import dev.podclip.support.paging.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public list of the episodes this service has chapters for. */
@Path("/api/episodes")
@Tag(name = "episodes")
public class EpisodesResource {

    @Inject
    EpisodesService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Known episodes, newest first; page from 0, size up to clip.api.max-page-size")
    public Page<EpisodesService.EpisodeSummary> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.list(page, size);
    }
}
