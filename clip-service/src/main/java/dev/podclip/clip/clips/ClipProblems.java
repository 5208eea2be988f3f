package dev.podclip.clip.clips;

import dev.podclip.clip.problem.ClipServiceProblems;
import dev.podclip.support.problem.ProblemException;

/**
 * The problems clip requests answer. Every invalid clip is {@code invalid-clip} (400) with a {@code reason} member
 * naming the rule it broke, so clients can branch on it; docs/clips.md lists the reasons.
 */
public final class ClipProblems {

    public static final String MISSING_EPISODE = "missing-episode";
    public static final String MISSING_RANGE = "missing-range";
    public static final String AMBIGUOUS_RANGE = "ambiguous-range";
    public static final String UNREADABLE_TIME = "unreadable-time";
    public static final String NEGATIVE_START = "negative-start";
    public static final String START_NOT_BEFORE_END = "start-not-before-end";
    public static final String PAST_EPISODE_END = "past-episode-end";
    public static final String TOO_SHORT = "too-short";
    public static final String TOO_LONG = "too-long";
    public static final String UNKNOWN_CHAPTER = "unknown-chapter";
    public static final String AMBIGUOUS_CHAPTER = "ambiguous-chapter";
    public static final String CHAPTER_END_UNKNOWN = "chapter-end-unknown";
    public static final String TITLE_TOO_LONG = "title-too-long";

    private ClipProblems() {
    }

    public static ProblemException invalid(String reason, String detail) {
        return new ProblemException(ClipServiceProblems.INVALID_CLIP, detail).with("reason", reason);
    }

    public static ProblemException episodeNotFound(Object episodeId) {
        return ProblemException.notFound("Episode", episodeId);
    }

    public static ProblemException clipNotFound(String clipId) {
        return ProblemException.notFound("Clip", clipId);
    }

    /** The episode was deleted from the catalog: its clips are gone for good. */
    public static ProblemException gone(Object episodeId) {
        return new ProblemException(ClipServiceProblems.EPISODE_DELETED,
                "Episode " + episodeId + " was deleted, and with it every clip of it").with("episodeId",
                String.valueOf(episodeId));
    }
}
