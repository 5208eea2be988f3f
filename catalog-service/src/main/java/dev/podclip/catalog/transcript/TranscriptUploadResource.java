package dev.podclip.catalog.transcript;

import dev.podclip.catalog.common.CatalogProblems;
import dev.podclip.catalog.common.IdempotentWrites;
import dev.podclip.catalog.episode.EpisodeView;
import dev.podclip.support.auth.Roles;
import dev.podclip.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * An episode's transcript as a file of its own: {@code PUT} with the file as the body (its Content-Type or
 * {@code ?format=} names the format), {@code DELETE} to remove it. Both need the editor role and the version read,
 * as {@code If-Match: "<version>"} like the episode's PUT; both answer the updated episode with its new ETag.
 */
@Path("/api/episodes")
@Tag(name = "episodes")
public class TranscriptUploadResource {

    @Inject
    TranscriptUploadService service;
    @Inject
    IdempotentWrites idempotency;

    @PUT
    @Path("{id}/transcript")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Replace the transcript (WebVTT, SRT, Podcasting 2.0 JSON or HTML); unreadable files are "
            + "refused naming the first bad line")
    public Response put(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @QueryParam("format") String formatParam, InputStream body, UriInfo uri,
                        @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        requireIfMatch(ifMatch);
        String format = TranscriptFiles.format(formatParam, contentType);
        String text = TranscriptFiles.decode(readBounded(body));
        TranscriptFiles.validate(text, format);
        return idempotency.run(idempotencyKey, new IdempotentWrites.Request("PUT", uri.getPath(), ifMatch,
                format + "\n" + text), () -> withEtag(service.put(id, format, text, ifMatch)));
    }

    @DELETE
    @Path("{id}/transcript")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Remove the transcript")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, UriInfo uri,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        requireIfMatch(ifMatch);
        return idempotency.run(idempotencyKey, new IdempotentWrites.Request("DELETE", uri.getPath(), ifMatch, null),
                () -> withEtag(service.delete(id, ifMatch)));
    }

    /** Like the episode's PUT: the version read must be named, here always as If-Match (the body is the file). */
    private static void requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(CatalogProblems.VERSION_REQUIRED,
                    "Send the version you read as If-Match: \"<version>\"");
        }
    }

    /** The body, refused with 413 past the limit without reading further. */
    static byte[] readBounded(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            byte[] bytes = body.readNBytes(TranscriptFiles.UPLOAD_MAX_BYTES + 1);
            if (bytes.length > TranscriptFiles.UPLOAD_MAX_BYTES) {
                throw TranscriptFiles.tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response withEtag(EpisodeView episode) {
        return Response.ok(episode).tag(new EntityTag(Long.toString(episode.version()))).build();
    }
}
