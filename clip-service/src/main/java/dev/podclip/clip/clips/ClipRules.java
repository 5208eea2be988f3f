package dev.podclip.clip.clips;

import dev.podclip.chapters.Chapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Turns what a caller asked for (times in ms, times as text, or a chapter) into a valid {@link ClipRange} for an
 * episode, or throws the problem that names the broken rule. Pure: the episode context comes in as a value.
 */
public final class ClipRules {

    /**
     * Chapters are addressed by their index from 0 in links and requests, as the read model's
     * {@code /api/episodes/{id}/chapters} lists them.
     */
    public static final int FIRST_CHAPTER_INDEX = 0;

    private ClipRules() {
    }

    /**
     * What a caller gave; each bound may come as milliseconds or as text, or the whole range as a chapter.
     *
     * @param chapterIndex a chapter by index (from {@link #FIRST_CHAPTER_INDEX}), or null
     * @param chapterTitle  a chapter by title, or null
     */
    public record Ask(Long startMs, Long endMs, String start, String end, Integer chapterIndex, String chapterTitle) {

        public static Ask ofMs(long startMs, long endMs) {
            return new Ask(startMs, endMs, null, null, null, null);
        }

        public static Ask ofChapter(int chapterIndex) {
            return new Ask(null, null, null, null, chapterIndex, null);
        }

        boolean hasChapter() {
            return chapterIndex != null || chapterTitle != null;
        }

        boolean hasTimes() {
            return startMs != null || endMs != null || start != null || end != null;
        }
    }

    /** Resolves and validates; the result is a range every rule accepts. */
    public static ClipRange resolve(Ask ask, EpisodeContext episode, ClipsConfig limits) {
        long[] bounds = ask.hasChapter() ? chapterBounds(ask, episode) : timeBounds(ask);
        validate(bounds[0], bounds[1], episode, limits);
        return new ClipRange(bounds[0], bounds[1]);
    }

    /** Every range rule, in the order a person would fix them. */
    public static void validate(long startMs, long endMs, EpisodeContext episode, ClipsConfig limits) {
        if (startMs < 0) {
            throw ClipProblems.invalid(ClipProblems.NEGATIVE_START, "The clip starts before the episode: " + startMs
                    + " ms");
        }
        if (endMs <= startMs) {
            throw ClipProblems.invalid(ClipProblems.START_NOT_BEFORE_END, "The clip must start before it ends: start "
                    + startMs + " ms, end " + endMs + " ms").with("startMs", startMs).with("endMs", endMs);
        }
        if (episode.durationMs() != null && endMs > episode.durationMs() + episode.durationSlackMs()) {
            throw ClipProblems.invalid(ClipProblems.PAST_EPISODE_END, "The clip ends at " + ClipTimes.clock(endMs)
                            + ", after the episode's end at " + ClipTimes.clock(episode.durationMs())
                            + (episode.durationSlackMs() > 0 ? " (plus " + episode.durationSlackMs()
                            + " ms for the stated duration's rounding)" : ""))
                    .with("endMs", endMs).with("episodeDurationMs", episode.durationMs())
                    .with("slackMs", episode.durationSlackMs());
        }
        long lengthMs = endMs - startMs;
        if (lengthMs < limits.minLengthMs()) {
            throw ClipProblems.invalid(ClipProblems.TOO_SHORT, "A clip lasts at least " + limits.minLengthMs()
                    + " ms; this one lasts " + lengthMs + " ms").with("minLengthMs", limits.minLengthMs());
        }
        if (lengthMs > limits.maxLengthMs()) {
            throw ClipProblems.invalid(ClipProblems.TOO_LONG, "A clip lasts at most " + limits.maxLengthMs()
                    + " ms; this one lasts " + lengthMs + " ms").with("maxLengthMs", limits.maxLengthMs());
        }
    }

    /**
     * A title as stored: control characters dropped, whitespace collapsed, null when blank. Too long is an error
     * rather than a silent cut, so the caller sees what will be shown.
     */
    public static String cleanTitle(String title, ClipsConfig limits) {
        if (title == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(title.length(), limits.maxTitleChars() + 1));
        boolean space = false;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else if (!Character.isISOControl(c)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (out.length() == 0) {
            return null;
        }
        if (out.codePointCount(0, out.length()) > limits.maxTitleChars()) {
            throw ClipProblems.invalid(ClipProblems.TITLE_TOO_LONG, "A clip title has at most "
                    + limits.maxTitleChars() + " characters").with("maxTitleChars", limits.maxTitleChars());
        }
        return out.toString();
    }

    /** The chapter a request names, as its index in the list. */
    public static int chapterIndex(Ask ask, EpisodeContext episode) {
        List<Chapter> chapters = episode.chapters();
        if (ask.chapterIndex() != null) {
            int index = ask.chapterIndex() - FIRST_CHAPTER_INDEX;
            if (index < 0 || index >= chapters.size()) {
                throw ClipProblems.invalid(ClipProblems.UNKNOWN_CHAPTER, "The episode has " + chapters.size()
                        + " chapter(s), indexed from " + FIRST_CHAPTER_INDEX + "; there is no chapter "
                        + ask.chapterIndex()).with("chapterCount", chapters.size());
            }
            return index;
        }
        return indexByTitle(ask.chapterTitle(), chapters);
    }

    private static long[] chapterBounds(Ask ask, EpisodeContext episode) {
        if (ask.hasTimes() || (ask.chapterIndex() != null && ask.chapterTitle() != null)) {
            throw ClipProblems.invalid(ClipProblems.AMBIGUOUS_RANGE,
                    "Give either times or one chapter (by index or by title), not both");
        }
        int index = chapterIndex(ask, episode);
        Chapter chapter = episode.chapters().get(index);
        Long endMs = chapter.endMs() != null ? chapter.endMs() : episode.durationMs();
        if (endMs == null || endMs <= chapter.startMs()) {
            throw ClipProblems.invalid(ClipProblems.CHAPTER_END_UNKNOWN, "Chapter " + (index + FIRST_CHAPTER_INDEX)
                    + " is the last and the episode's length is unknown: give the clip's end as a time");
        }
        return new long[]{chapter.startMs(), endMs};
    }

    private static int indexByTitle(String wanted, List<Chapter> chapters) {
        String needle = normalize(wanted);
        if (needle.isEmpty()) {
            throw ClipProblems.invalid(ClipProblems.UNKNOWN_CHAPTER, "The chapter title is empty");
        }
        List<Integer> exact = new ArrayList<>();
        List<Integer> partial = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            String title = normalize(chapters.get(i).title());
            if (title.equals(needle)) {
                exact.add(i);
            } else if (title.contains(needle)) {
                partial.add(i);
            }
        }
        // An exact title wins over titles that merely contain it; two equal matches are ambiguous.
        List<Integer> matches = exact.isEmpty() ? partial : exact;
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw ClipProblems.invalid(ClipProblems.UNKNOWN_CHAPTER, "No chapter is titled \"" + wanted + "\"");
        }
        throw ClipProblems.invalid(ClipProblems.AMBIGUOUS_CHAPTER, matches.size() + " chapters match \"" + wanted
                        + "\": give its index instead")
                .with("chapterIndexes", matches.stream().map(i -> i + FIRST_CHAPTER_INDEX).toList());
    }

    private static long[] timeBounds(Ask ask) {
        if (ask.startMs() != null && ask.start() != null || ask.endMs() != null && ask.end() != null) {
            throw ClipProblems.invalid(ClipProblems.AMBIGUOUS_RANGE,
                    "Give each bound once: startMs or start, endMs or end");
        }
        long startMs = bound(ask.startMs(), ask.start(), "start");
        long endMs = bound(ask.endMs(), ask.end(), "end");
        return new long[]{startMs, endMs};
    }

    private static long bound(Long ms, String text, String name) {
        if (ms != null) {
            return ms;
        }
        if (text == null) {
            throw ClipProblems.invalid(ClipProblems.MISSING_RANGE, "The clip's " + name + " is missing: give "
                    + name + "Ms, " + name + " as text (12:53), or a chapter");
        }
        OptionalLong parsed = ClipTimes.parse(text);
        if (parsed.isEmpty()) {
            throw ClipProblems.invalid(ClipProblems.UNREADABLE_TIME, "Cannot read \"" + text + "\" as a time; write "
                    + "12:53, 1:02:01.5 or seconds (773.5)").with("field", name);
        }
        return parsed.getAsLong();
    }

    private static String normalize(String title) {
        return title == null ? "" : title.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
