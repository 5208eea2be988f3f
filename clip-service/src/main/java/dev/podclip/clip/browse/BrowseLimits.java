package dev.podclip.clip.browse;

import dev.podclip.clip.search.SearchLimits;

/** Named limits of the browse pages (home, show, search): every input and every list has one. */
public final class BrowseLimits {

    /** Shows listed on the home page at most, the most recently published first. */
    public static final int HOME_MAX_SHOWS = 48;
    /** Latest episodes on the home page. */
    public static final int HOME_LATEST_EPISODES = 10;
    /** Episodes on one page of a show. */
    public static final int SHOW_PAGE_SIZE = 20;
    /** Deepest page of a show (20,000 episodes): past it, offsets cost more than anyone reads. */
    public static final int SHOW_MAX_PAGE = 1_000;
    /** Longest show slug looked up; a longer one is not a slug (the catalog's slugs are far shorter). */
    public static final int SLUG_MAX_CHARS = 200;
    /** Hits on one page of search results: the API's default page. */
    public static final int SEARCH_PAGE_SIZE = SearchLimits.DEFAULT_PAGE_SIZE;
    /** Deepest page of search results: the API serves no hit past its result window. */
    public static final int SEARCH_MAX_PAGE = SearchLimits.MAX_RESULT_WINDOW / SEARCH_PAGE_SIZE;
    /** A page parameter longer than this is not a page number (and never reaches Integer.parseInt). */
    static final int PAGE_PARAM_MAX_CHARS = 6;

    private BrowseLimits() {
    }
}
