package dev.podclip.clip.pages;

import dev.podclip.clip.browse.BrowsePages;
import dev.podclip.clip.chapters.ChaptersService;
import dev.podclip.clip.clips.ClipProblems;
import dev.podclip.clip.clips.ClipRange;
import dev.podclip.clip.clips.ClipRules;
import dev.podclip.clip.clips.ClipService;
import dev.podclip.clip.clips.ClipsConfig;
import dev.podclip.clip.clips.EpisodeContext;
import dev.podclip.clip.clips.EpisodeContexts;
import dev.podclip.clip.signin.PageSignIn;
import dev.podclip.clip.pages.EpisodePage.ClipForm;
import dev.podclip.support.openapi.ProblemResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.podclip.clip.share.Negotiation;
import dev.podclip.support.problem.ProblemException;
import jakarta.ws.rs.HeaderParam;
import dev.podclip.clip.clips.ClipTimes;
import dev.podclip.clip.share.SecurityHeaders;
import dev.podclip.clip.share.ShareConfig;
import dev.podclip.clip.transcripts.TranscriptService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The episode page: chapters, show notes with seek links, the transcript under chapter headings and a player.
 * Server-rendered and escaped by Qute; its only script is the static /pages/episode.js (CSP: script-src 'self').
 * An unknown or deleted episode is a page for browsers and problem+json for clients that prefer JSON.
 */
@Path("/episodes")
public class EpisodePageResource {

    static final String HTML_UTF8 = "text/html;charset=UTF-8";
    static final String PROBLEM_SCHEMA = ProblemResponses.SCHEMA_REF;

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance episode(EpisodePage page);
    }

    @Inject
    ChaptersService chapters;
    @Inject
    TranscriptService transcripts;
    @Inject
    ShareConfig share;
    @Inject
    ClipService clips;
    @Inject
    BrowsePages browse;
    @Inject
    EpisodeContexts contexts;
    @Inject
    ClipsConfig limits;
    @Inject
    PageSignIn signIn;

    @GET
    @Path("{id}")
    @Transactional
    public Response page(@PathParam("id") String id, @QueryParam("t") String t,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        long startMs = 0;
        if (t != null) {
            OptionalLong parsed = ClipTimes.parse(t);
            startMs = parsed.isPresent() ? parsed.getAsLong() : 0;
        }
        return render(id, accept, startMs, null, 200);
    }

    /**
     * The clip maker's form (on the episode page, no script needed): a range as start and end times, or a chapter,
     * answered with 303 See Other to the range's stateless share link. An invalid range is the episode page again with
     * the form refilled and what is wrong (400) for browsers, the invalid-clip problem for JSON clients.
     */
    @GET
    @Path("{id}/clip")
    @Transactional
    @Operation(summary = "Clip maker form: 303 See Other to the stateless share link /e/{id}?t=start,end of a range "
            + "given as start and end (12:53, 1:02:01.5 or seconds) or as a chapter (index from 0)")
    @APIResponse(responseCode = "303", description = "Location: the share link of the range",
            headers = @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "invalid-clip (its reason: unreadable-time, missing-range, "
            + "start-not-before-end, past-episode-end, too-short, too-long, unknown-chapter, ambiguous-range, "
            + "chapter-end-unknown): the episode page with the form refilled and the mistake for browsers, "
            + "problem+json for JSON clients", content = {@Content(mediaType = "text/html"),
                @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA))})
    @APIResponse(responseCode = "404", description = "No such episode", content = {@Content(mediaType = "text/html"),
            @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA))})
    @APIResponse(responseCode = "410", description = "The episode was deleted", content = {
            @Content(mediaType = "text/html"),
            @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA))})
    @APIResponse(responseCode = "429", description = "This client's limit is used up", content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @APIResponse(responseCode = "503", description = "The database is unavailable", content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    public Response clip(@PathParam("id") String id, @QueryParam("start") String start,
                         @QueryParam("end") String end, @QueryParam("chapter") String chapter,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        EpisodeContext episode;
        try {
            UUID episodeId = episodeId(id);
            episode = contexts.find(episodeId).orElseThrow(() -> ClipProblems.episodeNotFound(episodeId));
            if (episode.deleted()) {
                throw ClipProblems.gone(episodeId);
            }
        } catch (ProblemException problem) {
            return negotiated(problem, id, accept);
        }
        try {
            ClipRange range = ClipRules.resolve(ClipForms.ask(start, end, chapter), episode, limits);
            return Response.seeOther(URI.create(EpisodePages.shareHref(clips.baseUrl(), episode.episodeId(), range)))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .build();
        } catch (ProblemException problem) {
            if (Negotiation.prefersJson(accept) || problem.status() != 400) {
                throw problem;
            }
            ClipForm form = ClipForms.refilled(EpisodePages.clipAction(episode.episodeId()), start, end, chapter,
                    problem, limits);
            return render(id, accept, 0, form, 400);
        }
    }

    private Response render(String id, String accept, long startMs, ClipForm form, int status) {
        ChaptersService.Stored stored;
        try {
            stored = chapters.read(episodeId(id));
        } catch (ProblemException problem) {
            return negotiated(problem, id, accept);
        }
        EpisodeContext context = contexts.find(stored.episode().episodeId()).orElse(null);
        List<ClipRange> chapterRanges = new ArrayList<>();
        for (int i = 0; i < stored.chapters().size(); i++) {
            chapterRanges.add(context == null ? null : ClipForms.chapterRange(i, context, limits));
        }
        EpisodePage page = EpisodePages.model(stored.episode(), stored.chapters(), stored.warnings(),
                transcripts.find(stored.episode().episodeId()).orElse(null), startMs, share.providerName(),
                clips.baseUrl(), chapterRanges, form, context, limits, save(stored.episode().episodeId()));
        return Response.status(status).entity(Templates.episode(page).render()).type(HTML_UTF8)
                .header(SecurityHeaders.CSP, SecurityHeaders.EPISODE_PAGE_POLICY)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    /** Unknown (404) or deleted (410): a page for people, problem+json for clients that prefer JSON. */
    /** What "Save as clip" signs in with on this page, if anything. */
    private EpisodePage.Save save(UUID episodeId) {
        return switch (signIn.way()) {
            case IDENTITY_PROVIDER -> EpisodePage.Save.identityProviderSignIn(episodeId);
            case DEVELOPMENT -> EpisodePage.Save.developmentSignIn();
            case NONE -> null;
        };
    }

    private Response negotiated(ProblemException problem, String id, String accept) {
        if (Negotiation.prefersJson(accept) || problem.status() >= 500) {
            throw problem;
        }
        return browse.problem(problem.status(), problem.status() == 410 ? "This episode was deleted."
                : problem.getMessage(), "/episodes/" + (id.length() <= 36 ? id : id.substring(0, 36)));
    }

    /** The id as a UUID; anything else names no episode (404, as before: the path is not a known page). */
    private static UUID episodeId(String id) {
        if (id.length() == 36) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        throw ProblemException.notFound("Episode", id.length() <= 36 ? id : id.substring(0, 36) + "…");
    }
}
