package dev.podclip.clip.feeds;

import dev.podclip.clip.clips.ClipRows;
import dev.podclip.clip.clips.StoredClip;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.db.Jdbc;
import dev.podclip.clip.episodes.EpisodeRows;
import dev.podclip.clip.episodes.StoredEpisode;
import dev.podclip.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A show's feed from the read model: its live episodes newest first, their transcripts and featured clips. */
@ApplicationScoped
public class FeedOutService {

    /** Items per feed: the newest episodes; older ones stay reachable through the API. */
    public static final int MAX_ITEMS = 300;
    /** Soundbites per item (the oldest featured clips first). */
    public static final int MAX_SOUNDBITES_PER_ITEM = 5;

    @Inject
    Database db;

    @Transactional
    public FeedRows rows(String showSlug) {
        return db.call(c -> rows(c, showSlug));
    }

    private static FeedRows rows(Connection connection, String showSlug) throws SQLException {
        List<StoredEpisode> episodes = EpisodeRows.ofShowSlug(connection, showSlug, MAX_ITEMS);
        if (episodes.isEmpty()) {
            throw ProblemException.notFound("feed of show", showSlug);
        }
        List<UUID> ids = episodes.stream().map(StoredEpisode::episodeId).toList();
        Set<UUID> transcripts = Jdbc.selectIds(connection, "SELECT episode_id FROM clip_transcript"
                + " WHERE status = 'ok' AND episode_id = ANY(?)", ids);
        Map<UUID, List<StoredClip>> featured = ClipRows.featuredOf(connection, ids);
        List<FeedRows.Item> items = episodes.stream().map(e -> new FeedRows.Item(e.episodeId(), e.guid(), e.title(),
                e.showNotes(), e.publishedAt(), e.audioUrl(), e.durationMs(), e.chapterCount() > 0,
                transcripts.contains(e.episodeId()), soundbites(featured.getOrDefault(e.episodeId(), List.of()))))
                .toList();
        return new FeedRows(showSlug, episodes.get(0).showTitle(), items);
    }

    private static List<FeedRows.Soundbite> soundbites(List<StoredClip> featured) {
        return featured.stream().limit(MAX_SOUNDBITES_PER_ITEM)
                .map(clip -> new FeedRows.Soundbite(clip.startMs(), clip.endMs(), clip.title())).toList();
    }

    /** Marks a clip featured or not; 404 for an unknown clip. */
    @Transactional
    public boolean feature(String clipId, boolean featured) {
        if (!db.call(c -> ClipRows.setFeatured(c, clipId, featured))) {
            throw ProblemException.notFound("clip", clipId);
        }
        return featured;
    }
}
