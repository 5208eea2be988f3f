package dev.podclip.chapters.boundary;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Limits;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import dev.podclip.chapters.time.Durations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Closes chapter marks into a {@link ChapterList}: orders them, settles duplicates, ends each where the next starts
 * and the last at the duration, and warns about everything odd. The one place these rules live: show notes, chapter
 * files and the services all come through here.
 *
 * <p>Policies (docs/engine/show-notes.md, "Boundary rules"):
 * <ul>
 *   <li>out of order: sorted by start (stable), one {@code out-of-order} warning;</li>
 *   <li>same start twice: the first listed is kept, later ones dropped, {@code duplicate-start} each;</li>
 *   <li>more than {@code maxChapters}: the first ones kept, {@code too-many-chapters};</li>
 *   <li>no chapter at 0: kept as listed (no chapter invented), {@code no-chapter-at-zero};</li>
 *   <li>a start past the stated duration plus its rounding slack: the stated duration is wrong, not the chapter;
 *       the chapter is kept, {@code start-past-duration} each, and the last chapter's end is unknown (null);</li>
 *   <li>the last start past the stated value but inside the slack: the last chapter ends at value + slack;</li>
 *   <li>duration unknown: the last end is null, {@code duration-unknown};</li>
 *   <li>a given end that differs from the computed one: replaced, {@code end-time-mismatch};</li>
 *   <li>shorter than {@code shortChapterMs}: kept, {@code short-chapter} each;</li>
 *   <li>an empty title: kept, {@code empty-title} each;</li>
 *   <li>fewer than {@code minimumChapters} (but some): {@code fewer-than-three}; none: {@code no-chapters}.</li>
 * </ul>
 */
public final class Boundaries {

    private Boundaries() {
    }

    /**
     * @param marks    chapters as a source listed them (ends, if any, are checked against the starts and replaced)
     * @param duration the episode's duration, or null when unknown
     * @param policy   the rules, usually {@link BoundaryPolicy#DEFAULTS}
     */
    public static ChapterList close(List<Chapter> marks, StatedDuration duration, BoundaryPolicy policy) {
        BoundaryPolicy rules = policy == null ? BoundaryPolicy.DEFAULTS : policy;
        List<Warning> warnings = new ArrayList<>();
        List<Chapter> chapters = new ArrayList<>();
        if (marks != null) {
            for (Chapter mark : marks) {
                if (mark != null) {
                    chapters.add(mark.withStartMs(Math.min(mark.startMs(), Limits.MAX_TIME_MS)));
                }
            }
        }
        sortByStart(chapters, warnings);
        dropDuplicates(chapters, warnings);
        if (chapters.size() > rules.maxChapters()) {
            warnings.add(Warning.of(WarningCode.TOO_MANY_CHAPTERS, chapters.size() + " chapters; kept the first "
                    + rules.maxChapters()));
            chapters = new ArrayList<>(chapters.subList(0, rules.maxChapters()));
        }
        if (chapters.isEmpty()) {
            warnings.add(Warning.of(WarningCode.NO_CHAPTERS, "no chapters"));
            if (duration == null) {
                warnings.add(Warning.of(WarningCode.DURATION_UNKNOWN, "episode duration unknown"));
            }
            return ChapterList.empty(warnings, duration == null ? null : duration.valueMs());
        }
        if (chapters.get(0).startMs() > 0) {
            warnings.add(Warning.at(WarningCode.NO_CHAPTER_AT_ZERO, 0, "the first chapter starts at "
                    + Durations.formatClock(chapters.get(0).startMs()) + ", not at 0:00; nothing was added before it"));
        }
        Long lastEndMs = lastEnd(chapters, duration, warnings);
        List<Chapter> closed = new ArrayList<>(chapters.size());
        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            Long endMs = i + 1 < chapters.size() ? Long.valueOf(chapters.get(i + 1).startMs()) : lastEndMs;
            if (chapter.endMs() != null && !Objects.equals(chapter.endMs(), endMs)) {
                warnings.add(Warning.at(WarningCode.END_TIME_MISMATCH, i, "chapter " + (i + 1) + " was given the end "
                        + Durations.formatClock(chapter.endMs()) + "; it ends where the next chapter starts ("
                        + (endMs == null ? "unknown" : Durations.formatClock(endMs)) + ")"));
            }
            String title = cleanTitle(chapter.title());
            if (title.isEmpty()) {
                warnings.add(Warning.at(WarningCode.EMPTY_TITLE, i, "chapter " + (i + 1) + " has no title"));
            }
            Chapter done = new Chapter(chapter.startMs(), endMs, title, chapter.url(), chapter.imageUrl(),
                    chapter.toc());
            if (endMs != null && done.durationMs() < rules.shortChapterMs()) {
                warnings.add(Warning.at(WarningCode.SHORT_CHAPTER, i, "chapter " + (i + 1) + " lasts "
                        + done.durationMs() / 1000.0 + " s, less than " + rules.shortChapterMs() / 1000.0 + " s"));
            }
            closed.add(done);
        }
        if (closed.size() < rules.minimumChapters()) {
            warnings.add(Warning.of(WarningCode.FEWER_THAN_THREE, closed.size() + " chapter(s); YouTube, Spotify "
                    + "and Apple want at least " + rules.minimumChapters()));
        }
        return new ChapterList(closed, warnings, lastEndMs);
    }

    /** Stable sort; one warning naming the first chapter found out of place. */
    private static void sortByStart(List<Chapter> chapters, List<Warning> warnings) {
        for (int i = 1; i < chapters.size(); i++) {
            if (chapters.get(i).startMs() < chapters.get(i - 1).startMs()) {
                warnings.add(Warning.of(WarningCode.OUT_OF_ORDER, "chapter " + (i + 1) + " (\""
                        + shorten(chapters.get(i).title()) + "\" at " + Durations.formatClock(chapters.get(i).startMs())
                        + ") starts before the one listed above it; chapters were sorted by start"));
                chapters.sort(Comparator.comparingLong(Chapter::startMs));
                return;
            }
        }
    }

    private static void dropDuplicates(List<Chapter> chapters, List<Warning> warnings) {
        List<Chapter> kept = new ArrayList<>(chapters.size());
        for (Chapter chapter : chapters) {
            if (!kept.isEmpty() && kept.get(kept.size() - 1).startMs() == chapter.startMs()) {
                warnings.add(Warning.at(WarningCode.DUPLICATE_START, kept.size() - 1, "\"" + shorten(chapter.title())
                        + "\" starts at " + Durations.formatClock(chapter.startMs())
                        + " like the chapter before it; dropped"));
                continue;
            }
            kept.add(chapter);
        }
        chapters.clear();
        chapters.addAll(kept);
    }

    /** The last chapter's end: the duration, value + slack, or null (unknown, or the duration is wrong). */
    private static Long lastEnd(List<Chapter> chapters, StatedDuration duration, List<Warning> warnings) {
        if (duration == null) {
            warnings.add(Warning.of(WarningCode.DURATION_UNKNOWN, "episode duration unknown; the last chapter's end "
                    + "is unknown"));
            return null;
        }
        boolean pastDuration = false;
        for (int i = 0; i < chapters.size(); i++) {
            long startMs = chapters.get(i).startMs();
            if (startMs > duration.latestEndMs()) {
                pastDuration = true;
                warnings.add(Warning.at(WarningCode.START_PAST_DURATION, i, "chapter " + (i + 1) + " starts at "
                        + Durations.formatClock(startMs) + ", past the stated duration " + duration
                        + (duration.slackMs() > 0 ? " (allowing " + duration.slackMs() / 1000 + " s of rounding)" : "")
                        + "; kept, and the last chapter's end is unknown"));
            }
        }
        if (pastDuration) {
            return null;
        }
        long lastStartMs = chapters.get(chapters.size() - 1).startMs();
        return lastStartMs <= duration.valueMs() ? duration.valueMs() : duration.latestEndMs();
    }

    /** Whitespace collapsed, trimmed, cut at {@link Limits#MAX_TITLE_CHARS} on a code point boundary. */
    public static String cleanTitle(String title) {
        if (title == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(title.length(), Limits.MAX_TITLE_CHARS));
        boolean space = false;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
            if (out.length() >= Limits.MAX_TITLE_CHARS + 1) {
                break;
            }
        }
        if (out.length() > Limits.MAX_TITLE_CHARS) {
            int cut = Limits.MAX_TITLE_CHARS;
            if (Character.isLowSurrogate(out.charAt(cut)) && Character.isHighSurrogate(out.charAt(cut - 1))) {
                cut--;
            }
            out.setLength(cut);
        }
        return out.toString();
    }

    private static String shorten(String title) {
        String clean = cleanTitle(title);
        if (clean.length() <= 60) {
            return clean;
        }
        int cut = Character.isHighSurrogate(clean.charAt(56)) ? 56 : 57;
        return clean.substring(0, cut) + "...";
    }
}
