package dev.podclip.clip.browse;

import dev.podclip.clip.share.Negotiation;
import dev.podclip.support.openapi.ProblemResponses;
import dev.podclip.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.function.Supplier;

/**
 * The front door for people: the home page ({@code /}), a show's episodes ({@code /shows/{slug}}) and search results
 * ({@code /search?q=}), server-rendered. A problem (unknown show, page out of range, query too long) is a page for
 * browsers and problem+json for clients that prefer JSON (the share pages' {@link Negotiation}).
 */
@Path("/")
@Tag(name = "pages")
public class BrowseResource {

    static final String PROBLEM_SCHEMA = ProblemResponses.SCHEMA_REF;

    @Inject
    BrowseService service;
    @Inject
    BrowsePages pages;

    @GET
    @Operation(summary = "Home page: shows with their artwork and episode counts, the latest episodes, a search box")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "429", description = "This client's limit is used up", content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @APIResponse(responseCode = "503", description = "The database is unavailable", content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    public Response home() {
        return pages.home(service.home());
    }

    @GET
    @Path("shows/{slug}")
    @Operation(summary = "A show's page: its episodes newest first, " + BrowseLimits.SHOW_PAGE_SIZE + " a page, each "
            + "with duration, chapter count and a link to its episode page; page counts from 1")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "400", description = "page is not a whole number from 1 to "
            + BrowseLimits.SHOW_MAX_PAGE + ": a page for browsers, problem+json for JSON clients", content = {
                @Content(mediaType = "text/html"),
                @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA))})
    @APIResponse(responseCode = "404", description = "No episode carries the slug, or the page is past the last",
            content = {@Content(mediaType = "text/html"),
                @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA))})
    @APIResponse(responseCode = "429", description = "This client's limit is used up", content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @APIResponse(responseCode = "503", description = "The database is unavailable", content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    public Response show(@PathParam("slug") String slug, @QueryParam("page") String page,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context UriInfo uri) {
        return negotiated(() -> pages.show(service.show(slug, page)), accept, uri);
    }

    @GET
    @Path("search")
    @Operation(summary = "Search results as a page: the hits of /api/search grouped by episode, each linking to a "
            + "share page of that moment; page counts from 1",
            description = "No query answers the page asking for one (200). A query over the limit or a page out of "
                    + "range answers 400: the search page with a message for browsers, problem+json for JSON clients.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "400", description = "q or page out of its limits", content = {
            @Content(mediaType = "text/html"),
            @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA))})
    @APIResponse(responseCode = "429", description = "This client's limit is used up", content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @APIResponse(responseCode = "503", description = "The database is unavailable", content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    public Response search(@QueryParam("q") String q, @QueryParam("page") String page,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        try {
            return pages.search(service.search(q, page));
        } catch (ProblemException problem) {
            if (Negotiation.prefersJson(accept) || problem.status() >= 500) {
                throw problem;
            }
            return pages.search(service.searchMessage(problem.status(), q, problem.getMessage()));
        }
    }

    /** The page, or its problem as a page for browsers; JSON clients and 5xx get the problem+json answer. */
    private Response negotiated(Supplier<Response> page, String accept, UriInfo uri) {
        try {
            return page.get();
        } catch (ProblemException problem) {
            if (Negotiation.prefersJson(accept) || problem.status() >= 500) {
                throw problem;
            }
            return pages.problem(problem.status(), problem.getMessage(), uri.getRequestUri().getRawPath());
        }
    }
}
