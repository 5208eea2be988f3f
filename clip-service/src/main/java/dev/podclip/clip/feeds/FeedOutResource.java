package dev.podclip.clip.feeds;

import dev.podclip.clip.share.ShareConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A show's podcast feed, public like the chapters it points at. */
@Path("/feeds")
@Tag(name = "feeds")
public class FeedOutResource {

    static final String RSS = "application/rss+xml; charset=UTF-8";
    /** Podcast apps poll often; five minutes of caching costs little freshness. */
    static final int MAX_AGE_SECONDS = 300;

    @Inject
    FeedOutService feeds;
    @Inject
    ShareConfig share;

    @GET
    @Path("/{showSlug}.xml")
    public Response feed(@PathParam("showSlug") String showSlug) {
        String base = share.publicBaseUrl();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String xml = FeedWriter.write(feeds.rows(showSlug), base);
        return Response.ok(xml, RSS).header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS).build();
    }
}
