package dev.podclip.clip.clips;

import java.util.UUID;

/**
 * A clip reference resolved against the read model: a live clip, or a clip whose episode was deleted.
 *
 * @param episodeId      the clip's episode
 * @param episodeVersion the read model's episode version it was resolved at (for cache freshness)
 * @param view           the clip, or null when the episode is gone
 * @param episode        the episode context it was resolved against (chapters for the timeline)
 */
public record Resolved(UUID episodeId, long episodeVersion, ClipView view, EpisodeContext episode) {

    public boolean gone() {
        return view == null;
    }
}
