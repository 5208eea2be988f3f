package dev.podclip.clip.search;

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

    public record Results(String query, int page, int size, long total, List<Hit> hits) {

        public Results {
            hits = List.copyOf(hits);
        }
    }
}
