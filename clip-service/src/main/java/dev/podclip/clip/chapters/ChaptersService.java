package dev.podclip.clip.chapters;

import dev.podclip.chapters.ChapterList;
import dev.podclip.clip.episodes.EpisodeEntity;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Reads an episode's chapters from the read model. */
@ApplicationScoped
public class ChaptersService {

    /** An episode's current version with its chapter rows, read in one transaction (consistent). */
    public record Stored(EpisodeEntity episode, List<ChapterEntity> chapters, List<ChapterWarningEntity> warnings) {
    }

    /**
     * @throws ProblemException 404 for an episode never seen, 410 for a deleted one
     */
    @Transactional
    public Stored read(UUID episodeId) {
        EpisodeEntity episode = EpisodeEntity.findById(episodeId);
        if (episode == null) {
            throw ProblemException.notFound("Episode", episodeId);
        }
        if (episode.deleted) {
            throw new ProblemException(410, "episode-deleted", "Gone",
                    "Episode " + episodeId + " was deleted (version " + episode.version + ")")
                    .with("episodeId", episodeId.toString())
                    .with("version", episode.version);
        }
        List<ChapterEntity> chapters = ChapterEntity.list("episodeId", Sort.by("index"), episodeId);
        List<ChapterWarningEntity> warnings = ChapterWarningEntity.list("episodeId", Sort.by("position"), episodeId);
        return new Stored(episode, chapters, warnings);
    }

    public ChapterViews.EpisodeChapters view(UUID episodeId) {
        Stored s = read(episodeId);
        return new ChapterViews.EpisodeChapters(s.episode.episodeId, s.episode.version, s.episode.title,
                s.episode.durationMs, s.episode.chaptersSource,
                s.chapters.stream().map(ChapterViews::view).toList(),
                s.warnings.stream().map(ChapterViews::view).toList());
    }

    public ChapterList chapterList(UUID episodeId) {
        Stored s = read(episodeId);
        return ChapterViews.toChapterList(s.chapters, s.warnings, s.episode.durationMs);
    }
}
