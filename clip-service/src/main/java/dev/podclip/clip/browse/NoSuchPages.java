package dev.podclip.clip.browse;

import dev.podclip.clip.share.Negotiation;
import dev.podclip.support.problem.ProblemPages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A browser that follows a wrong link to this service (a mistyped show page, an old path) gets the front door's
 * "Not found" page with its link home; API clients, and every path under the API and Quarkus' own, get the 404
 * problem as before. Only a client that names {@code text/html} and does not prefer JSON is a browser here: curl's
 * {@code *}{@code /*} keeps the problem.
 */
@ApplicationScoped
public class NoSuchPages implements ProblemPages {

    static final String DETAIL = "There is no page at this address. Check the link, or start from the shows below.";
    /** Paths whose clients are programs: their 404 stays a problem whatever they accept. */
    static final List<String> API_PREFIXES = List.of("/api/", "/q/", "/admin/", "/feeds/", "/oembed");

    @Inject
    BrowsePages pages;

    @Override
    public Optional<Response> noSuchPage(String path, String accept) {
        if (path == null || !forPeople(path, accept)) {
            return Optional.empty();
        }
        return Optional.of(pages.problem(404, DETAIL, path));
    }

    static boolean forPeople(String path, String accept) {
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/html")
                || Negotiation.prefersJson(accept)) {
            return false;
        }
        return API_PREFIXES.stream().noneMatch(path::startsWith);
    }
}
