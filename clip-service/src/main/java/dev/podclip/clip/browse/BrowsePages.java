package dev.podclip.clip.browse;

import dev.podclip.clip.browse.BrowseViews.Head;
import dev.podclip.clip.browse.BrowseViews.HomePage;
import dev.podclip.clip.browse.BrowseViews.ProblemPage;
import dev.podclip.clip.browse.BrowseViews.SearchPage;
import dev.podclip.clip.browse.BrowseViews.ShowPage;
import dev.podclip.clip.clips.ClipService;
import dev.podclip.clip.share.SecurityHeaders;
import dev.podclip.clip.share.ShareConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;

/**
 * Renders the browse pages (templates/browse/) and answers them with the pages' headers: the Content-Security-Policy
 * of pages with a search form ({@link SecurityHeaders#FORM_PAGE_POLICY}: no inline script or style, forms to this
 * origin only), {@code Vary: Accept} (the same URL answers problems as problem+json to API clients) and no-cache.
 */
@ApplicationScoped
public class BrowsePages {

    public static final String HTML_UTF8 = "text/html;charset=UTF-8";

    @CheckedTemplate(basePath = "browse")
    static class Templates {
        static native TemplateInstance home(HomePage page);

        static native TemplateInstance show(ShowPage page);

        static native TemplateInstance search(SearchPage page);

        static native TemplateInstance problem(ProblemPage page);
    }

    @Inject
    ShareConfig share;
    @Inject
    ClipService clips;

    /** The head of a page at {@code path} (this service's path, query included), its title without the site name. */
    public Head head(String title, String description, String path, String imageUrl, String query, boolean noindex) {
        return new Head(share.providerName(), title, description, clips.baseUrl() + path, imageUrl,
                query == null ? "" : query, noindex);
    }

    public Response home(HomePage page) {
        return html(200, Templates.home(page).render());
    }

    public Response show(ShowPage page) {
        return html(200, Templates.show(page).render());
    }

    public Response search(SearchPage page) {
        return html(page.status(), Templates.search(page).render());
    }

    /**
     * A problem as a page for people: 404 "Not found", 410 "Gone", 400 "Not a valid request", with the problem's
     * detail. {@code path} is the page's own path, for its canonical link.
     */
    public Response problem(int status, String detail, String path) {
        String title = switch (status) {
            case 404 -> "Not found";
            case 410 -> "Gone";
            default -> "Not a valid request";
        };
        ProblemPage page = new ProblemPage(head(title, detail, path, null, null, true), status, title, detail);
        return html(status, Templates.problem(page).render());
    }

    static Response html(int status, String body) {
        return Response.status(status)
                .type(HTML_UTF8)
                .header(SecurityHeaders.CSP, SecurityHeaders.FORM_PAGE_POLICY)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .entity(body.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
