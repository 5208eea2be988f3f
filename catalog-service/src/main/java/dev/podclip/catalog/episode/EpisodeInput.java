package dev.podclip.catalog.episode;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.podclip.catalog.common.CatalogLimits;
import dev.podclip.catalog.common.HttpUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * An episode as clients write it: on create, or as a full replacement on update.
 *
 * @param showId       the show (required on create; on update it must be absent or unchanged)
 * @param showNotes    kept byte for byte
 * @param durationText the stated duration as written ({@code 1h 18m}); also accepted as {@code duration}
 * @param chaptersJson explicit chapters, a Podcasting 2.0 JSON document, as text
 * @param version      on update, the version the client read (or send If-Match); ignored on create
 */
public record EpisodeInput(
        UUID showId,
        @NotBlank @Size(max = CatalogLimits.GUID_MAX_CHARS) String guid,
        @NotBlank @Size(max = CatalogLimits.SLUG_MAX_CHARS) @Pattern(regexp = CatalogLimits.SLUG_PATTERN,
                message = "must be lower-case words joined by hyphens") String slug,
        @NotBlank @Size(max = CatalogLimits.TITLE_MAX_CHARS) String title,
        @Size(max = CatalogLimits.SHOW_NOTES_MAX_CHARS) String showNotes,
        Instant publishedAt,
        @JsonAlias("duration") @Size(max = CatalogLimits.DURATION_TEXT_MAX_CHARS) String durationText,
        @NotNull @HttpUrl String audioUrl,
        @HttpUrl String videoUrl,
        @HttpUrl String pageUrl,
        @Size(max = CatalogLimits.CHAPTERS_JSON_MAX_CHARS) String chaptersJson,
        @Valid TranscriptInput transcript,
        @Positive Long version) {

    /** A transcript file, decoded to text. */
    public record TranscriptInput(
            @NotNull @Pattern(regexp = CatalogLimits.TRANSCRIPT_FORMAT_PATTERN,
                    message = "must be vtt, srt, json or html") String format,
            @NotNull @Size(max = CatalogLimits.TRANSCRIPT_MAX_CHARS) String body) {
    }
}
