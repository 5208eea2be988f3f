package dev.podclip.clip.search;

/** Named limits of search. */
public final class SearchLimits {

    /** Longest query, in chars: a sentence, not a document. */
    public static final int QUERY_MAX_CHARS = 200;
    public static final int DEFAULT_PAGE_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 50;
    /** Deepest hit served (page x size + size): ranking past this is a scan nobody reads. */
    public static final int MAX_RESULT_WINDOW = 500;
    /** The share link's window around a hit: from this much before it ... */
    public static final long SHARE_BEFORE_MS = 10_000;
    /** ... to this much after its start, clamped to the episode. */
    public static final long SHARE_AFTER_MS = 30_000;
    /** Snippet shape for ts_headline: words per fragment and fragments per hit. */
    public static final int SNIPPET_MAX_WORDS = 30;
    public static final int SNIPPET_MIN_WORDS = 12;
    public static final int SNIPPET_MAX_FRAGMENTS = 2;

    private SearchLimits() {
    }
}
