package dev.podclip.clip.clips;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.time.Durations;
import dev.podclip.clip.chapters.ChapterEntity;
import dev.podclip.clip.episodes.EpisodeEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads clip context from the event-fed read model ({@code clip_episode}, {@code clip_chapter}): two primary-key
 * lookups. Callers hold a transaction or an active request context.
 */
@ApplicationScoped
public class ReadModelEpisodeContexts implements EpisodeContexts {

    @Override
    public Optional<EpisodeContext> find(UUID episodeId) {
        EpisodeEntity episode = EpisodeEntity.findById(episodeId);
        if (episode == null) {
            return Optional.empty();
        }
        if (episode.deleted) {
            return Optional.of(new EpisodeContext(episodeId, episode.version, true, null, null, null, null, null,
                    null, 0, List.of(), null));
        }
        List<ChapterEntity> rows = ChapterEntity.list("episodeId = ?1 order by index", episodeId);
        List<Chapter> chapters = rows.stream()
                .map(r -> new Chapter(r.startMs, r.endMs, r.title, r.url, r.img, r.toc))
                .toList();
        return Optional.of(new EpisodeContext(episodeId, episode.version, false, episode.showTitle, episode.title,
                episode.audioUrl, episode.videoUrl, episode.pageUrl, episode.durationMs,
                slackMs(episode.durationText, episode.durationMs), chapters, episode.showImageUrl));
    }

    /**
     * How far past the stated duration a clip may end: the rounding of the text the catalog stated
     * ({@code 1h 18m}: a minute); none when the duration came as an exact number.
     */
    static long slackMs(String durationText, Long durationMs) {
        if (durationText == null || durationMs == null) {
            return 0;
        }
        return Durations.parseHuman(durationText).map(StatedDuration::slackMs).orElse(0L);
    }
}
