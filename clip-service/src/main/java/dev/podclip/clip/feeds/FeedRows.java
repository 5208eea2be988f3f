package dev.podclip.clip.feeds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a show's feed is written from, read from the read model in one transaction. */
record FeedRows(String showSlug, String showTitle, List<Item> items) {

    /** @param guid the catalog's guid, or null when the read model has none (the writer then uses a podclip id) */
    record Item(UUID episodeId, String guid, String title, String showNotes, Instant publishedAt, String audioUrl,
                Long durationMs, boolean chapters, boolean transcript, List<Soundbite> soundbites) {
    }

    /** A featured clip. */
    record Soundbite(long startMs, long endMs, String title) {
    }
}
