package dev.podclip.clip.search;

import dev.podclip.clip.clips.ClipTimes;

import java.util.UUID;

/** The share link of a search hit: a window from a little before it to a while after, inside the episode. Pure. */
public final class ShareWindows {

    private ShareWindows() {
    }

    /** {@code [startMs, endMs)} of the window around a hit at {@code hitMs}; {@code durationMs} may be null. */
    public static long[] window(long hitMs, Long durationMs) {
        long startMs = Math.max(0, hitMs - SearchLimits.SHARE_BEFORE_MS);
        long endMs = hitMs + SearchLimits.SHARE_AFTER_MS;
        if (durationMs != null && durationMs > startMs) {
            endMs = Math.min(endMs, durationMs);
        }
        assert endMs > startMs;
        return new long[]{startMs, endMs};
    }

    /** {@code <base>/e/<id>?t=<start>,<end>} in seconds, S's stateless clip link. */
    public static String shareUrl(String baseUrl, UUID episodeId, long hitMs, Long durationMs) {
        long[] w = window(hitMs, durationMs);
        return baseUrl + "/e/" + episodeId + "?t=" + ClipTimes.seconds(w[0]) + "," + ClipTimes.seconds(w[1]);
    }

    /** The episode page, seeking to the hit. */
    public static String pageUrl(String baseUrl, UUID episodeId, long hitMs) {
        return baseUrl + "/episodes/" + episodeId + "?t=" + ClipTimes.seconds(hitMs);
    }
}
