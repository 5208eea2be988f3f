package dev.podclip.catalog.show;

import java.time.Instant;

/**
 * Fired, synchronously and inside the updating transaction, when a show's fields that episodes embed changed: every
 * episode of the show must be evented again with the new show (the episode feature observes it). An observer's
 * failure fails the update.
 *
 * @param show the show, locked FOR UPDATE, at its new version
 * @param at   the time of the change
 */
public record ShowChanged(Show show, Instant at) {
}
