package dev.podclip.clip.episodes;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The list of episodes the read model knows (deleted ones left out), newest first. */
@ApplicationScoped
public class EpisodesService {

    /** Deepest page reachable: beyond it offsets cost more than they are worth to anyone. */
    static final int MAX_PAGE = 10_000;

    @Inject
    ClipConfig config;

    public record EpisodeSummary(UUID episodeId, long version, String showSlug, String showTitle, String title,
                                 String slug, Instant publishedAt, String durationText, Long durationMs,
                                 String audioUrl, String videoUrl, String pageUrl, String source, int chapterCount) {
    }

    public record EpisodePage(int page, int size, long total, List<EpisodeSummary> items) {
    }

    @Transactional
    public EpisodePage list(Integer pageParam, Integer sizeParam) {
        int page = pageParam == null ? 0 : pageParam;
        int size = sizeParam == null ? config.api().defaultPageSize() : sizeParam;
        if (page < 0 || page > MAX_PAGE) {
            throw invalid("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > config.api().maxPageSize()) {
            throw invalid("size", "must be between 1 and " + config.api().maxPageSize());
        }
        PanacheQuery<EpisodeEntity> query = EpisodeEntity.find(
                "deleted = false order by publishedAt desc nulls last, episodeId");
        List<EpisodeSummary> items = query.page(Page.of(page, size)).list().stream()
                .map(EpisodesService::summary)
                .toList();
        return new EpisodePage(page, size, query.count(), items);
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", "The request has 1 invalid field(s)",
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    private static EpisodeSummary summary(EpisodeEntity e) {
        return new EpisodeSummary(e.episodeId, e.version, e.showSlug, e.showTitle, e.title, e.slug, e.publishedAt,
                e.durationText, e.durationMs, e.audioUrl, e.videoUrl, e.pageUrl, e.chaptersSource, e.chapterCount);
    }
}
