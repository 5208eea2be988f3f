package dev.podclip.clip.clips;

import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.time.Durations;
import dev.podclip.clip.chapters.ChapterRows;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.episodes.EpisodeRows;
import dev.podclip.clip.episodes.StoredEpisode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads clip context from the event-fed read model ({@code clip_episode}, {@code clip_chapter}): two primary-key
 * lookups on one connection (the caller's transaction's, when it holds one).
 */
@ApplicationScoped
public class ReadModelEpisodeContexts implements EpisodeContexts {

    @Inject
    Database db;

    @Override
    public Optional<EpisodeContext> find(UUID episodeId) {
        return db.call(c -> {
            Optional<StoredEpisode> found = EpisodeRows.find(c, episodeId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            StoredEpisode e = found.get();
            if (e.deleted()) {
                return Optional.of(new EpisodeContext(episodeId, e.version(), true, null, null, null, null, null,
                        null, 0, List.of(), null));
            }
            return Optional.of(new EpisodeContext(episodeId, e.version(), false, e.showTitle(), e.title(),
                    e.audioUrl(), e.videoUrl(), e.pageUrl(), e.durationMs(), slackMs(e.durationText(), e.durationMs()),
                    ChapterRows.CHAPTERS.of(c, episodeId), e.showImageUrl()));
        });
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
