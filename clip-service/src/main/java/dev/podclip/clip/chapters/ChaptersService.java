package dev.podclip.clip.chapters;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterList;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.episodes.EpisodeRows;
import dev.podclip.clip.episodes.StoredEpisode;
import dev.podclip.clip.problem.ClipServiceProblems;
import dev.podclip.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Reads an episode's chapters from the read model. */
@ApplicationScoped
public class ChaptersService {

    @Inject
    Database db;

    /** An episode's current version with its chapter rows, read in one transaction (consistent). */
    public record Stored(StoredEpisode episode, List<Chapter> chapters, List<StoredWarning> warnings) {
    }

    /**
     * @throws ProblemException 404 for an episode never seen, 410 for a deleted one
     */
    @Transactional
    public Stored read(UUID episodeId) {
        StoredEpisode episode = db.call(c -> EpisodeRows.find(c, episodeId))
                .orElseThrow(() -> ProblemException.notFound("Episode", episodeId));
        if (episode.deleted()) {
            throw new ProblemException(ClipServiceProblems.EPISODE_DELETED,
                    "Episode " + episodeId + " was deleted (version " + episode.version() + ")")
                    .with("episodeId", episodeId.toString())
                    .with("version", episode.version());
        }
        return db.call(c -> new Stored(episode, ChapterRows.CHAPTERS.of(c, episodeId),
                ChapterRows.WARNINGS.of(c, episodeId)));
    }

    public ChapterViews.EpisodeChapters view(UUID episodeId) {
        Stored s = read(episodeId);
        return new ChapterViews.EpisodeChapters(s.episode.episodeId(), s.episode.version(), s.episode.title(),
                s.episode.durationMs(), s.episode.chaptersSource(), ChapterViews.chapterViews(s.chapters),
                s.warnings.stream().map(ChapterViews::view).toList());
    }

    public ChapterList chapterList(UUID episodeId) {
        Stored s = read(episodeId);
        return ChapterViews.toChapterList(s.chapters, s.warnings, s.episode.durationMs());
    }
}
