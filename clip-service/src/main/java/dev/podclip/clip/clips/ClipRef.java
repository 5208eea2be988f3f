package dev.podclip.clip.clips;

import java.util.Objects;
import java.util.UUID;

/**
 * How a clip is addressed: a stored clip by id, or a stateless link that carries its own range or chapter. Doubles
 * as the hot-path cache key, so equal links share one cache entry.
 *
 * @param clipId        the stored clip's id, or null for stateless links
 * @param episodeId     the episode of a stateless link, or null for stored clips (known only after the lookup)
 * @param startMs       a stateless range's start, or -1
 * @param endMs         a stateless range's end, or -1
 * @param chapterIndex a stateless chapter link's chapter index, or -1
 */
public record ClipRef(String clipId, UUID episodeId, long startMs, long endMs, int chapterIndex) {

    public ClipRef {
        int kinds = (clipId != null ? 1 : 0) + (chapterIndex >= 0 ? 1 : 0) + (startMs >= 0 ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("a clip ref is exactly one of id, range or chapter");
        }
        if ((clipId == null) == (episodeId == null)) {
            throw new IllegalArgumentException("a stored clip ref has no episode; a stateless one has one");
        }
    }

    public static ClipRef stored(String clipId) {
        return new ClipRef(Objects.requireNonNull(clipId), null, -1, -1, -1);
    }

    public static ClipRef range(UUID episodeId, long startMs, long endMs) {
        if (startMs < 0 || endMs < 0) {
            throw new IllegalArgumentException("negative time");
        }
        return new ClipRef(null, Objects.requireNonNull(episodeId), startMs, endMs, -1);
    }

    public static ClipRef chapter(UUID episodeId, int chapterIndex) {
        if (chapterIndex < ClipRules.FIRST_CHAPTER_INDEX) {
            throw new IllegalArgumentException("chapter indexes start at " + ClipRules.FIRST_CHAPTER_INDEX);
        }
        return new ClipRef(null, Objects.requireNonNull(episodeId), -1, -1, chapterIndex);
    }

    public boolean isStored() {
        return clipId != null;
    }

    /** The path of the share page, without query. */
    public String path() {
        if (clipId != null) {
            return "/c/" + clipId;
        }
        if (chapterIndex >= 0) {
            return "/e/" + episodeId + "/chapters/" + chapterIndex;
        }
        return "/e/" + episodeId;
    }

    /** The query a stateless range link carries ({@code ?t=773,1347}), or empty. */
    public String query() {
        if (clipId == null && chapterIndex < 0) {
            return "?t=" + ClipTimes.seconds(startMs) + "," + ClipTimes.seconds(endMs);
        }
        return "";
    }

    public String shareUrl(String baseUrl) {
        return baseUrl + path() + query();
    }

    public String embedUrl(String baseUrl) {
        return baseUrl + path() + "/embed" + query();
    }

    public String playUrl(String baseUrl) {
        return baseUrl + path() + "/play" + query();
    }

    /**
     * The clip's own media file ({@code .mp3}, {@code .m4a}, {@code .mp4}): a stored clip's id, else the episode with the resolved
     * range (a chapter link names its chapter's times, so the file is the same whichever link asked).
     */
    public String audioFileUrl(String baseUrl, ClipRange range, String extension) {
        if (clipId != null) {
            return baseUrl + "/c/" + clipId + "." + extension;
        }
        return baseUrl + "/e/" + episodeId + "." + extension + "?t=" + ClipTimes.seconds(range.startMs()) + ","
                + ClipTimes.seconds(range.endMs());
    }
}
