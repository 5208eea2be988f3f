package dev.podclip.clip.clips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/** Creates stored clips and resolves any clip reference against the current read model. */
@ApplicationScoped
public class ClipService {

    /** Longest creator name kept (the JWT subject). */
    static final int MAX_CREATOR_CHARS = 200;

    private final ClipRepository clips;
    private final EpisodeContexts episodes;
    private final ClipsConfig limits;
    private final PublicBaseUrl publicBaseUrl;
    private final ClipIds ids = new ClipIds(new SecureRandom());
    private final Clock clock = Clock.systemUTC();

    @Inject
    public ClipService(ClipRepository clips, EpisodeContexts episodes, ClipsConfig limits, PublicBaseUrl publicBaseUrl) {
        this.clips = clips;
        this.episodes = episodes;
        this.limits = limits;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Transactional
    public ClipView create(CreateClipRequest request, String createdBy) {
        if (request == null || request.episodeId() == null) {
            throw ClipProblems.invalid(ClipProblems.MISSING_EPISODE, "episodeId is required");
        }
        String title = ClipRules.cleanTitle(request.title(), limits);
        ClipRules.Ask ask = request.ask();
        EpisodeContext episode = episodes.find(request.episodeId())
                .orElseThrow(() -> ClipProblems.episodeNotFound(request.episodeId()));
        if (episode.deleted()) {
            throw ClipProblems.gone(episode.episodeId());
        }
        ClipRange range = ClipRules.resolve(ask, episode, limits);
        if (title == null && ask.hasChapter()) {
            // A clip made from a chapter is called after it unless the caller named it.
            title = episode.chapters().get(ClipRules.chapterIndex(ask, episode)).title();
        }
        ClipEntity clip = new ClipEntity();
        clip.id = ids.nextFree(clips::exists, limits.maxIdAttempts());
        clip.episodeId = episode.episodeId();
        clip.title = title;
        clip.startMs = range.startMs();
        clip.endMs = range.endMs();
        clip.episodeVersion = episode.version();
        clip.createdBy = createdBy.length() > MAX_CREATOR_CHARS ? createdBy.substring(0, MAX_CREATOR_CHARS)
                : createdBy;
        clip.createdAt = Instant.now(clock);
        clips.persist(clip);
        return ClipView.of(ClipRef.stored(clip.id), baseUrl(), title, range, episode);
    }

    /**
     * The clip a reference names, with its episode's current context. Stored clips keep their times even if the
     * episode changed since; stateless links are validated like new clips.
     */
    @Transactional
    public Resolved resolve(ClipRef ref) {
        if (ref.isStored()) {
            return resolveStored(ref);
        }
        EpisodeContext episode = episodes.find(ref.episodeId())
                .orElseThrow(() -> ClipProblems.episodeNotFound(ref.episodeId()));
        if (episode.deleted()) {
            return new Resolved(episode.episodeId(), episode.version(), null, episode);
        }
        ClipRules.Ask ask = ref.chapterIndex() >= 0 ? ClipRules.Ask.ofChapter(ref.chapterIndex())
                : ClipRules.Ask.ofMs(ref.startMs(), ref.endMs());
        ClipRange range = ClipRules.resolve(ask, episode, limits);
        return new Resolved(episode.episodeId(), episode.version(),
                ClipView.of(ref, baseUrl(), null, range, episode), episode);
    }

    private Resolved resolveStored(ClipRef ref) {
        ClipEntity clip = clips.findById(ref.clipId());
        if (clip == null) {
            throw ClipProblems.clipNotFound(ref.clipId());
        }
        EpisodeContext episode = episodes.find(clip.episodeId)
                .orElseThrow(() -> ClipProblems.episodeNotFound(clip.episodeId));
        if (episode.deleted()) {
            return new Resolved(episode.episodeId(), episode.version(), null, episode);
        }
        ClipRange range = new ClipRange(clip.startMs, clip.endMs);
        return new Resolved(episode.episodeId(), episode.version(),
                ClipView.of(ref, baseUrl(), clip.title, range, episode), episode);
    }

    /** The public base URL share links are built on, without a trailing slash. */
    public String baseUrl() {
        String base = publicBaseUrl.value();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
