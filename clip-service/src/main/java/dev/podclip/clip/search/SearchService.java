package dev.podclip.clip.search;

import dev.podclip.clip.clips.ClipService;
import dev.podclip.clip.search.SearchViews.ChapterRef;
import dev.podclip.clip.search.SearchViews.EpisodeRef;
import dev.podclip.clip.search.SearchViews.Hit;
import dev.podclip.clip.search.SearchViews.Results;
import dev.podclip.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Full-text search over transcript cues, chapter titles and show notes: {@code websearch_to_tsquery} (quotes, OR,
 * -word), ranked by {@code ts_rank} (chapter titles weigh A, notes C, cues D), a {@code ts_headline} snippet per hit
 * of the page only, deleted episodes left out.
 */
@ApplicationScoped
public class SearchService {

    /**
     * One statement: matches from both tables through their GIN indexes, ranked and paged, then snippets and names
     * for the page's rows only (ts_headline re-parses the text: never for rows not shown).
     */
    static final String SQL = """
            WITH q AS (SELECT websearch_to_tsquery('english', ?1) AS query),
            hits AS (
                SELECT c.episode_id, c.chapter_index, c.start_ms, 'transcript' AS kind, c.idx AS pos, c.text AS body,
                       ts_rank(c.tsv, q.query) AS rank
                FROM clip_transcript_cue c, q WHERE c.tsv @@ q.query
                UNION ALL
                SELECT d.episode_id, d.chapter_index, d.start_ms, d.kind, d.position, d.body, ts_rank(d.tsv, q.query)
                FROM clip_search_doc d, q WHERE d.tsv @@ q.query
            ),
            page AS (
                SELECT h.*, count(*) OVER () AS total
                FROM hits h JOIN clip_episode e ON e.episode_id = h.episode_id AND NOT e.deleted
                ORDER BY h.rank DESC, h.episode_id, h.start_ms, h.kind, h.pos
                LIMIT ?2 OFFSET ?3
            )
            SELECT p.episode_id, e.title, p.chapter_index, ch.title, p.start_ms, p.kind, p.rank, p.total,
                   ts_headline('english', p.body, q.query, ?4), e.duration_ms
            FROM page p CROSS JOIN q
            JOIN clip_episode e ON e.episode_id = p.episode_id
            LEFT JOIN clip_chapter ch ON ch.episode_id = p.episode_id AND ch.idx = p.chapter_index
            ORDER BY p.rank DESC, p.episode_id, p.start_ms, p.kind, p.pos
            """;

    @Inject
    EntityManager em;
    @Inject
    ClipService clips;

    @Transactional
    @SuppressWarnings("unchecked")
    public Results search(String query, Integer page, Integer size) {
        String q = checkQuery(query);
        int p = page == null ? 0 : page;
        int s = size == null ? SearchLimits.DEFAULT_PAGE_SIZE : size;
        checkPaging(p, s);
        List<Object[]> rows = em.createNativeQuery(SQL)
                .setParameter(1, q)
                .setParameter(2, s)
                .setParameter(3, p * s)
                .setParameter(4, Snippets.headlineOptions())
                .getResultList();
        String base = clips.baseUrl();
        List<Hit> hits = rows.stream().map(r -> hit(r, base)).toList();
        long total = rows.isEmpty() ? (p == 0 ? 0 : count(q)) : ((Number) rows.get(0)[7]).longValue();
        return new Results(q, p, s, total, hits);
    }

    private static Hit hit(Object[] r, String base) {
        UUID episodeId = (UUID) r[0];
        long startMs = ((Number) r[4]).longValue();
        Long durationMs = r[9] == null ? null : ((Number) r[9]).longValue();
        String headline = (String) r[8];
        ChapterRef chapter = r[2] == null ? null : new ChapterRef(((Number) r[2]).intValue(), (String) r[3]);
        return new Hit(new EpisodeRef(episodeId, (String) r[1]), chapter, (String) r[5], startMs,
                Snippets.toText(headline), Snippets.toHtml(headline), ((Number) r[6]).doubleValue(),
                ShareWindows.shareUrl(base, episodeId, startMs, durationMs),
                ShareWindows.pageUrl(base, episodeId, startMs));
    }

    /** Total matches when a page past the end came back empty (the window function had no row to ride on). */
    private long count(String q) {
        Object n = em.createNativeQuery("""
                        WITH q AS (SELECT websearch_to_tsquery('english', ?1) AS query)
                        SELECT (SELECT count(*) FROM clip_transcript_cue c JOIN clip_episode e USING (episode_id), q
                                WHERE NOT e.deleted AND c.tsv @@ q.query)
                             + (SELECT count(*) FROM clip_search_doc d JOIN clip_episode e USING (episode_id), q
                                WHERE NOT e.deleted AND d.tsv @@ q.query)""")
                .setParameter(1, q).getSingleResult();
        return ((Number) n).longValue();
    }

    static String checkQuery(String query) {
        if (query == null || query.isBlank()) {
            throw invalid("q", "a search needs q, the words to find");
        }
        String q = query.strip();
        if (q.length() > SearchLimits.QUERY_MAX_CHARS) {
            throw invalid("q", "at most " + SearchLimits.QUERY_MAX_CHARS + " characters")
                    .with("limitChars", SearchLimits.QUERY_MAX_CHARS);
        }
        if (q.indexOf('\0') >= 0) {
            throw invalid("q", "must not contain NUL");
        }
        return q;
    }

    static void checkPaging(int page, int size) {
        if (size < 1 || size > SearchLimits.MAX_PAGE_SIZE) {
            throw invalid("size", "must be 1 to " + SearchLimits.MAX_PAGE_SIZE);
        }
        if (page < 0) {
            throw invalid("page", "must be 0 or more");
        }
        if ((long) page * size + size > SearchLimits.MAX_RESULT_WINDOW) {
            throw invalid("page", "search serves the first " + SearchLimits.MAX_RESULT_WINDOW + " hits only: refine"
                    + " the query").with("maxResultWindow", SearchLimits.MAX_RESULT_WINDOW);
        }
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest("invalid-search", field + ": " + message).with("field", field);
    }
}
