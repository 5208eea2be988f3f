package dev.podclip.clip.clips;

import java.util.Optional;
import java.util.UUID;

/** Reads an episode's clip context from the read model. Empty when the read model never heard of the episode. */
public interface EpisodeContexts {

    Optional<EpisodeContext> find(UUID episodeId);
}
