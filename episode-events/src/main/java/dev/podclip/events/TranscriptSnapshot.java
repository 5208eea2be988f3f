package dev.podclip.events;

import java.util.Objects;

/**
 * An episode's transcript file as the catalog stored it. The body travels in the event so that the compacted topic
 * alone can rebuild every consumer; its size is bounded by the catalog's transcript limit.
 *
 * @param format      {@code vtt}, {@code srt}, {@code json} or {@code html}
 * @param body        the file, decoded to text
 * @param sha256      hex SHA-256 of {@code body} in UTF-8, so consumers can skip unchanged transcripts
 */
public record TranscriptSnapshot(String format, String body, String sha256) {

    public TranscriptSnapshot {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sha256, "sha256");
    }
}
