package dev.podclip.clip.transcripts;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.chapters.ChaptersService;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.problem.ClipServiceProblems;
import dev.podclip.clip.transcripts.TranscriptViews.ChapterTranscriptView;
import dev.podclip.clip.transcripts.TranscriptViews.CueView;
import dev.podclip.clip.transcripts.TranscriptViews.SectionView;
import dev.podclip.clip.transcripts.TranscriptViews.StoredCue;
import dev.podclip.clip.transcripts.TranscriptViews.TranscriptView;
import dev.podclip.support.limits.ResponseBudget;
import dev.podclip.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
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
    Database db;
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
        StoredTranscript file = readable(episodeId);
        List<StoredCue> cues = cues(episodeId);
        List<TranscriptViews.ChapterHead> heads = IntStream.range(0, stored.chapters().size()).mapToObj(i -> {
            Chapter c = stored.chapters().get(i);
            return new TranscriptViews.ChapterHead(i, c.title(), c.startMs(), c.endMs());
        }).toList();
        return new TranscriptView(episodeId, stored.episode().version(), stored.episode().title(), file.format(),
                TranscriptViews.sections(heads, cues, stored.episode().durationMs()));
    }

    /** The transcript, or empty when the (live) episode has none that could be read. */
    @Transactional
    public Optional<TranscriptView> find(UUID episodeId) {
        return exists(episodeId) ? Optional.of(transcript(episodeId)) : Optional.empty();
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
    public List<CueView> cuesBetween(UUID episodeId, long startMs, long endMs) {
        if (endMs <= startMs) {
            return List.of();
        }
        return db.call(c -> TranscriptRows.liveCuesBetween(c, episodeId, startMs, endMs,
                TranscriptLimits.RANGE_MAX_CUES)).stream().map(StoredCue::cue).toList();
    }

    /** Whether the episode's current version has a readable transcript. */
    @Transactional
    public boolean exists(UUID episodeId) {
        return db.call(c -> TranscriptRows.find(c, episodeId)).filter(StoredTranscript::readable).isPresent();
    }

    private StoredTranscript readable(UUID episodeId) {
        Optional<StoredTranscript> stored = db.call(c -> TranscriptRows.find(c, episodeId));
        if (stored.isEmpty() || !stored.get().readable()) {
            throw new ProblemException(ClipServiceProblems.NO_TRANSCRIPT,
                    "Episode " + episodeId + " has no " + (stored.isEmpty() ? "" : "readable ") + "transcript")
                    .with("episodeId", episodeId.toString());
        }
        return stored.get();
    }

    /** Every cue, after reserving the memory its answer takes (ResponseBudget: a 2 MB transcript is a 10 MB page). */
    private List<StoredCue> cues(UUID episodeId) {
        long storedBytes = db.call(c -> TranscriptRows.storedBytes(c, episodeId, CUE_OVERHEAD_BYTES));
        // The catalog bounds a transcript to 2,000,000 characters, well under one answer's limit: only the total binds.
        budget.reserve(storedBytes, "");
        return db.call(c -> TranscriptRows.CUES.of(c, episodeId));
    }
}
