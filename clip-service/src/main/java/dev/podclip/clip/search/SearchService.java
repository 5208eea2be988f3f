package dev.podclip.clip.search;

import dev.podclip.clip.clips.ClipService;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.db.Jdbc;
import dev.podclip.clip.db.NumberedSql;
import dev.podclip.clip.search.SearchViews.ChapterRef;
import dev.podclip.clip.search.SearchViews.EpisodeRef;
import dev.podclip.clip.search.SearchViews.Hit;
import dev.podclip.clip.search.SearchViews.Results;
import dev.podclip.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Full-text search over transcript cues, chapter titles and show notes: {@code websearch_to_tsquery} (quotes, OR,
 * -word), ranked by {@code ts_rank} (chapter titles weigh A, notes C, cues D), a {@code ts_headline} snippet per hit
 * of the page only, deleted episodes left out.
 *
 * <p>Bounded: each source gives at most its candidate bound of matches ({@link SearchLimits#CUE_CANDIDATES} and the
 * others), the first ones its GIN indexes yield (bucket by bucket, see {@link #buckets}), and only those are
 * ranked. A query under every bound is answered exactly as if everything were ranked, with an exact total; past a
 * bound the hits are the best of the candidates and the total is a lower bound ({@code totalRelation = "gte"}), as
 * Elasticsearch reports totals past {@code track_total_hits}.
 */
@ApplicationScoped
public class SearchService {

    /**
     * The query as a tsquery, computed once per statement. Written in place, {@code websearch_to_tsquery('english', ?)}
     * is folded to a constant only in a plan made for the values at hand; the JDBC driver prepares the statement on
     * the server after five runs, and PostgreSQL's generic plan then parsed the query once per row scanned and
     * ranked. As a sub-select it is an init plan: parsed once, in every plan. With the recheck below gone too, the
     * 15 queries of the browse benchmark took 62–67 ms of statement time instead of 100–105 (BENCHMARKS.md §10).
     */
    private static String tsquery(String parameter) {
        return "(SELECT websearch_to_tsquery('english', " + parameter + "))";
    }

    private static final String QUERY = tsquery("?1");

    /**
     * One source, bounded. The scan reads rows whose tsvector matches the scan query (the query with its phrases
     * loosened to "all these words", see {@link #phraseFree}; else the query itself), bucket by bucket
     * ({@link #buckets}), at most {@code scanLimit} of them plus one, numbered: a row numbered past the limit is only
     * a sentinel telling that the scan stopped short ({@code beyond}). Deleted episodes are left out as the rows
     * stream in, and with a loosened scan ({@code recheck}) the exact query is checked on them too; reading stops at
     * candidates + 1 matches (the extra one tells the bound was passed): so a frequent phrase stops early, a rare
     * phrase of frequent words stops at the scan limit. Without a loosened scan every scanned row already matches,
     * and checking it again read a show notes' tsvector out of its TOAST table once more per candidate: the larger
     * part of the saving given at {@link #tsquery}.
     * MATERIALIZED: read once, by the ranking and by the counts.
     *
     * @param kind the value of the table's {@code kind} column this source reads, or null for every row
     */
    private static String source(String name, String columns, String table, String kind, String scanLimit,
                                 int candidates, boolean recheck) {
        return name + " AS MATERIALIZED (\n"
                + "    SELECT s.episode_id, s.chapter_index, s.start_ms, s.kind, s.pos, s.body, s.n > " + scanLimit
                + " AS beyond,\n"
                + "           ts_rank(s.tsv, " + QUERY + ") AS rank\n"
                + "    FROM (SELECT x.*, row_number() OVER () AS n FROM (\n"
                + buckets(columns + ", tsv", table, kind)
                + "            LIMIT " + scanLimit + " + 1) x) s\n"
                + "    JOIN clip_episode e ON e.episode_id = s.episode_id\n"
                + "    WHERE s.n > " + scanLimit + " OR (NOT e.deleted"
                + (recheck ? " AND s.tsv @@ " + QUERY : "") + ")\n"
                + "    LIMIT " + (candidates + 2) + "\n)";
    }

    /**
     * The rows of a table matching the scan query, read bucket after bucket: each bucket's partial GIN index
     * (migration V350) holds the rows of the episodes whose id hashes to it. PostgreSQL reads a GIN index as a bitmap
     * of every match before its first row, so one index made a word in an eighth of the catalog cost its whole
     * posting list (20,016 chapter titles for "postgres" at 10,000 episodes); a bucket holds about an eighth of that,
     * and the LIMIT above stops the Append at the bucket that fills it. The predicate is written as the indexes'
     * so that the planner uses them (SearchBucketsTest).
     */
    private static String buckets(String columns, String table, String kind) {
        StringBuilder union = new StringBuilder();
        for (int b = 0; b < SearchLimits.SCAN_BUCKETS; b++) {
            union.append(b == 0 ? "            SELECT " : "            UNION ALL SELECT ").append(columns)
                    .append(" FROM ").append(table).append(" WHERE ")
                    .append(kind == null ? "" : "kind = '" + kind + "' AND ")
                    .append(bucketOf("episode_id")).append(" = ").append(b)
                    .append(" AND tsv @@ ").append(tsquery("?2")).append('\n');
        }
        return union.toString();
    }

    /** The bucket of an episode's rows, as the indexes' predicates compute it. */
    static String bucketOf(String episodeId) {
        return "(uuid_hash(" + episodeId + ") & " + (SearchLimits.SCAN_BUCKETS - 1) + ")";
    }

    /**
     * One statement: the three bounded sources, their counts, the page of the union ranked, then snippets and names
     * for the page's rows only (ts_headline re-parses the text: never for rows not shown). The counts row comes back
     * even for an empty page (LEFT JOIN), so a page past the end still has its total.
     *
     * <p>Parameters: 1 the query, 2 the scan query, 3 page size, 4 offset, 5 ts_headline options, 6-8 the scan limits
     * of cues, titles, notes. Columns: per source whether its scan stopped short and its matches, then the hit.
     *
     * @param recheck whether the scan query is looser than the query (a phrase), so scanned rows are checked again
     */
    static String sql(boolean recheck) {
        return "WITH "
                + source("cue",
                "episode_id, chapter_index, start_ms, 'transcript'::text AS kind, idx AS pos, text AS body",
                "clip_transcript_cue", null, "?6", SearchLimits.CUE_CANDIDATES, recheck) + ",\n"
                + source("title", "episode_id, chapter_index, start_ms, kind, position AS pos, body",
                "clip_search_doc", "chapter", "?7", SearchLimits.TITLE_CANDIDATES, recheck) + ",\n"
                + source("notes", "episode_id, chapter_index, start_ms, kind, position AS pos, body",
                "clip_search_doc", "notes", "?8", SearchLimits.NOTES_CANDIDATES, recheck) + ",\n"
                + """
                counts AS (
                    SELECT (SELECT bool_or(beyond) FROM cue) AS cue_beyond,
                           (SELECT count(*) FILTER (WHERE NOT beyond) FROM cue) AS cues,
                           (SELECT bool_or(beyond) FROM title) AS title_beyond,
                           (SELECT count(*) FILTER (WHERE NOT beyond) FROM title) AS titles,
                           (SELECT bool_or(beyond) FROM notes) AS notes_beyond,
                           (SELECT count(*) FILTER (WHERE NOT beyond) FROM notes) AS notes
                ),
                page AS (
                    SELECT h.* FROM (SELECT * FROM cue UNION ALL SELECT * FROM title UNION ALL SELECT * FROM notes) h
                    WHERE NOT h.beyond
                    ORDER BY h.rank DESC, h.episode_id, h.start_ms, h.kind, h.pos
                    LIMIT ?3 OFFSET ?4
                )
                SELECT n.cue_beyond, n.cues, n.title_beyond, n.titles, n.notes_beyond, n.notes,
                       p.episode_id, e.title, p.chapter_index, ch.title, p.start_ms, p.kind, p.rank,
                       ts_headline('english', p.body, %s, ?5), e.duration_ms
                FROM counts n
                LEFT JOIN page p ON true
                LEFT JOIN clip_episode e ON e.episode_id = p.episode_id
                LEFT JOIN clip_chapter ch ON ch.episode_id = p.episode_id AND ch.idx = p.chapter_index
                ORDER BY p.rank DESC, p.episode_id, p.start_ms, p.kind, p.pos
                """.formatted(QUERY);
    }

    /** Candidate bounds and phrase scan bounds of the sources, in the order of the counts columns. */
    private static final int[] CANDIDATES = {SearchLimits.CUE_CANDIDATES, SearchLimits.TITLE_CANDIDATES,
        SearchLimits.NOTES_CANDIDATES};
    private static final int[] PHRASE_SCAN_ROWS = {SearchLimits.CUE_PHRASE_SCAN_ROWS,
        SearchLimits.TITLE_PHRASE_SCAN_ROWS, SearchLimits.NOTES_PHRASE_SCAN_ROWS};
    /** A '-' that websearch_to_tsquery may read as NOT: at the start or after a non-word char. */
    private static final Pattern NEGATION = Pattern.compile("(^|[^\\p{L}\\p{N}])-");
    /** Columns of a result row: the six counts, then the hit. */
    private static final int HIT = 6;
    /** For a query with a phrase, scanned by its words and checked again; for any other, scanned by itself. */
    private static final NumberedSql PHRASE_STATEMENT = NumberedSql.of(sql(true));
    private static final NumberedSql WORDS_STATEMENT = NumberedSql.of(sql(false));

    @Inject
    Database db;
    @Inject
    ClipService clips;
    @Inject
    SearchCache cache;

    /** A page of hits: checked, then answered from the cache ({@link SearchCache}) or by the statement. */
    public Results search(String query, Integer page, Integer size) {
        String q = checkQuery(query);
        int p = page == null ? 0 : page;
        int s = size == null ? SearchLimits.DEFAULT_PAGE_SIZE : size;
        checkPaging(p, s);
        // One statement, so no transaction: in auto-commit it is one round trip, where a transaction added a COMMIT
        // and the transaction manager's enlistment (7 % of the service's CPU on a miss, by its profile).
        return cache.get(q, p, s, () -> run(q, p, s));
    }

    private Results run(String q, int p, int s) {
        String loose = phraseFree(q);
        int[] scanLimits = new int[CANDIDATES.length];
        for (int i = 0; i < CANDIDATES.length; i++) {
            // Without a phrase to loosen, every scanned row is a match: the candidates and one sentinel tell all.
            scanLimits[i] = loose == null ? CANDIDATES[i] : PHRASE_SCAN_ROWS[i];
        }
        NumberedSql statement = loose == null ? WORDS_STATEMENT : PHRASE_STATEMENT;
        List<Row> rows = db.call(c -> Jdbc.list(c, statement.sql(), SearchService::row, statement.parameters(q,
                loose == null ? q : loose, s, p * s, Snippets.headlineOptions(), scanLimits[0], scanLimits[1],
                scanLimits[2])));
        // Always one row at least: the counts, with a null hit when the page is empty.
        List<SourceCount> counts = rows.get(0).counts();
        long total = 0;
        boolean lowerBound = false;
        for (int i = 0; i < CANDIDATES.length; i++) {
            SourceCount count = counts.get(i);
            total += Math.min(count.matched(), CANDIDATES[i]);
            lowerBound |= count.beyond() || count.matched() > CANDIDATES[i];
        }
        String base = clips.baseUrl();
        List<Hit> hits = rows.stream().filter(r -> r.hit() != null).map(r -> r.hit().toHit(base)).toList();
        return new Results(q, p, s, total, lowerBound ? Results.TOTAL_LOWER_BOUND : Results.TOTAL_EXACT, hits);
    }

    /**
     * The query with its quotes dropped, when that finds a superset of its matches: then a phrase is looked for only
     * among rows that hold all its words, and those can be bounded. Null when there is no quote, or when a '-' may be
     * a NOT (dropping the quotes of {@code -"a b"} would exclude rows the phrase query keeps).
     */
    static String phraseFree(String q) {
        if (q.indexOf('"') < 0 || NEGATION.matcher(q).find()) {
            return null;
        }
        return q.replace('"', ' ');
    }

    /** A source's count: whether its scan stopped short, and its matches. */
    private record SourceCount(boolean beyond, long matched) {
    }

    /** A row of a page, before its snippet is split into text and HTML; {@code rank} is ts_rank's real. */
    private record StoredHit(UUID episodeId, String episodeTitle, Integer chapterIndex, String chapterTitle,
                             long startMs, String kind, float rank, String headline, Long durationMs) {

        Hit toHit(String base) {
            ChapterRef chapter = chapterIndex == null ? null : new ChapterRef(chapterIndex, chapterTitle);
            return new Hit(new EpisodeRef(episodeId, episodeTitle), chapter, kind, startMs, Snippets.toText(headline),
                    Snippets.toHtml(headline), rank, ShareWindows.shareUrl(base, episodeId, startMs, durationMs),
                    ShareWindows.pageUrl(base, episodeId, startMs));
        }
    }

    /** A result row: the counts (the same on every row), and a hit unless the page is empty. */
    private record Row(List<SourceCount> counts, StoredHit hit) {
    }

    private static Row row(ResultSet r) throws SQLException {
        List<SourceCount> counts = new ArrayList<>(CANDIDATES.length);
        for (int i = 0; i < CANDIDATES.length; i++) {
            // bool_or is null, read as false, when the source found nothing
            counts.add(new SourceCount(r.getBoolean(2 * i + 1), r.getLong(2 * i + 2)));
        }
        UUID episodeId = r.getObject(HIT + 1, UUID.class);
        StoredHit hit = episodeId == null ? null : new StoredHit(episodeId, r.getString(HIT + 2),
                Jdbc.getInt(r, HIT + 3), r.getString(HIT + 4), r.getLong(HIT + 5), r.getString(HIT + 6),
                r.getFloat(HIT + 7), r.getString(HIT + 8), Jdbc.getLong(r, HIT + 9));
        return new Row(counts, hit);
    }

    static String checkQuery(String query) {
        if (query == null || query.isBlank()) {
            throw ProblemException.invalidField("q", "a search needs q, the words to find");
        }
        String q = query.strip();
        if (q.length() > SearchLimits.QUERY_MAX_CHARS) {
            throw ProblemException.invalidField("q", "at most " + SearchLimits.QUERY_MAX_CHARS + " characters")
                    .with("limitChars", SearchLimits.QUERY_MAX_CHARS);
        }
        if (q.indexOf('\0') >= 0) {
            throw ProblemException.invalidField("q", "must not contain NUL");
        }
        return q;
    }

    static void checkPaging(int page, int size) {
        if (size < 1 || size > SearchLimits.MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + SearchLimits.MAX_PAGE_SIZE);
        }
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if ((long) page * size + size > SearchLimits.MAX_RESULT_WINDOW) {
            throw ProblemException.invalidField("page", "search serves the first " + SearchLimits.MAX_RESULT_WINDOW
                    + " hits only: refine the query").with("maxResultWindow", SearchLimits.MAX_RESULT_WINDOW);
        }
    }
}
