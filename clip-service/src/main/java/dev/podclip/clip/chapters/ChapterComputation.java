package dev.podclip.clip.chapters;

import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import dev.podclip.chapters.files.ChapterFiles;
import dev.podclip.chapters.notes.ShowNotes;
import dev.podclip.chapters.time.Durations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule that turns an episode into chapters, shared by the event consumer and the preview endpoint. Pure: same
 * input, same chapters.
 *
 * <p>Explicit chapters (a Podcasting 2.0 JSON document) win when they yield at least one chapter. Unreadable explicit
 * chapters do not lose the episode: the show notes are used instead and a warning says why.
 */
public final class ChapterComputation {

    /** The most characters of an engine error repeated in a fallback warning. */
    static final int MAX_REASON_CHARS = 300;

    private ChapterComputation() {
    }

    /** Chapters and where they came from. */
    public record Computed(ChapterList list, ChapterSource source) {
    }

    /**
     * The duration chapters are closed with: the measured {@code durationMs} when known, with the slack of the stated
     * text (a rounded {@code 49 min} lets chapters run a minute past it); the text alone when no number is known.
     */
    public static StatedDuration statedDuration(Long durationMs, String durationText) {
        Optional<StatedDuration> stated = Durations.parseHuman(durationText);
        if (durationMs == null) {
            return stated.orElse(null);
        }
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must be >= 0: " + durationMs);
        }
        long slackMs = stated.map(StatedDuration::slackMs).orElse(0L);
        return new StatedDuration(durationMs, slackMs, durationText);
    }

    /**
     * @throws ChapterEngineException when the show notes themselves cannot be read (too large)
     */
    public static Computed compute(String showNotes, String chaptersJson, StatedDuration duration) {
        Warning fallback = null;
        if (chaptersJson != null && !chaptersJson.isBlank()) {
            try {
                ChapterList explicit = ChapterFiles.readPodcastingJson(chaptersJson.getBytes(StandardCharsets.UTF_8),
                        duration, BoundaryPolicy.DEFAULTS);
                if (!explicit.isEmpty()) {
                    return new Computed(explicit, ChapterSource.EXPLICIT);
                }
                fallback = Warning.of(WarningCode.ENTRY_SKIPPED,
                        "explicit chapters hold no chapter; chapters taken from the show notes");
            } catch (ChapterEngineException e) {
                fallback = Warning.of(WarningCode.ENTRY_SKIPPED, "explicit chapters unreadable ("
                        + e.code().wireName() + ": " + cut(e.getMessage()) + "); chapters taken from the show notes");
            }
        }
        ChapterList fromNotes = ShowNotes.parseChapters(showNotes == null ? "" : showNotes, duration,
                BoundaryPolicy.DEFAULTS);
        if (fallback == null) {
            return new Computed(fromNotes, ChapterSource.NOTES);
        }
        List<Warning> warnings = new ArrayList<>(fromNotes.warnings().size() + 1);
        warnings.add(fallback);
        warnings.addAll(fromNotes.warnings());
        return new Computed(new ChapterList(fromNotes.chapters(), warnings, fromNotes.durationMs()), ChapterSource.NOTES);
    }

    private static String cut(String text) {
        if (text == null) {
            return "no detail";
        }
        return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS) + "…";
    }
}
