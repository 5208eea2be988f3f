package dev.podclip.catalog.show;

import dev.podclip.catalog.common.CatalogLimits;
import dev.podclip.catalog.common.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A show as clients write it (create, or full replacement on update).
 *
 * @param version on update, the version the client read (or send If-Match); ignored on create
 */
public record ShowInput(
        @NotBlank @Size(max = CatalogLimits.SLUG_MAX_CHARS) @Pattern(regexp = CatalogLimits.SLUG_PATTERN,
                message = "must be lower-case words joined by hyphens") String slug,
        @NotBlank @Size(max = CatalogLimits.TITLE_MAX_CHARS) String title,
        @Size(max = CatalogLimits.AUTHOR_MAX_CHARS) String author,
        @HttpUrl String siteUrl,
        @HttpUrl String imageUrl,
        @Positive Long version) {
}
