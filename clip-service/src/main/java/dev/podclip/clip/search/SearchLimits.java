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

    /*
     * Candidate bounds. A query is answered from at most this many matches of each source, taken from its GIN indexes
     * bucket by bucket ({@link #SCAN_BUCKETS}), in storage order within one, ranked among themselves; past a bound,
     * total is a lower bound (totalRelation "gte"). Ranking every match cost ~200 ms for a word in one cue of ten
     * over 900,000 cues (BENCHMARKS.md §4); this bounds the work of a query by these numbers instead of by the corpus.
     * Each source has its own bound so that many cue hits never crowd out a chapter title (weight A) or the notes.
     */
    /** Cue matches ranked, at most: at least the result window, so a broad query fills every page it may serve. */
    public static final int CUE_CANDIDATES = 1_000;
    /**
     * Chapter-title matches ranked, at most. A title is a few words, so titles holding the query's words mostly rank
     * alike: of the 15 queries of benchmarks/load/browse-pages.sh at 10,000 episodes, 14 match titles, and the first
     * 501 matching titles had one rank for 13 of them, two for the other. Ranking 500 only chose among equals, and
     * finding them was half of a query's statement time (BENCHMARKS.md §10).
     */
    public static final int TITLE_CANDIDATES = 100;
    /** Show-notes matches ranked, at most: a notes text is up to 100,000 chars, ts_rank reads all of it. */
    public static final int NOTES_CANDIDATES = 100;
    /*
     * Phrase scan bounds. A quoted phrase is found by reading the rows that hold all its words and checking their
     * positions; for two common words that co-occur often but are rarely adjacent that is every co-occurring row
     * (~9,000 cues, ~50 ms, for two of the ten most common words). So a phrase query reads at most this many rows
     * holding all its words per source, and checks adjacency in those only.
     */
    public static final int CUE_PHRASE_SCAN_ROWS = 3_000;
    public static final int TITLE_PHRASE_SCAN_ROWS = 2_000;
    public static final int NOTES_PHRASE_SCAN_ROWS = 200;

    /**
     * Buckets of each source's GIN index, by a hash of the episode id (migration V350 makes one partial index per
     * bucket; SearchBucketsTest checks the statement uses them). A search reads buckets in turn until its candidate
     * bound is full, so a frequent word costs about 1/SCAN_BUCKETS of its posting list, and a rare one SCAN_BUCKETS
     * index lookups: 8 took the statement time of the browse benchmark's 15 queries from 42-48 to 30-35 ms, a
     * frequent word's from ~6 to ~2 ms (BENCHMARKS.md §10). A power of two: the bucket is the hash's low bits.
     */
    public static final int SCAN_BUCKETS = 8;

    static {
        // Invariants of the numbers above, checked once when the class loads.
        if (CUE_CANDIDATES < MAX_RESULT_WINDOW || CUE_PHRASE_SCAN_ROWS <= CUE_CANDIDATES
                || TITLE_PHRASE_SCAN_ROWS <= TITLE_CANDIDATES || NOTES_PHRASE_SCAN_ROWS <= NOTES_CANDIDATES
                || Integer.bitCount(SCAN_BUCKETS) != 1) {
            throw new IllegalStateException("search bounds out of order");
        }
    }

    private SearchLimits() {
    }
}
