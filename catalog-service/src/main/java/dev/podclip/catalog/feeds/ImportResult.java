package dev.podclip.catalog.feeds;

import java.util.List;
import java.util.UUID;

/**
 * What one import did.
 *
 * @param itemsSeen       items in the feed
 * @param itemsChanged    items whose content differed from the last import (their attachments were fetched)
 * @param episodesWritten episodes created or updated (each one version, one event)
 */
public record ImportResult(UUID feedId, UUID showId, String showSlug, boolean notModified, int itemsSeen,
                           int itemsChanged, int episodesWritten, List<String> warnings) {
}
