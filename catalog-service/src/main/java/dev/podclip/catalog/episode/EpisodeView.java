package dev.podclip.catalog.episode;

import java.time.Instant;
import java.util.UUID;

/** An episode as the API returns it; the transcript body is served separately. */
public record EpisodeView(UUID id, UUID showId, long version, String guid, String slug, String title,
                          String showNotes, Instant publishedAt, String durationText, Long durationMs,
                          String audioUrl, String videoUrl, String pageUrl, String chaptersJson,
                          TranscriptView transcript, Instant createdAt, Instant updatedAt) {

    /** @param chars the body's length in UTF-16 characters */
    public record TranscriptView(String format, String sha256, int chars) {
    }

    static EpisodeView of(Episode e) {
        TranscriptView transcript = e.transcriptChars == null ? null
                : new TranscriptView(e.transcriptFormat, e.transcriptSha256, e.transcriptChars);
        return new EpisodeView(e.id, e.show.id, e.version, e.guid, e.slug, e.title, e.showNotes, e.publishedAt,
                e.durationText, e.durationMs, e.audioUrl, e.videoUrl, e.pageUrl, e.chaptersJson, transcript,
                e.createdAt, e.updatedAt);
    }
}
