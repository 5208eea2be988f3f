package dev.podclip.clip.chapters;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Chapters for show notes that are not stored: try before publishing. */
@Path("/api/chapters/preview")
@Tag(name = "chapters")
public class PreviewResource {

    /** The documented request shape (the body is parsed by hand, see {@link PreviewService}). */
    @Schema(name = "PreviewRequest")
    public record PreviewRequest(
            @Schema(description = "show notes, plain text or HTML") String notes,
            @Schema(description = "\"49 min\", \"1h 18m\", \"1:18:00\" or a number of seconds",
                    oneOf = {String.class, Double.class}) Object duration,
            @Schema(description = "explicit chapters, a Podcasting 2.0 JSON document; they win over notes")
            String chaptersJson) {
    }

    @Inject
    PreviewService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Chapters and warnings for the given notes; nothing is stored")
    @RequestBody(content = @Content(schema = @Schema(implementation = PreviewRequest.class)))
    public PreviewService.Preview preview(byte[] body) {
        return service.preview(body);
    }
}
