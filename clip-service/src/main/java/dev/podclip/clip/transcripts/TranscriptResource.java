package dev.podclip.clip.transcripts;

import dev.podclip.clip.transcripts.TranscriptViews.ChapterTranscriptView;
import dev.podclip.clip.transcripts.TranscriptViews.SectionView;
import dev.podclip.clip.transcripts.TranscriptViews.TranscriptView;
import dev.podclip.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Public reads of an episode's transcript under its chapters: JSON, or as WebVTT, SRT or plain text
 * ({@code ?format=} or the file suffix).
 */
@Path("/api/episodes/{id}")
@Tag(name = "transcripts")
public class TranscriptResource {

    static final String VTT = "text/vtt;charset=UTF-8";
    static final String SRT = "application/x-subrip;charset=UTF-8";
    static final String TXT = "text/plain;charset=UTF-8";
    static final String JSON = "application/json;charset=UTF-8";

    @Inject
    TranscriptService service;

    @GET
    @Path("/transcript")
    @Operation(summary = "The transcript under the chapters of the current version; ?format=json|vtt|srt|txt "
            + "(404 without transcript, 410 deleted)")
    public Response transcript(@PathParam("id") UUID id, @QueryParam("format") String format) {
        return render(service.transcript(id), format);
    }

    @GET
    @Path("/transcript.{ext:vtt|srt|txt|json}")
    @Operation(summary = "The transcript as a WebVTT, SRT, plain-text or JSON file")
    public Response file(@PathParam("id") UUID id, @PathParam("ext") String ext) {
        return render(service.transcript(id), ext);
    }

    @GET
    @Path("/chapters/{index}/transcript")
    @Operation(summary = "One chapter's part of the transcript; ?format=json|vtt|srt|txt")
    public Response chapter(@PathParam("id") UUID id, @PathParam("index") int index,
                            @QueryParam("format") String format) {
        ChapterTranscriptView view = service.chapter(id, index);
        return switch (format(format)) {
            case "json" -> Response.ok(view, JSON).build();
            case "vtt" -> Response.ok(TranscriptViews.vtt(view.cues()), VTT).build();
            case "srt" -> Response.ok(TranscriptViews.srt(view.cues()), SRT).build();
            default -> Response.ok(TranscriptViews.txt(List.of(new SectionView(view.index(), view.title(),
                    view.startMs(), view.endMs(), view.cues()))), TXT).build();
        };
    }

    private static Response render(TranscriptView view, String format) {
        return switch (format(format)) {
            case "json" -> Response.ok(view, JSON).build();
            case "vtt" -> Response.ok(TranscriptViews.vtt(TranscriptViews.cuesOf(view)), VTT).build();
            case "srt" -> Response.ok(TranscriptViews.srt(TranscriptViews.cuesOf(view)), SRT).build();
            default -> Response.ok(TranscriptViews.txt(view.chapters()), TXT).build();
        };
    }

    /** json (the default), vtt, srt or txt; anything else is a 400 problem. */
    static String format(String format) {
        if (format == null || format.isBlank()) {
            return "json";
        }
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!List.of("json", "vtt", "srt", "txt").contains(f)) {
            throw ProblemException.invalidField("format", "must be json, vtt, srt or txt");
        }
        return f;
    }
}
