package dev.podclip.catalog.show;

import java.time.Instant;
import java.util.UUID;

/** A show as the API returns it. */
public record ShowView(UUID id, long version, String slug, String title, String author, String siteUrl,
                       String imageUrl, Instant createdAt, Instant updatedAt) {

    static ShowView of(Show show) {
        return new ShowView(show.id, show.version, show.slug, show.title, show.author, show.siteUrl, show.imageUrl,
                show.createdAt, show.updatedAt);
    }
}
