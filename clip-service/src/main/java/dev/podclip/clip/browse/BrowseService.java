package dev.podclip.clip.browse;

import dev.podclip.clip.browse.BrowseViews.Episode;
import dev.podclip.clip.browse.BrowseViews.HomePage;
import dev.podclip.clip.browse.BrowseViews.Paging;
import dev.podclip.clip.browse.BrowseViews.SearchPage;
import dev.podclip.clip.browse.BrowseViews.Show;
import dev.podclip.clip.browse.BrowseViews.ShowPage;
import dev.podclip.clip.chapters.ChangeListener;
import dev.podclip.clip.clips.ClipService;
import dev.podclip.clip.episodes.EpisodesService;
import dev.podclip.clip.search.SearchLimits;
import dev.podclip.clip.search.SearchService;
import dev.podclip.clip.search.SearchViews;
import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The browse pages' models: shows and episodes from the read model ({@link BrowseRepository}), the latest episodes
 * from {@link EpisodesService}, search results from {@link SearchService} (the same query as {@code /api/search}).
 * Inputs out of their limits raise 400 problems; the resource answers them as pages or problem+json.
 */
@ApplicationScoped
public class BrowseService {

    @Inject
    BrowseRepository repository;
    @Inject
    EpisodesService episodes;
    @Inject
    SearchService search;
    @Inject
    ClipService clips;
    @Inject
    BrowsePages pages;
    @Inject
    BrowseConfig config;

    /**
     * The home page as last built. Building it aggregates every episode by show (14–19 ms for 10,000 episodes on the
     * build machine, 4–8 ms with the V330 index), while the page is asked for far more often than episodes change: it
     * is kept for {@link BrowseConfig#homeCacheMs()} and dropped at once when any episode changes (the
     * chapters_changed notice every instance hears). One request rebuilds it when it expires: when each request that
     * found it expired built it, the page's p99 at half its maximum rate was 179 ms (BENCHMARKS.md §10).
     */
    private final ExpiringValue<HomePage> cachedHome = new ExpiringValue<>(System::nanoTime);

    public HomePage home() {
        return cachedHome.get(config.homeCacheMs() * 1_000_000L,
                () -> QuarkusTransaction.joiningExisting().call(this::buildHome));
    }

    void onEpisodeChanged(@Observes ChangeListener.Notice notice) {
        cachedHome.drop();
    }

    private HomePage buildHome() {
        List<BrowseRepository.ShowRow> rows = repository.shows(BrowseLimits.HOME_MAX_SHOWS);
        List<Show> shows = rows.stream().filter(r -> r.slug() != null).map(BrowseModels::show).toList();
        Map<String, Show> bySlug = new HashMap<>();
        shows.forEach(s -> bySlug.put(s.slug(), s));
        List<Episode> latest = episodes.list(0, BrowseLimits.HOME_LATEST_EPISODES).items().stream()
                .map(e -> BrowseModels.episode(e.episodeId(), e.title(), e.showSlug() == null ? null
                                : bySlug.getOrDefault(e.showSlug(), new Show(e.showSlug(), e.showTitle(),
                                BrowseModels.showHref(e.showSlug()), null, BrowseModels.initial(e.showTitle()), 0)),
                        e.publishedAt(), e.durationMs(), e.durationText(), e.chapterCount()))
                .toList();
        String description = shows.isEmpty() ? "Podcast chapters, transcripts and shareable clips"
                : "Chapters, transcripts and shareable clips of " + String.join(", ",
                shows.stream().limit(3).map(Show::title).toList()) + (shows.size() > 3 ? " and more" : "");
        return new HomePage(pages.head("Podcasts", description, "/", null, null, false), shows, latest);
    }

    /**
     * @param pageParam the page, from 1 (null: the first)
     * @throws ProblemException 404 for a slug no episode carries or a page past the last; 400 for a page that is not
     *                          a number from 1 to {@link BrowseLimits#SHOW_MAX_PAGE}
     */
    @Transactional
    public ShowPage show(String slug, String pageParam) {
        if (slug == null || slug.isEmpty() || slug.length() > BrowseLimits.SLUG_MAX_CHARS) {
            throw ProblemException.notFound("Show", slug == null ? "" : slug.substring(0,
                    Math.min(slug.length(), BrowseLimits.SLUG_MAX_CHARS)));
        }
        int page = BrowseModels.page(pageParam, BrowseLimits.SHOW_MAX_PAGE);
        BrowseRepository.ShowRow row = repository.showBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("Show", slug));
        Show show = BrowseModels.show(row);
        int size = BrowseLimits.SHOW_PAGE_SIZE;
        int pageCount = BrowseModels.pages(row.episodes(), size);
        if (page > pageCount) {
            throw new ProblemException(CommonProblems.NOT_FOUND, show.title() + " has " + pageCount
                    + (pageCount == 1 ? " page" : " pages") + " of episodes; there is no page " + page);
        }
        List<Episode> list = repository.episodesOf(row.showId(), (page - 1) * size, size).stream()
                .map(e -> BrowseModels.episode(e.episodeId(), e.title(), null, e.publishedAt(), e.durationMs(),
                        e.durationText(), e.chapterCount()))
                .toList();
        String href = show.href();
        Paging paging = new Paging(page, pageCount, page > 1 ? href + (page == 2 ? "" : "?page=" + (page - 1)) : null,
                page < pageCount ? href + "?page=" + (page + 1) : null);
        String title = show.title() + (page > 1 ? " (page " + page + ")" : "");
        String description = show.episodes() + (show.episodes() == 1 ? " episode" : " episodes") + " of "
                + show.title() + ", with chapters, transcripts and shareable clips";
        return new ShowPage(pages.head(title, description, page > 1 ? href + "?page=" + page : href,
                show.imageUrl(), null, false), show, list, paging);
    }

    /**
     * The search page for {@code q}. No query is a page that asks for one (200); a query or page out of limits is a
     * 400 problem, answered by the resource as this page with the problem's detail.
     */
    public SearchPage search(String q, String pageParam) {
        if (q == null || q.isBlank()) {
            return searchMessage(200, "", "Type a word or a few words said in an episode, a chapter title or a "
                    + "phrase from the show notes. \"Quotes\" find a phrase; -word leaves a word out.");
        }
        String query = q.strip();
        if (query.length() > SearchLimits.QUERY_MAX_CHARS) {
            throw ProblemException.invalidField("q", "must be at most " + SearchLimits.QUERY_MAX_CHARS + " characters",
                    "A search takes at most " + SearchLimits.QUERY_MAX_CHARS + " characters and this one has "
                            + query.length() + ": try a few words that stand out.")
                    .with("limitChars", SearchLimits.QUERY_MAX_CHARS);
        }
        int page = BrowseModels.page(pageParam, BrowseLimits.SEARCH_MAX_PAGE);
        int size = BrowseLimits.SEARCH_PAGE_SIZE;
        SearchViews.Results results = search.search(query, page - 1, size);
        String canonical = BrowseModels.searchHref(query, page);
        if (results.items().isEmpty()) {
            String message = page == 1 ? "Nothing found for “" + query + "”. Try another word, or fewer words."
                    : "No more results for “" + query + "”: page " + page + " is past the last.";
            return new SearchPage(pages.head("Search: " + query, message, canonical, null, query, true), 200, query,
                    message, null, List.of(), page > 1 ? new Paging(page, null,
                    BrowseModels.searchHref(query, 1), null) : null, SearchLimits.QUERY_MAX_CHARS);
        }
        boolean lowerBound = SearchViews.Results.TOTAL_LOWER_BOUND.equals(results.totalRelation());
        long first = (long) (page - 1) * size + 1;
        long last = first + results.items().size() - 1;
        String summary = "Results " + first + "–" + last + " of " + (lowerBound ? "at least " : "") + results.total();
        boolean more = last < results.total() && page < BrowseLimits.SEARCH_MAX_PAGE;
        Paging paging = new Paging(page, null, page > 1 ? BrowseModels.searchHref(query, page - 1) : null,
                more ? BrowseModels.searchHref(query, page + 1) : null);
        return new SearchPage(pages.head("Search: " + query, summary + " for “" + query + "”", canonical, null,
                query, true), 200, query, null, summary, BrowseModels.group(results.items(), clips.baseUrl()), paging,
                SearchLimits.QUERY_MAX_CHARS);
    }

    /** The search page saying what was wrong with the query or page, answered with {@code status}. */
    public SearchPage searchMessage(int status, String q, String message) {
        String query = q == null ? "" : q.strip();
        if (query.length() > SearchLimits.QUERY_MAX_CHARS) {
            query = query.substring(0, SearchLimits.QUERY_MAX_CHARS);
        }
        query = query.replace("\0", "");
        return new SearchPage(pages.head(query.isEmpty() ? "Search" : "Search: " + query, message,
                "/search", null, query, true), status, query, message, null, List.of(), null,
                SearchLimits.QUERY_MAX_CHARS);
    }
}
