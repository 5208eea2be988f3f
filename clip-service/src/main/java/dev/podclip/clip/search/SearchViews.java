package dev.podclip.clip.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Search's JSON shapes. */
public final class SearchViews {

    private SearchViews() {
    }

    public record EpisodeRef(UUID id, String title) {
    }

    public record ChapterRef(int index, String title) {
    }

    /**
     * One hit.
     *
     * @param kind        {@code transcript}, {@code chapter} (a chapter title) or {@code notes} (the show notes)
     * @param snippetHtml escaped text with {@code <mark>} around the matched words
     * @param shareUrl    a stateless clip link of a window around the hit
     * @param pageUrl     the episode page at the hit's time
     */
    public record Hit(EpisodeRef episode, ChapterRef chapter, String kind, long startMs, String snippet,
                      String snippetHtml, double rank, String shareUrl, String pageUrl) {
    }

    /**
     * A page of hits, in the page shape of every list of both services ({@code items, page, size, total}), with the
     * query and how exact the total is.
     *
     * @param total         matches of the query: exact when {@code totalRelation} is {@code eq}, else at least this
     * @param totalRelation {@code eq}, or {@code gte} when a source had more matches than its candidate bound: then
     *                      the hits are the best-ranked among the candidates (the first matches found) and total is a
     *                      lower bound
     */
    public record Results(String query, int page, int size,
                          @Schema(description = "Matches of the query: exact when totalRelation is \"eq\"; a lower "
                                  + "bound when it is \"gte\" (more matches than search ranks)") long total,
                          @Schema(enumeration = {TOTAL_EXACT, TOTAL_LOWER_BOUND}, description = "\"eq\": total is "
                                  + "exact and the hits are the best of all matches. \"gte\": more matches than a "
                                  + "candidate bound (" + SearchLimits.CUE_CANDIDATES + " cues, "
                                  + SearchLimits.TITLE_CANDIDATES + " chapter titles, " + SearchLimits.NOTES_CANDIDATES
                                  + " show notes, the first found); the hits are the best-ranked of those candidates "
                                  + "and total is at least the number given") String totalRelation,
                          List<Hit> items) {

        public static final String TOTAL_EXACT = "eq";
        public static final String TOTAL_LOWER_BOUND = "gte";

        public Results {
            items = List.copyOf(items);
        }
    }
}
