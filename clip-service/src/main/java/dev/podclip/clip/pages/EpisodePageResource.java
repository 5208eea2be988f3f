package dev.podclip.clip.pages;

import dev.podclip.clip.browse.BrowsePages;
import dev.podclip.clip.chapters.ChaptersService;
import dev.podclip.clip.clips.ClipService;
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

    @GET
    @Path("{id}")
    @Transactional
    public Response page(@PathParam("id") String id, @QueryParam("t") String t,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ChaptersService.Stored stored;
        try {
            stored = chapters.read(episodeId(id));
        } catch (ProblemException problem) {
            // Unknown (404) or deleted (410): a page for people, problem+json for clients that prefer JSON.
            if (Negotiation.prefersJson(accept) || problem.status() >= 500) {
                throw problem;
            }
            return browse.problem(problem.status(), problem.status() == 410 ? "This episode was deleted."
                    : problem.getMessage(), "/episodes/" + (id.length() <= 36 ? id : id.substring(0, 36)));
        }
        long startMs = 0;
        if (t != null) {
            OptionalLong parsed = ClipTimes.parse(t);
            startMs = parsed.isPresent() ? parsed.getAsLong() : 0;
        }
        EpisodePage page = EpisodePages.model(stored.episode(), stored.chapters(),
                transcripts.find(stored.episode().episodeId).orElse(null), startMs, share.providerName(),
                clips.baseUrl());
        return Response.ok(Templates.episode(page).render(), HTML_UTF8)
                .header(SecurityHeaders.CSP, SecurityHeaders.FORM_PAGE_POLICY)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
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
