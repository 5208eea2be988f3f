package dev.podclip.clip.pages;

import dev.podclip.clip.clips.ClipProblems;
import dev.podclip.clip.clips.ClipRange;
import dev.podclip.clip.clips.ClipRules;
import dev.podclip.clip.clips.ClipTimes;
import dev.podclip.clip.clips.ClipsConfig;
import dev.podclip.clip.clips.EpisodeContext;
import dev.podclip.clip.pages.EpisodePage.ClipForm;
import dev.podclip.support.problem.ProblemException;

/**
 * The clip maker form's values as a clip request, and its mistakes in words. The range rules are the clip rules
 * ({@link ClipRules}), so every link the form makes opens a valid share page. Pure.
 */
final class ClipForms {

    /** Longest value refilled into the form: anything longer is no time or chapter anyway. */
    static final int MAX_REFILL_CHARS = 64;
    /** Longest chapter value read as a number. */
    private static final int MAX_CHAPTER_CHARS = 9;

    private ClipForms() {
    }

    /**
     * The request the form's values make: a chapter when one is chosen, else the two times as text (read by the
     * clip rules: 12:53, 1:02:01.5 or seconds). A blank field is a missing one; times and a chapter together are
     * ambiguous, as in the API.
     *
     * @throws ProblemException invalid-clip {@code unknown-chapter} for a chapter that is not a number
     */
    static ClipRules.Ask ask(String start, String end, String chapter) {
        Integer chapterIndex = null;
        if (!blank(chapter)) {
            String c = chapter.strip();
            if (c.length() > MAX_CHAPTER_CHARS || !c.matches("-?\\d+")) {
                throw ClipProblems.invalid(ClipProblems.UNKNOWN_CHAPTER, "Cannot read \"" + cut(c)
                        + "\" as a chapter's number (from " + ClipRules.FIRST_CHAPTER_INDEX + ")");
            }
            chapterIndex = Integer.valueOf(c);
        }
        return new ClipRules.Ask(null, null, blank(start) ? null : start.strip(), blank(end) ? null : end.strip(),
                chapterIndex, null);
    }

    /** The clip a chapter's range makes, or null when the rules refuse it (too long, end unknown, too short). */
    static ClipRange chapterRange(int index, EpisodeContext episode, ClipsConfig limits) {
        try {
            return ClipRules.resolve(ClipRules.Ask.ofChapter(index + ClipRules.FIRST_CHAPTER_INDEX), episode, limits);
        } catch (ProblemException refused) {
            return null;
        }
    }

    /** The form refilled with what was sent, and what was wrong with it. */
    static ClipForm refilled(String action, String start, String end, String chapter, ProblemException problem,
                             ClipsConfig limits) {
        return new ClipForm(action, cut(start), cut(end), cut(chapter), words(problem, limits), problem.getMessage());
    }

    /** What a person should change, by the rule the range broke. */
    static String words(ProblemException problem, ClipsConfig limits) {
        Object reason = problem.extensions().get("reason");
        return switch (reason == null ? "" : reason.toString()) {
            case ClipProblems.MISSING_RANGE -> "Give both a start and an end, or pick a chapter.";
            case ClipProblems.AMBIGUOUS_RANGE -> "Give a start and an end, or pick a chapter, not both.";
            case ClipProblems.UNREADABLE_TIME -> "The " + problem.extensions().getOrDefault("field", "time")
                    + " is not a time: write it as 12:53, 1:02:01 or a number of seconds.";
            case ClipProblems.NEGATIVE_START -> "The clip cannot start before the episode.";
            case ClipProblems.START_NOT_BEFORE_END -> "The end must come after the start.";
            case ClipProblems.PAST_EPISODE_END -> "The clip ends after the episode does.";
            case ClipProblems.TOO_SHORT -> "A clip lasts at least " + ClipTimes.length(limits.minLengthMs()) + ".";
            case ClipProblems.TOO_LONG -> "A clip lasts at most " + ClipTimes.length(limits.maxLengthMs()) + ".";
            case ClipProblems.UNKNOWN_CHAPTER -> "There is no such chapter.";
            case ClipProblems.CHAPTER_END_UNKNOWN -> "That chapter's end is unknown: give the clip's times instead.";
            default -> problem.title() + ".";
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= MAX_REFILL_CHARS ? s : s.substring(0, MAX_REFILL_CHARS);
    }
}
