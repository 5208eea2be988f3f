package dev.podclip.clip.transcripts;

import dev.podclip.chapters.Cue;
import dev.podclip.chapters.transcript.Transcripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The transcript API's JSON shapes and its text renderings. Pure. */
public final class TranscriptViews {

    private TranscriptViews() {
    }

    /** One cue as clients see it. */
    public record CueView(long startMs, long endMs, String speaker, String text) {

        Cue toCue() {
            return new Cue(startMs, endMs, text, speaker);
        }
    }

    /**
     * A chapter and its cues. {@code index} and {@code title} are null for the one section of an episode without
     * chapters.
     */
    public record SectionView(Integer index, String title, long startMs, Long endMs, List<CueView> cues) {

        public SectionView {
            cues = List.copyOf(cues);
        }
    }

    /** The whole transcript, sectioned by the chapters of {@code version}. */
    public record TranscriptView(UUID episodeId, long version, String title, String format,
                                 List<SectionView> chapters) {

        public TranscriptView {
            chapters = List.copyOf(chapters);
        }

    }

    /** A chapter's transcript on its own. */
    public record ChapterTranscriptView(UUID episodeId, long version, int index, String title, long startMs,
                                        Long endMs, List<CueView> cues) {

        public ChapterTranscriptView {
            cues = List.copyOf(cues);
        }
    }

    /** A chapter as sections need it. */
    public record ChapterHead(int index, String title, long startMs, Long endMs) {
    }

    /** A stored cue and the chapter it was assigned to (null: the episode had no chapters). */
    public record StoredCue(CueView cue, Integer chapterIndex) {
    }

    /** The cues into one section per chapter (or one untitled section when there are no chapters). */
    public static List<SectionView> sections(List<ChapterHead> chapters, List<StoredCue> cues, Long durationMs) {
        if (chapters.isEmpty()) {
            return List.of(new SectionView(null, null, 0, durationMs, cues.stream().map(StoredCue::cue).toList()));
        }
        List<List<CueView>> buckets = new ArrayList<>(chapters.size());
        chapters.forEach(c -> buckets.add(new ArrayList<>()));
        for (StoredCue cue : cues) {
            // A stored index past the list cannot happen (both are written together); clamp rather than lose a cue.
            int index = cue.chapterIndex() == null ? 0 : Math.min(cue.chapterIndex(), chapters.size() - 1);
            buckets.get(index).add(cue.cue());
        }
        List<SectionView> sections = new ArrayList<>(chapters.size());
        for (int i = 0; i < chapters.size(); i++) {
            ChapterHead c = chapters.get(i);
            sections.add(new SectionView(c.index(), c.title(), c.startMs(), c.endMs(), buckets.get(i)));
        }
        return sections;
    }

    /** Every cue of the transcript in transcript order (the chapter of a cue only grows along it). */
    public static List<CueView> cuesOf(TranscriptView transcript) {
        return transcript.chapters().stream().flatMap(s -> s.cues().stream()).toList();
    }

    public static String vtt(List<CueView> cues) {
        return Transcripts.writeVtt(cues.stream().map(CueView::toCue).toList());
    }

    public static String srt(List<CueView> cues) {
        return Transcripts.writeSrt(cues.stream().map(CueView::toCue).toList());
    }

    /** Plain text for reading: each chapter as a heading with its start, then one line per cue. */
    public static String txt(List<SectionView> sections) {
        StringBuilder out = new StringBuilder();
        for (SectionView section : sections) {
            if (section.title() != null) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append("# ").append(clock(section.startMs())).append(' ').append(section.title()).append("\n\n");
            }
            for (CueView cue : section.cues()) {
                out.append('[').append(clock(cue.startMs())).append("] ");
                if (cue.speaker() != null && !cue.speaker().isBlank()) {
                    out.append(cue.speaker()).append(": ");
                }
                out.append(cue.text().replace('\n', ' ')).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code 12:05}, or {@code 1:02:05} from an hour on. */
    public static String clock(long ms) {
        long totalSeconds = ms / 1000;
        long hours = totalSeconds / 3600;
        long minutes = totalSeconds / 60 % 60;
        long seconds = totalSeconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds)
                : String.format(Locale.ROOT, "%02d:%02d", minutes, seconds);
    }
}
