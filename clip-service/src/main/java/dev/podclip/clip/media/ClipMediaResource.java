package dev.podclip.clip.media;

import dev.podclip.clip.clips.ClipProblems;
import dev.podclip.clip.clips.ClipRef;
import dev.podclip.clip.clips.ClipRefs;
import dev.podclip.clip.clips.ClipService;
import dev.podclip.clip.clips.ClipView;
import dev.podclip.clip.clips.MediaLinks;
import dev.podclip.clip.clips.Resolved;
import dev.podclip.clip.problem.ClipServiceProblems;
import dev.podclip.clip.transcripts.TranscriptService;
import dev.podclip.support.http.ByteRange;
import dev.podclip.support.http.ETags;
import dev.podclip.support.http.Locations;
import dev.podclip.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audio and the video of a clip as files (docs/clips.md, "Audio and video of a clip"): exactly the clip's range of
 * the episode's audio, re-encoded with tags, or a captioned waveform video of it. The first request starts the render
 * and answers 202 with Retry-After and a status URL; once rendered, 200 with ETag, Cache-Control and byte ranges.
 * Public, under the share routes' per-client limit.
 */
@Path("/")
@Tag(name = "clip media")
public class ClipMediaResource {

    static final String RETRY_AFTER_SECONDS = "1";
    static final String CACHE_CONTROL = "public, max-age=300";
    static final String VIDEO_MEDIA_TYPE = "video/mp4";

    @Inject
    ClipService clips;
    @Inject
    MediaRenders renders;
    @Inject
    MediaConfig config;
    @Inject
    TranscriptService transcripts;

    @GET
    @Path("c/{id}.{ext:mp3|m4a}")
    @Operation(summary = "A stored clip's audio (202 while it renders, then 200/206 with ETag and ranges)")
    public Response clip(@PathParam("id") String id, @PathParam("ext") String ext, @QueryParam("fade") String fade,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                         @HeaderParam("Range") String range, UriInfo uri) {
        return media(ClipRefs.stored(id), ext, fade, ifNoneMatch, range, uri);
    }

    @GET
    @Path("e/{episodeId}.{ext:mp3|m4a}")
    @Operation(summary = "The audio of a stateless clip link, t=start,end (202 while it renders, then 200/206)")
    public Response range(@PathParam("episodeId") String episodeId, @PathParam("ext") String ext,
                          @QueryParam("t") String t, @QueryParam("fade") String fade,
                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                          @HeaderParam("Range") String range, UriInfo uri) {
        return media(ClipRefs.range(episodeId, t), ext, fade, ifNoneMatch, range, uri);
    }

    @GET
    @Path("c/{id}.mp4")
    @Operation(summary = "A stored clip's captioned video, format=square|portrait|landscape, theme=dark|light|contrast"
            + " (202 while it renders, then 200/206 with ETag and ranges)")
    public Response clipVideo(@PathParam("id") String id, @QueryParam("format") String format,
                              @QueryParam("theme") String theme,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                              @HeaderParam("Range") String range, UriInfo uri) {
        return video(ClipRefs.stored(id), format, theme, ifNoneMatch, range, uri);
    }

    @GET
    @Path("e/{episodeId}.mp4")
    @Operation(summary = "The captioned video of a stateless clip link, t=start,end (202 while it renders, then 200/206)")
    public Response rangeVideo(@PathParam("episodeId") String episodeId, @QueryParam("t") String t,
                               @QueryParam("format") String format, @QueryParam("theme") String theme,
                               @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                               @HeaderParam("Range") String range, UriInfo uri) {
        return video(ClipRefs.range(episodeId, t), format, theme, ifNoneMatch, range, uri);
    }

    @GET
    @Path("api/media/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where a clip media render stands: rendering, ready or failed (with its problem)")
    public Response status(@PathParam("name") String name) {
        if (MediaNames.parse(name) == null) {
            throw ProblemException.notFound("render", name);
        }
        MediaRenders.State state = renders.status(name)
                .orElseThrow(() -> ProblemException.notFound("render", name));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (state instanceof MediaRenders.Ready) {
            body.put("state", "ready");
        } else if (state instanceof MediaRenders.Failed failed) {
            body.put("state", "failed");
            body.put("status", failed.problem().status());
            body.put("detail", failed.problem().getMessage());
        } else {
            body.put("state", "rendering");
        }
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private Response media(ClipRef ref, String ext, String fade, String ifNoneMatch, String rangeHeader,
                           UriInfo uri) {
        AudioFormat format = AudioFormat.ofExtension(ext)
                .orElseThrow(() -> ProblemException.notFound("media format", ext));
        Resolved resolved = resolveWithAudio(ref);
        ClipView view = resolved.view();
        long fadeMs = "1".equals(fade) || "true".equalsIgnoreCase(fade) ? config.fadeMs() : 0;
        Map<String, String> tags = tags(view);
        String name = MediaNames.render(view.episodeId(), resolved.episodeVersion(),
                "audio|" + view.startMs() + "|" + view.endMs() + "|" + fadeMs + "|" + tags, format.extension());
        MediaRenders.State state = renders.request(name, new MediaRenders.AudioJob(view.episodeId(),
                resolved.episodeVersion(), resolved.episode().audioUrl(), view.startMs(), view.endMs(), format,
                fadeMs, tags));
        return answer(state, name, format.mediaType(), format.extension(), ifNoneMatch, rangeHeader, view, uri);
    }

    private Response video(ClipRef ref, String formatName, String themeName, String ifNoneMatch,
                           String rangeHeader, UriInfo uri) {
        VideoFormat format = formatName == null ? VideoFormat.SQUARE : VideoFormat.ofWireName(formatName)
                .orElseThrow(() -> ProblemException.invalidField("format", "must be square, portrait or landscape"));
        VideoTheme theme = themeName == null ? VideoTheme.DARK : VideoTheme.ofWireName(themeName)
                .orElseThrow(() -> ProblemException.invalidField("theme", "must be dark, light or contrast"));
        Resolved resolved = resolveWithAudio(ref);
        ClipView view = resolved.view();
        if (view.durationMs() > config.videoMaxClipMs()) {
            throw new ProblemException(ClipServiceProblems.CLIP_TOO_LONG_FOR_VIDEO,
                    "A clip's video is at most " + config.videoMaxClipMs() / 1000 + " s; this clip is "
                            + view.durationMs() / 1000 + " s (its audio has no such limit)")
                    .with("maxMs", config.videoMaxClipMs());
        }
        CaptionScript.Texts texts = VideoTexts.of(view, transcripts.cuesBetween(view.episodeId(), view.startMs(),
                view.endMs()));
        String artworkUrl = VideoTexts.artworkUrl(view, resolved.episode());
        String name = MediaNames.render(view.episodeId(), resolved.episodeVersion(), "video|" + view.startMs() + "|"
                + view.endMs() + "|" + format + "|" + theme + "|" + artworkUrl + "|" + texts, "mp4");
        MediaRenders.State state = renders.request(name, new MediaRenders.VideoJob(view.episodeId(),
                resolved.episodeVersion(), resolved.episode().audioUrl(), view.startMs(), view.endMs(), format, theme,
                artworkUrl, texts));
        return answer(state, name, VIDEO_MEDIA_TYPE, "mp4", ifNoneMatch, rangeHeader, view, uri);
    }

    /** The clip, live and with http(s) audio to make its media from; else the problem that says why not. */
    private Resolved resolveWithAudio(ClipRef ref) {
        Resolved resolved = clips.resolve(ref);
        if (resolved.gone()) {
            throw ClipProblems.gone(resolved.episodeId());
        }
        if (!MediaLinks.isWebUrl(resolved.episode().audioUrl())) {
            throw new ProblemException(ClipServiceProblems.NO_PLAYABLE_MEDIA,
                    "The episode has no http(s) audio to make the clip from");
        }
        return resolved;
    }

    private static Response answer(MediaRenders.State state, String name, String mediaType, String extension,
                                   String ifNoneMatch, String rangeHeader, ClipView view, UriInfo uri) {
        if (state instanceof MediaRenders.Failed failed) {
            throw failed.problem();
        }
        if (state instanceof MediaRenders.Ready ready) {
            return serve(ready.file(), mediaType, extension, name, ifNoneMatch, rangeHeader, view);
        }
        String statusUrl = Locations.of(uri, "api/media/" + name);
        return Response.accepted(Map.of("state", "rendering", "statusUrl", statusUrl,
                        "retryAfterSeconds", Integer.parseInt(RETRY_AFTER_SECONDS)))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .header(HttpHeaders.LOCATION, statusUrl)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** Title (the clip's), artist (the show), album (the episode), grouping (its first chapter), the share link. */
    static Map<String, String> tags(ClipView view) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("title", view.displayTitle());
        tags.put("artist", view.showTitle());
        tags.put("album", view.episodeTitle());
        tags.put("grouping", view.chapters().isEmpty() ? null : view.chapters().get(0).title());
        tags.put("comment", view.shareUrl());
        return tags;
    }

    private static Response serve(java.nio.file.Path file, String mediaType, String extension, String name,
                                  String ifNoneMatch, String rangeHeader, ClipView view) {
        String etag = "\"" + name.substring(0, name.lastIndexOf('.')) + "\"";
        if (ETags.matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteRange.Resolution resolution = ByteRange.resolve(rangeHeader, size);
        if (resolution instanceof ByteRange.Unsatisfiable) {
            throw new ProblemException(ClipServiceProblems.RANGE_NOT_SATISFIABLE,
                    "The clip's file is " + size + " bytes").with("sizeBytes", size);
        }
        ByteRange range = resolution instanceof ByteRange.Partial partial ? partial.range()
                : new ByteRange(0, size - 1);
        Response.ResponseBuilder builder = resolution instanceof ByteRange.Partial
                ? Response.status(206).header("Content-Range", range.contentRange(size))
                : Response.ok();
        return builder.entity(new PathPart(file, range.first(), range.length()))
                .type(mediaType)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header("Content-Disposition", "inline; filename=\"" + fileName(view) + "." + extension
                        + "\"")
                .build();
    }

    /** A file name from the clip's title: letters, digits and dashes only, bounded. */
    static String fileName(ClipView view) {
        String base = view.displayTitle() == null ? "clip" : view.displayTitle()
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        base = base.isEmpty() ? "clip" : base;
        return base.length() <= 80 ? base : base.substring(0, 80);
    }
}
