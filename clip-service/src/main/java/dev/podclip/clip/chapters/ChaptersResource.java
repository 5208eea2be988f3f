package dev.podclip.clip.chapters;

import dev.podclip.chapters.files.ChapterFiles;
import dev.podclip.support.limits.ClientKeys;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Public reads of an episode's chapters, as JSON and as chapter files. */
@Path("/api/episodes/{id}")
@Tag(name = "chapters")
public class ChaptersResource {

    /** Podcasting 2.0 chapters' registered media type. */
    public static final String PODCASTING_JSON = "application/json+chapters";
    public static final String TEXT_VTT = "text/vtt";

    @Inject
    ChaptersService service;
    @Inject
    ChapterStreams streams;
    @Inject
    ClientKeys clientKeys;

    @GET
    @Path("/chapters")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The episode's chapters and warnings at its current version (404 unknown, 410 deleted)")
    public ChapterViews.EpisodeChapters chapters(@PathParam("id") UUID id) {
        return service.view(id);
    }

    @GET
    @Path("/chapters.json")
    @Produces(PODCASTING_JSON)
    @Operation(summary = "Podcasting 2.0 JSON chapters file")
    public Response podcastingJson(@PathParam("id") UUID id) {
        return Response.ok(ChapterFiles.writePodcastingJson(service.chapterList(id)), PODCASTING_JSON).build();
    }

    @GET
    @Path("/chapters.vtt")
    @Produces(TEXT_VTT)
    @Operation(summary = "WebVTT chapters track")
    public Response webVtt(@PathParam("id") UUID id) {
        return Response.ok(ChapterFiles.writeWebVtt(service.chapterList(id)), TEXT_VTT + ";charset=UTF-8").build();
    }

    @GET
    @Path("/chapters.txt")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The chapter block for a YouTube description")
    public Response youTube(@PathParam("id") UUID id) {
        return Response.ok(ChapterFiles.writeYouTubeBlock(service.chapterList(id)),
                MediaType.TEXT_PLAIN + ";charset=UTF-8").build();
    }

    @GET
    @Path("/chapters/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: one each time this episode's chapters change (any episode id: it may"
            + " appear later)",
            description = ChapterStreams.FORMAT)
    public Multi<OutboundSseEvent> stream(@PathParam("id") UUID id, @Context Sse sse,
                                          @Context HttpServerRequest request) {
        return streams.stream(change -> change.episodeId().equals(id), sse, clientKeys.of(request));
    }
}
