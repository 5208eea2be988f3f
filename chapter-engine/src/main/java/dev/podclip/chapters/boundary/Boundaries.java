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

    /**
     * Warnings listed per code; past this, the rest of that code are counted in one summary warning. Keeps the
     * output (and the work of formatting messages) bounded when a huge input repeats one problem.
     */
    public static final int MAX_WARNINGS_PER_CODE = 100;

    private Boundaries() {
    }

    /**
     * @param marks    chapters as a source listed them (ends, if any, are checked against the starts and replaced)
     * @param duration the episode's duration, or null when unknown
     * @param policy   the rules, usually {@link BoundaryPolicy#DEFAULTS}
     */
    public static ChapterList close(List<Chapter> marks, StatedDuration duration, BoundaryPolicy policy) {
        BoundaryPolicy rules = policy == null ? BoundaryPolicy.DEFAULTS : policy;
        Warnings warnings = new Warnings();
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
            return ChapterList.empty(warnings.list(), duration == null ? null : duration.valueMs());
        }
        long firstStartMs = chapters.get(0).startMs();
        if (firstStartMs > 0) {
            warnings.lazy(WarningCode.NO_CHAPTER_AT_ZERO, 0, () -> "the first chapter starts at "
                    + Durations.formatClock(firstStartMs) + ", not at 0:00; nothing was added before it");
        }
        Long lastEndMs = lastEnd(chapters, duration, warnings);
        List<Chapter> closed = new ArrayList<>(chapters.size());
        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            int number = i + 1;
            Long endMs = i + 1 < chapters.size() ? Long.valueOf(chapters.get(i + 1).startMs()) : lastEndMs;
            if (chapter.endMs() != null && !Objects.equals(chapter.endMs(), endMs)) {
                warnings.lazy(WarningCode.END_TIME_MISMATCH, i, () -> "chapter " + number + " was given the end "
                        + Durations.formatClock(chapter.endMs()) + "; it ends where the next chapter starts ("
                        + (endMs == null ? "unknown" : Durations.formatClock(endMs)) + ")");
            }
            String title = cleanTitle(chapter.title());
            if (title.isEmpty()) {
                warnings.lazy(WarningCode.EMPTY_TITLE, i, () -> "chapter " + number + " has no title");
            }
            Chapter done = new Chapter(chapter.startMs(), endMs, title, chapter.url(), chapter.imageUrl(),
                    chapter.toc());
            if (endMs != null && done.durationMs() < rules.shortChapterMs()) {
                warnings.lazy(WarningCode.SHORT_CHAPTER, i, () -> "chapter " + number + " lasts "
                        + done.durationMs() / 1000.0 + " s, less than " + rules.shortChapterMs() / 1000.0 + " s");
            }
            closed.add(done);
        }
        if (closed.size() < rules.minimumChapters()) {
            warnings.add(Warning.of(WarningCode.FEWER_THAN_THREE, closed.size() + " chapter(s); YouTube, Spotify "
                    + "and Apple want at least " + rules.minimumChapters()));
        }
        return new ChapterList(closed, warnings.list(), lastEndMs);
    }

    /** Stable sort; one warning naming the first chapter found out of place. */
    private static void sortByStart(List<Chapter> chapters, Warnings warnings) {
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

    private static void dropDuplicates(List<Chapter> chapters, Warnings warnings) {
        List<Chapter> kept = new ArrayList<>(chapters.size());
        for (Chapter chapter : chapters) {
            if (!kept.isEmpty() && kept.get(kept.size() - 1).startMs() == chapter.startMs()) {
                warnings.lazy(WarningCode.DUPLICATE_START, kept.size() - 1, () -> "\"" + shorten(chapter.title())
                        + "\" starts at " + Durations.formatClock(chapter.startMs())
                        + " like the chapter before it; dropped");
                continue;
            }
            kept.add(chapter);
        }
        chapters.clear();
        chapters.addAll(kept);
    }

    /** The last chapter's end: the duration, value + slack, or null (unknown, or the duration is wrong). */
    private static Long lastEnd(List<Chapter> chapters, StatedDuration duration, Warnings warnings) {
        if (duration == null) {
            warnings.add(Warning.of(WarningCode.DURATION_UNKNOWN, "episode duration unknown; the last chapter's end "
                    + "is unknown"));
            return null;
        }
        boolean pastDuration = false;
        for (int i = 0; i < chapters.size(); i++) {
            long startMs = chapters.get(i).startMs();
            int number = i + 1;
            if (startMs > latestEndMs(duration)) {
                pastDuration = true;
                warnings.lazy(WarningCode.START_PAST_DURATION, i, () -> "chapter " + number + " starts at "
                        + Durations.formatClock(startMs) + ", past the stated duration " + duration
                        + (duration.slackMs() > 0 ? " (allowing " + duration.slackMs() / 1000 + " s of rounding)" : "")
                        + "; kept, and the last chapter's end is unknown");
            }
        }
        if (pastDuration) {
            return null;
        }
        long lastStartMs = chapters.get(chapters.size() - 1).startMs();
        return lastStartMs <= duration.valueMs() ? duration.valueMs() : latestEndMs(duration);
    }

    /** value + slack, saturating: a caller's absurd StatedDuration must not overflow into "everything is past". */
    private static long latestEndMs(StatedDuration duration) {
        return duration.valueMs() > Long.MAX_VALUE - duration.slackMs() ? Long.MAX_VALUE : duration.latestEndMs();
    }

    /** Collects warnings, at most {@link #MAX_WARNINGS_PER_CODE} of a code, the rest counted in a summary. */
    private static final class Warnings {
        private final List<Warning> listed = new ArrayList<>();
        private final java.util.EnumMap<WarningCode, Integer> counts = new java.util.EnumMap<>(WarningCode.class);

        /** Whether one more warning of this code will be listed (callers skip formatting the message if not). */
        boolean room(WarningCode code) {
            int count = counts.merge(code, 1, Integer::sum);
            return count <= MAX_WARNINGS_PER_CODE;
        }

        void lazy(WarningCode code, int index, java.util.function.Supplier<String> message) {
            if (room(code)) {
                listed.add(Warning.at(code, index, message.get()));
            }
        }

        void add(Warning warning) {
            if (room(warning.code())) {
                listed.add(warning);
            }
        }

        List<Warning> list() {
            List<Warning> all = new ArrayList<>(listed);
            counts.forEach((code, count) -> {
                if (count > MAX_WARNINGS_PER_CODE) {
                    all.add(Warning.of(code, (count - MAX_WARNINGS_PER_CODE) + " more " + code.wireName()
                            + " warnings not listed"));
                }
            });
            return all;
        }
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
