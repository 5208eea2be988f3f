package dev.podclip.clip.chapters;

import dev.podclip.support.limits.ClientKeys;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The change stream of all episodes (one episode's stream is {@link ChaptersResource#stream}). */
@Path("/api/chapters/stream")
@Tag(name = "chapters")
public class ChapterStreamResource {

    @Inject
    ChapterStreams streams;
    @Inject
    ClientKeys clientKeys;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: one each time any episode's chapters change",
            description = ChapterStreams.FORMAT)
    public Multi<OutboundSseEvent> all(@Context Sse sse, @Context HttpServerRequest request) {
        return streams.stream(change -> true, sse, clientKeys.of(request));
    }
}
