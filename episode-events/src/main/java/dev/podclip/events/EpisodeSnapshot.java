package dev.podclip.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An episode's full state at one version, with the show it belongs to.
 *
 * @param id           the episode's id
 * @param version      its version, from 1
 * @param guid         the feed's guid (unique per show)
 * @param slug         URL-safe name, unique per show
 * @param title        title
 * @param showNotes    show notes exactly as given (plain text or HTML), or null
 * @param publishedAt  publication time, or null for drafts
 * @param durationText the stated duration as written ({@code 1h 18m}), or null
 * @param durationMs   the stated duration's value, or null when unknown
 * @param audioUrl     the enclosure / media URL (http or https)
 * @param videoUrl     a video of the episode (YouTube or other), or null
 * @param pageUrl      the episode's web page, or null
 * @param chaptersJson explicit chapters as a Podcasting 2.0 JSON document, or null; they win over show notes
 * @param show         the show
 * @param transcript   the episode's transcript, or null
 */
public record EpisodeSnapshot(UUID id, long version, String guid, String slug, String title, String showNotes,
                              Instant publishedAt, String durationText, Long durationMs, String audioUrl,
                              String videoUrl, String pageUrl, String chaptersJson, ShowSnapshot show,
                              TranscriptSnapshot transcript) {

    public EpisodeSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(audioUrl, "audioUrl");
        Objects.requireNonNull(show, "show");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
        if (durationMs != null && durationMs < 0) {
            throw new IllegalArgumentException("durationMs must be >= 0: " + durationMs);
        }
    }
}
