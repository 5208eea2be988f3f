package dev.podclip.clip.clips;

import dev.podclip.chapters.Chapter;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a clip needs to know about its episode, read from the read model at resolve time: clips store only their
 * times, so a changed episode (new chapters, new titles) shows up in every clip without rewriting them.
 *
 * @param episodeId      the episode
 * @param version        the read model's episode version
 * @param deleted        whether the catalog deleted the episode (its clips answer 410 Gone)
 * @param showTitle      the show's title (empty when deleted)
 * @param episodeTitle   the episode's title (empty when deleted)
 * @param audioUrl       the registered media URL (http or https), or null when deleted
 * @param videoUrl       a video of the episode, or null
 * @param pageUrl        the episode's web page, or null
 * @param durationMs     the stated duration, or null when unknown
 * @param durationSlackMs how far past {@code durationMs} the real end may lie because the stated value is rounded
 * @param chapters       the chapters in playing order, boundaries closed; never null
 * @param showImageUrl   cover art, or null
 */
public record EpisodeContext(UUID episodeId, long version, boolean deleted, String showTitle, String episodeTitle,
                             String audioUrl, String videoUrl, String pageUrl, Long durationMs, long durationSlackMs,
                             List<Chapter> chapters, String showImageUrl) {

    public EpisodeContext {
        Objects.requireNonNull(episodeId, "episodeId");
        showTitle = Objects.requireNonNullElse(showTitle, "");
        episodeTitle = Objects.requireNonNullElse(episodeTitle, "");
        chapters = chapters == null ? List.of() : List.copyOf(chapters);
        if (durationSlackMs < 0) {
            throw new IllegalArgumentException("negative slack " + durationSlackMs);
        }
        if (!deleted) {
            Objects.requireNonNull(audioUrl, "a live episode has a media URL");
        }
    }

    /** The end of the episode as far as it is known: the stated duration, else the last chapter's end, else null. */
    public Long knownEndMs() {
        if (durationMs != null) {
            return durationMs;
        }
        if (chapters.isEmpty()) {
            return null;
        }
        return chapters.get(chapters.size() - 1).endMs();
    }
}
