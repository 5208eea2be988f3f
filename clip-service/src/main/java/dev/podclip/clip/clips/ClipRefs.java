package dev.podclip.clip.clips;

import java.util.UUID;

/** Clip references read from a public URL's path and query, each refusal a problem (404 or 400). Pure. */
public final class ClipRefs {

    private ClipRefs() {
    }

    public static ClipRef stored(String id) {
        if (!ClipIds.isWellFormed(id)) {
            throw ClipProblems.clipNotFound(id);
        }
        return ClipRef.stored(id);
    }

    public static ClipRef range(String episodeId, String t) {
        UUID episode = episode(episodeId);
        if (t == null || t.isBlank()) {
            throw ClipProblems.invalid(ClipProblems.MISSING_RANGE, "A clip link needs t=start,end (seconds or "
                    + "12:53), or /chapters/{index}");
        }
        long[] bounds = ClipTimes.parsePair(t);
        if (bounds == null) {
            throw ClipProblems.invalid(ClipProblems.UNREADABLE_TIME, "Cannot read t=" + t + " as start,end; write "
                    + "t=773,1347 or t=12:53,22:27");
        }
        return ClipRef.range(episode, bounds[0], bounds[1]);
    }

    public static ClipRef chapter(String episodeId, String index) {
        UUID episode = episode(episodeId);
        if (index == null || !index.matches("\\d{1,4}")) {
            throw ClipProblems.invalid(ClipProblems.UNKNOWN_CHAPTER, "A chapter index is a whole number from 0");
        }
        return ClipRef.chapter(episode, Integer.parseInt(index));
    }

    public static UUID episode(String episodeId) {
        try {
            return UUID.fromString(episodeId);
        } catch (IllegalArgumentException e) {
            throw ClipProblems.episodeNotFound(episodeId);
        }
    }
}
