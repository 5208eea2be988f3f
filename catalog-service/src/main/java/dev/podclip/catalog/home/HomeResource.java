package dev.podclip.catalog.home;

import dev.podclip.support.http.SecurityHeaders;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * {@code GET /}: where the API is described and where people browse (clip-service's front door). HTML for browsers,
 * JSON for clients that ask for it ({@code Accept: application/json}); anything else gets the page.
 */
@Path("/")
@Tag(name = "home")
public class HomeResource {

    static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.TEXT_HTML_TYPE,
            MediaType.APPLICATION_JSON_TYPE).build();

    @Inject
    HomeService service;

    @GET
    @Operation(summary = "Where this service's API is described (OpenAPI, Swagger UI when on) and clip-service's "
            + "front door, as a page or as JSON")
    @APIResponse(responseCode = "200", description = "The links", content = {
            @Content(mediaType = "text/html"),
            @Content(mediaType = "application/json", schema = @Schema(implementation = Home.class))})
    public Response home(@Context Request request) {
        Variant chosen = request.selectVariant(VARIANTS);
        Home home = service.home();
        if (chosen != null && chosen.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return Response.ok(home, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .build();
        }
        // The page loads nothing (no script, no style, no image): the deny-all policy fits it.
        return Response.ok(service.page(home), "text/html;charset=UTF-8")
                .header(SecurityHeaders.CSP, SecurityHeaders.NOTHING_POLICY)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }
}
