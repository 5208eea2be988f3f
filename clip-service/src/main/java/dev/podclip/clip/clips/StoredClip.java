package dev.podclip.clip.clips;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored clip ({@code clip_clip}): an episode, a range and an optional title. Its times never change; its context
 * is read at resolve time.
 *
 * @param episodeVersion the episode version the clip was made against, for audits; views use the current version
 * @param featured       whether an editor features it in its show's feed
 */
public record StoredClip(String id, UUID episodeId, String title, long startMs, long endMs, long episodeVersion,
                         String createdBy, Instant createdAt, boolean featured) {
}
