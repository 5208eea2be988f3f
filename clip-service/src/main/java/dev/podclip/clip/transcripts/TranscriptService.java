package dev.podclip.clip.transcripts;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.chapters.ChaptersService;
import dev.podclip.clip.transcripts.TranscriptViews.ChapterTranscriptView;
import dev.podclip.clip.transcripts.TranscriptViews.CueView;
import dev.podclip.clip.transcripts.TranscriptViews.SectionView;
import dev.podclip.clip.transcripts.TranscriptViews.TranscriptView;
import dev.podclip.support.limits.ResponseBudget;
import dev.podclip.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Reads of stored transcripts: whole, by chapter, by time range. */
@ApplicationScoped
public class TranscriptService {

    /** Times, markup and object headers of one cue beside its text, in bytes. */
    static final int CUE_OVERHEAD_BYTES = 96;

    @Inject
    ResponseBudget budget;

    @Inject
    EntityManager em;
    @Inject
    ChaptersService chapters;

    /**
     * The transcript of the episode's current version under its chapters.
     *
     * @throws ProblemException 404 for an unknown episode or one without a (readable) transcript, 410 deleted
     */
    @Transactional
    public TranscriptView transcript(UUID episodeId) {
        ChaptersService.Stored stored = chapters.read(episodeId);
        Object[] header = header(episodeId);
        List<TranscriptViews.StoredCue> cues = cues(episodeId);
        List<TranscriptViews.ChapterHead> heads = IntStream.range(0, stored.chapters().size()).mapToObj(i -> {
            Chapter c = stored.chapters().get(i);
            return new TranscriptViews.ChapterHead(i, c.title(), c.startMs(), c.endMs());
        }).toList();
        return new TranscriptView(episodeId, stored.episode().version(), stored.episode().title(), (String) header[0],
                TranscriptViews.sections(heads, cues, stored.episode().durationMs()));
    }

    /** The transcript, or empty when the (live) episode has none that could be read. */
    @Transactional
    public java.util.Optional<TranscriptView> find(UUID episodeId) {
        return exists(episodeId) ? java.util.Optional.of(transcript(episodeId)) : java.util.Optional.empty();
    }

    /** One chapter's part; 404 when the chapter does not exist. */
    @Transactional
    public ChapterTranscriptView chapter(UUID episodeId, int index) {
        TranscriptView all = transcript(episodeId);
        SectionView section = all.chapters().stream()
                .filter(s -> s.index() != null && s.index() == index)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Chapter " + index + " of episode", episodeId));
        return new ChapterTranscriptView(episodeId, all.version(), index, section.title(), section.startMs(),
                section.endMs(), section.cues());
    }

    /**
     * The cues overlapping {@code [startMs, endMs)} in transcript order, at most {@link TranscriptLimits#RANGE_MAX_CUES};
     * empty when the episode has no transcript. For clip JSON and share pages.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<CueView> cuesBetween(UUID episodeId, long startMs, long endMs) {
        if (endMs <= startMs) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT c.start_ms, c.end_ms, c.speaker, c.text"
                        + " FROM clip_transcript_cue c JOIN clip_episode e ON e.episode_id = c.episode_id"
                        + " WHERE c.episode_id = ?1 AND NOT e.deleted AND c.start_ms < ?3 AND c.end_ms > ?2"
                        + " ORDER BY c.idx LIMIT ?4")
                .setParameter(1, episodeId)
                .setParameter(2, startMs)
                .setParameter(3, endMs)
                .setParameter(4, TranscriptLimits.RANGE_MAX_CUES)
                .getResultList();
        return rows.stream().map(r -> new CueView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3])).toList();
    }

    /** Whether the episode's current version has a readable transcript. */
    @Transactional
    public boolean exists(UUID episodeId) {
        return !em.createNativeQuery("SELECT 1 FROM clip_transcript WHERE episode_id = ?1 AND status = 'ok'")
                .setParameter(1, episodeId).getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Object[] header(UUID episodeId) {
        List<Object[]> rows = em.createNativeQuery("SELECT format, status FROM clip_transcript WHERE episode_id = ?1")
                .setParameter(1, episodeId).getResultList();
        if (rows.isEmpty() || !"ok".equals(rows.get(0)[1])) {
            throw new ProblemException(404, "no-transcript", "Not found",
                    "Episode " + episodeId + " has no " + (rows.isEmpty() ? "" : "readable ") + "transcript")
                    .with("episodeId", episodeId.toString());
        }
        return rows.get(0);
    }

    /** Every cue, after reserving the memory its answer takes (ResponseBudget: a 2 MB transcript is a 10 MB page). */
    @SuppressWarnings("unchecked")
    private List<TranscriptViews.StoredCue> cues(UUID episodeId) {
        Number storedBytes = (Number) em.createNativeQuery("SELECT coalesce(sum(octet_length(text)"
                        + " + coalesce(octet_length(speaker), 0) + " + CUE_OVERHEAD_BYTES + "), 0)"
                        + " FROM clip_transcript_cue WHERE episode_id = ?1")
                .setParameter(1, episodeId).getSingleResult();
        // The catalog bounds a transcript to 2,000,000 characters, well under one answer's limit: only the total binds.
        budget.reserve(storedBytes.longValue(), "");
        List<Object[]> rows = em.createNativeQuery("SELECT start_ms, end_ms, speaker, text, chapter_index"
                        + " FROM clip_transcript_cue WHERE episode_id = ?1 ORDER BY idx")
                .setParameter(1, episodeId).getResultList();
        return rows.stream().map(r -> new TranscriptViews.StoredCue(new CueView(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], (String) r[3]),
                r[4] == null ? null : ((Number) r[4]).intValue())).toList();
    }
}
