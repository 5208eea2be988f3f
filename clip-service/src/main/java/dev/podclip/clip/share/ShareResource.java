package dev.podclip.clip.share;

import dev.podclip.clip.clips.ClipProblems;
import dev.podclip.clip.clips.ClipRef;
import dev.podclip.clip.clips.ClipRefs;
import dev.podclip.clip.clips.ClipService;
import dev.podclip.clip.clips.MediaLinks;
import dev.podclip.clip.problem.ClipServiceProblems;
import dev.podclip.support.http.ETags;
import dev.podclip.support.problem.ProblemException;
import dev.podclip.support.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Share pages, embeds, play redirects and oEmbed, for stored clips ({@code /c/{id}}) and stateless links
 * ({@code /e/{episode}?t=773,1347}, {@code /e/{episode}/chapters/{index}}). Everything is served from
 * {@link ShareCache}.
 */
@Path("/")
public class ShareResource {

    static final String HTML_UTF8 = "text/html;charset=UTF-8";
    static final String JSON_UTF8 = "application/json;charset=UTF-8";
    /** A minute fresh in browsers and shared caches: an edit of the episode reaches a cached page within it. */
    static final String SHARED_CACHE_CONTROL = "public, max-age=60";

    private final ShareCache cache;
    private final ClipService clips;
    private final ShareConfig config;
    private final SharePages pages;

    @Inject
    public ShareResource(ShareCache cache, ClipService clips, ShareConfig config, SharePages pages) {
        this.cache = cache;
        this.clips = clips;
        this.config = config;
        this.pages = pages;
    }

    @GET
    @Path("c/{id}")
    public Response clip(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return page(() -> ClipRefs.stored(id), accept, ifNoneMatch);
    }

    @GET
    @Path("c/{id}/embed")
    public Response clipEmbed(@PathParam("id") String id) {
        return embed(() -> ClipRefs.stored(id));
    }

    @GET
    @Path("c/{id}/play")
    public Response clipPlay(@PathParam("id") String id) {
        return play(ClipRefs.stored(id));
    }

    @GET
    @Path("e/{episodeId}")
    public Response range(@PathParam("episodeId") String episodeId, @QueryParam("t") String t,
                          @HeaderParam(HttpHeaders.ACCEPT) String accept,
                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return page(() -> ClipRefs.range(episodeId, t), accept, ifNoneMatch);
    }

    @GET
    @Path("e/{episodeId}/embed")
    public Response rangeEmbed(@PathParam("episodeId") String episodeId, @QueryParam("t") String t) {
        return embed(() -> ClipRefs.range(episodeId, t));
    }

    @GET
    @Path("e/{episodeId}/play")
    public Response rangePlay(@PathParam("episodeId") String episodeId, @QueryParam("t") String t) {
        return play(ClipRefs.range(episodeId, t));
    }

    @GET
    @Path("e/{episodeId}/chapters/{index}")
    public Response chapter(@PathParam("episodeId") String episodeId, @PathParam("index") String index,
                            @HeaderParam(HttpHeaders.ACCEPT) String accept,
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return page(() -> ClipRefs.chapter(episodeId, index), accept, ifNoneMatch);
    }

    @GET
    @Path("e/{episodeId}/chapters/{index}/embed")
    public Response chapterEmbed(@PathParam("episodeId") String episodeId, @PathParam("index") String index) {
        return embed(() -> ClipRefs.chapter(episodeId, index));
    }

    @GET
    @Path("e/{episodeId}/chapters/{index}/play")
    public Response chapterPlay(@PathParam("episodeId") String episodeId, @PathParam("index") String index) {
        return play(ClipRefs.chapter(episodeId, index));
    }

    /** oEmbed for this service's share URLs only: 404 for any other URL, 501 for formats other than JSON. */
    @GET
    @Path("oembed")
    public Response oembed(@QueryParam("url") String url, @QueryParam("format") String format,
                           @QueryParam("maxwidth") Integer maxWidthPx, @QueryParam("maxheight") Integer maxHeightPx) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalidField("url", "oEmbed needs the url of a share page");
        }
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw new ProblemException(ClipServiceProblems.UNSUPPORTED_FORMAT,
                    "oEmbed is answered as JSON only");
        }
        ClipRef ref = OEmbed.parse(url, clips.baseUrl())
                .orElseThrow(() -> ProblemException.notFound("Share page", url));
        ShareCache.Entry entry = cache.get(ref);
        if (entry.resolved().gone()) {
            throw ProblemException.notFound("Share page", url);
        }
        Map<String, Object> body = OEmbed.rich(entry.resolved().view(), config.providerName(), clips.baseUrl(),
                config.embedWidthPx(), config.embedHeightPx(), maxWidthPx, maxHeightPx);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response page(Supplier<ClipRef> ref, String accept, String ifNoneMatch) {
        boolean json = Negotiation.prefersJson(accept);
        ShareCache.Entry entry;
        try {
            entry = cache.get(ref.get());
        } catch (ProblemException problem) {
            if (json || problem.status() >= 500) {
                throw problem;
            }
            return html(problem.status(), pages.problem(problem.status(), problem.getMessage()),
                    SecurityHeaders.PAGE_POLICY);
        }
        if (!entry.resolved().gone()) {
            return live(entry, json, ifNoneMatch);
        }
        if (json) {
            return Response.status(410)
                    .type(Problems.MEDIA_TYPE)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .entity(cache.json(entry))
                    .build();
        }
        return html(410, cache.page(entry), SecurityHeaders.PAGE_POLICY);
    }

    /**
     * A live clip's page or JSON with a strong ETag and {@link #SHARED_CACHE_CONTROL}: browsers and a CDN may serve
     * it for a minute, then revalidate (304 when nothing changed).
     * SharePageTest.pagesAndJsonRevalidateWithTheirETagUntilTheEpisodeChanges.
     */
    private Response live(ShareCache.Entry entry, boolean json, String ifNoneMatch) {
        String etag = json ? cache.jsonEtag(entry) : cache.pageEtag(entry);
        if (ETags.matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .header(HttpHeaders.CACHE_CONTROL, SHARED_CACHE_CONTROL).build();
        }
        if (json) {
            return Response.ok(cache.json(entry)).type(JSON_UTF8).header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .header(HttpHeaders.CACHE_CONTROL, SHARED_CACHE_CONTROL).build();
        }
        return Response.ok(cache.page(entry)).type(HTML_UTF8).header(HttpHeaders.ETAG, etag)
                .header(SecurityHeaders.CSP, SecurityHeaders.PAGE_POLICY)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, SHARED_CACHE_CONTROL).build();
    }

    private Response embed(Supplier<ClipRef> ref) {
        ShareCache.Entry entry;
        try {
            entry = cache.get(ref.get());
        } catch (ProblemException problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            return html(problem.status(), pages.problem(problem.status(), problem.getMessage()),
                    SecurityHeaders.EMBED_POLICY);
        }
        return html(entry.resolved().gone() ? 410 : 200, cache.embed(entry), SecurityHeaders.EMBED_POLICY);
    }

    /** Redirects to the media URL the read model registered for the episode; no caller input reaches Location. */
    private Response play(ClipRef ref) {
        ShareCache.Entry entry = cache.get(ref);
        if (entry.resolved().gone()) {
            throw ClipProblems.gone(entry.resolved().episodeId());
        }
        String target = entry.resolved().view().mediaUrl();
        if (!MediaLinks.isWebUrl(target)) {
            // The catalog accepts only http(s) media; anything else in the read model is not sent to a browser.
            throw new ProblemException(ClipServiceProblems.NO_PLAYABLE_MEDIA,
                    "The episode has no playable http(s) media URL");
        }
        return Response.status(Response.Status.FOUND)
                .location(URI.create(target))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    private static Response html(int status, String body, String policy) {
        return html(status, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), policy);
    }

    private static Response html(int status, byte[] body, String policy) {
        return Response.status(status)
                .type(HTML_UTF8)
                .header(SecurityHeaders.CSP, policy)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .entity(body)
                .build();
    }
}
