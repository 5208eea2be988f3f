package dev.podclip.events;

import java.util.Objects;
import java.util.UUID;

/**
 * The show an episode belongs to, as of the event.
 *
 * @param id       the show's id
 * @param slug     URL-safe name, unique
 * @param title    title
 * @param author   author, or null
 * @param siteUrl  the show's web site, or null
 * @param imageUrl cover art, or null
 */
public record ShowSnapshot(UUID id, String slug, String title, String author, String siteUrl, String imageUrl) {

    public ShowSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
    }
}
