package dev.podclip.clip.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/search?q=…&page=&size=}: public, read-only. */
@Path("/api/search")
@Tag(name = "search")
public class SearchResource {

    @Inject
    SearchService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Full-text search over transcripts, chapter titles and show notes; ranked hits with a "
            + "highlighted snippet, the episode, chapter and time, and a share link around each",
            description = "Each source (cues, chapter titles, show notes) is ranked over at most a bounded number of "
                    + "matches, the first found: a broad query answers with the best of those and a total that is a "
                    + "lower bound (totalRelation \"gte\"); a query under the bounds is ranked over all its matches "
                    + "with an exact total (\"eq\").")
    public SearchViews.Results search(@QueryParam("q") String q, @QueryParam("page") Integer page,
                                      @QueryParam("size") Integer size) {
        return service.search(q, page, size);
    }
}
