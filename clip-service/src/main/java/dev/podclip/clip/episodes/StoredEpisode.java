package dev.podclip.clip.episodes;

import java.time.Instant;
import java.util.UUID;

/**
 * An episode as the read model keeps it ({@code clip_episode}): the snapshot fields later features need, at
 * {@code version}. A deleted episode keeps its row ({@link #tombstone}) so older upserts cannot bring it back.
 *
 * @param guid           the catalog's guid (a source feed's, or an editor's); null when deleted or from before V301
 * @param chaptersSource {@code explicit} or {@code notes}; null when deleted
 * @param showImageUrl   the show's cover art (the snapshot's), for clip videos; null when deleted, unknown, or from
 *                       before V320
 */
public record StoredEpisode(UUID episodeId, long version, boolean deleted, UUID showId, String showSlug,
                            String showTitle, String title, String slug, String guid, String audioUrl,
                            String videoUrl, String pageUrl, Instant publishedAt, String durationText,
                            Long durationMs, String showNotes, String chaptersSource, int chapterCount, UUID eventId,
                            Instant occurredAt, Instant updatedAt, String showImageUrl) {

    /** The row a delete leaves: the version and the event that made it, every snapshot field cleared. */
    public static StoredEpisode tombstone(UUID episodeId, long version, UUID eventId, Instant occurredAt,
                                          Instant updatedAt) {
        return new StoredEpisode(episodeId, version, true, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, 0, eventId, occurredAt, updatedAt, null);
    }
}
