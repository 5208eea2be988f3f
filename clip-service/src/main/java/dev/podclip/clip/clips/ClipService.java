package dev.podclip.clip.clips;

import dev.podclip.clip.db.Database;
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

    private final Database db;
    private final EpisodeContexts episodes;
    private final ClipsConfig limits;
    private final PublicBaseUrl publicBaseUrl;
    private final ClipIds ids = new ClipIds(new SecureRandom());
    private final Clock clock = Clock.systemUTC();

    @Inject
    public ClipService(Database db, EpisodeContexts episodes, ClipsConfig limits, PublicBaseUrl publicBaseUrl) {
        this.db = db;
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
        String id = ids.nextFree(candidate -> db.call(c -> ClipRows.find(c, candidate)).isPresent(),
                limits.maxIdAttempts());
        String creator = createdBy.length() > MAX_CREATOR_CHARS ? createdBy.substring(0, MAX_CREATOR_CHARS) : createdBy;
        StoredClip clip = new StoredClip(id, episode.episodeId(), title, range.startMs(), range.endMs(),
                episode.version(), creator, Instant.now(clock), false);
        db.call(c -> ClipRows.insert(c, clip));
        return ClipView.of(ClipRef.stored(id), baseUrl(), title, range, episode);
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
        StoredClip clip = db.call(c -> ClipRows.find(c, ref.clipId()))
                .orElseThrow(() -> ClipProblems.clipNotFound(ref.clipId()));
        EpisodeContext episode = episodes.find(clip.episodeId())
                .orElseThrow(() -> ClipProblems.episodeNotFound(clip.episodeId()));
        if (episode.deleted()) {
            return new Resolved(episode.episodeId(), episode.version(), null, episode);
        }
        ClipRange range = new ClipRange(clip.startMs(), clip.endMs());
        return new Resolved(episode.episodeId(), episode.version(),
                ClipView.of(ref, baseUrl(), clip.title(), range, episode), episode);
    }

    /** The public base URL share links are built on, without a trailing slash. */
    public String baseUrl() {
        String base = publicBaseUrl.value();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
