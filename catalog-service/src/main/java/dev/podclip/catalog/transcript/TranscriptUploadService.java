package dev.podclip.catalog.transcript;

import dev.podclip.catalog.episode.EpisodeInput;
import dev.podclip.catalog.episode.EpisodeService;
import dev.podclip.catalog.episode.EpisodeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Replaces or removes an episode's transcript through the episode's own update path, so it gets a new version and an
 * event like any other change. The episode is read and written in one transaction, and the version read goes along
 * as the body version: a concurrent change between the two makes the update refuse (409) instead of losing it.
 */
@ApplicationScoped
public class TranscriptUploadService {

    @Inject
    EpisodeService episodes;

    /** Validated text in; the updated episode out. */
    @Transactional
    public EpisodeView put(UUID id, String format, String text, String ifMatch) {
        return episodes.update(id, replaced(episodes.get(id), new EpisodeInput.TranscriptInput(format, text)),
                ifMatch);
    }

    @Transactional
    public EpisodeView delete(UUID id, String ifMatch) {
        return episodes.update(id, replaced(episodes.get(id), null), ifMatch);
    }

    /** The episode as an update input with every field as it is, except the transcript. */
    static EpisodeInput replaced(EpisodeView e, EpisodeInput.TranscriptInput transcript) {
        return new EpisodeInput(e.showId(), e.guid(), e.slug(), e.title(), e.showNotes(), e.publishedAt(),
                e.durationText(), e.audioUrl(), e.videoUrl(), e.pageUrl(), e.chaptersJson(), transcript, e.version());
    }
}
