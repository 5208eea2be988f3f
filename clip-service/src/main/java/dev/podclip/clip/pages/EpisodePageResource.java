package dev.podclip.clip.pages;

import dev.podclip.clip.chapters.ChaptersService;
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

    @GET
    @Path("{id}")
    @Transactional
    public Response page(@PathParam("id") UUID id, @QueryParam("t") String t) {
        ChaptersService.Stored stored = chapters.read(id);
        long startMs = 0;
        if (t != null) {
            OptionalLong parsed = ClipTimes.parse(t);
            startMs = parsed.isPresent() ? parsed.getAsLong() : 0;
        }
        EpisodePage page = EpisodePages.model(stored.episode(), stored.chapters(),
                transcripts.find(id).orElse(null), startMs, share.providerName());
        return Response.ok(Templates.episode(page).render(), HTML_UTF8)
                .header(SecurityHeaders.CSP, SecurityHeaders.PAGE_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }
}
