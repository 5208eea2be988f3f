package dev.podclip.clip.browse;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;

import java.util.List;
import java.util.UUID;

/**
 * What the browse pages show. Every string is plain text that Qute escapes, except {@link Hit#snippetHtml}, which
 * search built escaped with only {@code <mark>} added (Snippets.toHtml).
 */
public final class BrowseViews {

    private BrowseViews() {
    }

    /**
     * The head and header every page shares.
     *
     * @param title        the document title, without the site name
     * @param description  meta and og:description
     * @param canonicalUrl absolute, under the public base URL
     * @param imageUrl     og:image (https), or null
     * @param query        what the header's search box shows
     * @param noindex      whether search engines should leave the page out (search results, problems)
     */
    @TemplateData
    public record Head(String siteName, String title, String description, String canonicalUrl, String imageUrl,
                       String query, boolean noindex) {
    }

    /**
     * A show as a card or a heading.
     *
     * @param imageUrl https artwork (the page's CSP loads no other), or null: then {@code initial} stands in
     */
    @TemplateData
    public record Show(String slug, String title, String href, String imageUrl, String initial, long episodes) {
    }

    /** An episode in a list, with its show (null on the show's own page). */
    @TemplateData
    public record Episode(UUID id, String title, String href, Show show, String publishedIso, String published,
                          String duration, int chapterCount) {
    }

    /** Previous and next links of a paged list, null where there is none; pages count from 1. */
    @TemplateData
    public record Paging(int page, Integer pages, String prevHref, String nextHref) {
    }

    @TemplateData
    public record HomePage(Head head, List<Show> shows, List<Episode> latest) {
    }

    @TemplateData
    public record ShowPage(Head head, Show show, List<Episode> episodes, Paging paging) {
    }

    /**
     * One search hit.
     *
     * @param kind        for people: "Transcript", "Chapter title" or "Show notes"
     * @param shareHref   the stateless clip link around the hit ({@code /e/{id}?t=start,end})
     * @param pageHref    the episode page at the hit's time
     */
    @TemplateData
    public record Hit(String kind, String chapterTitle, String clock, RawString snippetHtml, String shareHref,
                      String shareLabel, String pageHref) {
    }

    /** A page's hits of one episode, in rank order; groups ordered by their best hit. */
    @TemplateData
    public record EpisodeHits(UUID episodeId, String title, String href, List<Hit> hits) {
    }

    /**
     * The search page: a form, and either a message (no query yet, a query out of limits, nothing found) or results.
     *
     * @param status  the HTTP status the page is answered with (200, or 400 for a query or page out of limits)
     * @param message a sentence for people, or null when there are results
     * @param summary "Results 1–10 of 42", or null
     */
    @TemplateData
    public record SearchPage(Head head, int status, String query, String message, String summary,
                             List<EpisodeHits> groups, Paging paging, int maxQueryChars) {
    }

    /** A 4xx page for people; API clients get the same problem as problem+json. */
    @TemplateData
    public record ProblemPage(Head head, int status, String title, String detail) {
    }
}
