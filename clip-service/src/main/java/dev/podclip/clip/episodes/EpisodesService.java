package dev.podclip.clip.episodes;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.clip.db.Database;
import dev.podclip.support.paging.Page;
import dev.podclip.support.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** The list of episodes the read model knows (deleted ones left out), newest first. */
@ApplicationScoped
public class EpisodesService {

    @Inject
    ClipConfig config;
    @Inject
    Database db;

    public record EpisodeSummary(UUID episodeId, long version, String showSlug, String showTitle, String title,
                                 String slug, Instant publishedAt, String durationText, Long durationMs,
                                 String audioUrl, String videoUrl, String pageUrl, String source, int chapterCount) {
    }

    @Transactional
    public Page<EpisodeSummary> list(Integer pageParam, Integer sizeParam) {
        PageRequest request = PageRequest.of(pageParam, sizeParam, config.api().defaultPageSize(),
                config.api().maxPageSize());
        int page = request.page();
        int size = request.size();
        return db.call(c -> new Page<>(EpisodeRows.live(c, page * size, size).stream()
                .map(EpisodesService::summary).toList(), page, size, EpisodeRows.countLive(c)));
    }

    private static EpisodeSummary summary(StoredEpisode e) {
        return new EpisodeSummary(e.episodeId(), e.version(), e.showSlug(), e.showTitle(), e.title(), e.slug(),
                e.publishedAt(), e.durationText(), e.durationMs(), e.audioUrl(), e.videoUrl(), e.pageUrl(),
                e.chaptersSource(), e.chapterCount());
    }
}
