package dev.podclip.catalog.feeds;

import java.time.Instant;
import java.util.UUID;

/**
 * A feed as the API shows it.
 *
 * @param itemsSeen       items in the feed at the last successful fetch
 * @param episodesWritten episodes created or changed by the last successful fetch
 */
public record FeedView(UUID id, String url, UUID showId, String lastStatus, String lastError, Instant lastFetchedAt,
                       int itemsSeen, int episodesWritten, Instant nextPollAt) {

    static FeedView of(Feed feed) {
        return new FeedView(feed.id, feed.url, feed.showId, feed.lastStatus, feed.lastError, feed.lastFetchedAt,
                feed.itemsSeen, feed.episodesWritten, feed.nextPollAt);
    }
}
