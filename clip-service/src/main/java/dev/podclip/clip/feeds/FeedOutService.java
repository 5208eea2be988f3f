package dev.podclip.clip.feeds;

import dev.podclip.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    EntityManager em;

    @Transactional
    public FeedRows rows(String showSlug) {
        @SuppressWarnings("unchecked")
        List<Object[]> episodes = em.createNativeQuery("SELECT episode_id, title, show_notes, published_at, audio_url,"
                        + " duration_ms, show_title, chapter_count, guid FROM clip_episode WHERE show_slug = :slug AND NOT deleted"
                        + " ORDER BY published_at DESC NULLS LAST, episode_id LIMIT :max")
                .setParameter("slug", showSlug).setParameter("max", MAX_ITEMS).getResultList();
        if (episodes.isEmpty()) {
            throw ProblemException.notFound("feed of show", showSlug);
        }
        List<UUID> ids = episodes.stream().map(row -> (UUID) row[0]).toList();
        Set<UUID> transcripts = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<UUID> withTranscript = em.createNativeQuery("SELECT episode_id FROM clip_transcript"
                + " WHERE status = 'ok' AND episode_id IN (:ids)").setParameter("ids", ids).getResultList();
        transcripts.addAll(withTranscript);
        Map<UUID, List<FeedRows.Soundbite>> bites = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> clips = em.createNativeQuery("SELECT episode_id, start_ms, end_ms, title FROM clip_clip"
                + " WHERE featured AND episode_id IN (:ids) ORDER BY created_at, id").setParameter("ids", ids)
                .getResultList();
        for (Object[] clip : clips) {
            List<FeedRows.Soundbite> list = bites.computeIfAbsent((UUID) clip[0], id -> new ArrayList<>());
            if (list.size() < MAX_SOUNDBITES_PER_ITEM) {
                list.add(new FeedRows.Soundbite(((Number) clip[1]).longValue(), ((Number) clip[2]).longValue(),
                        (String) clip[3]));
            }
        }
        List<FeedRows.Item> items = new ArrayList<>();
        for (Object[] row : episodes) {
            UUID id = (UUID) row[0];
            items.add(new FeedRows.Item(id, (String) row[8], (String) row[1], (String) row[2], instant(row[3]), (String) row[4],
                    row[5] == null ? null : ((Number) row[5]).longValue(), ((Number) row[7]).intValue() > 0,
                    transcripts.contains(id),
                    bites.getOrDefault(id, List.of())));
        }
        return new FeedRows(showSlug, (String) episodes.get(0)[6], items);
    }

    /** Marks a clip featured or not; 404 for an unknown clip. */
    @Transactional
    public boolean feature(String clipId, boolean featured) {
        int updated = em.createNativeQuery("UPDATE clip_clip SET featured = :featured WHERE id = :id")
                .setParameter("featured", featured).setParameter("id", clipId).executeUpdate();
        if (updated == 0) {
            throw ProblemException.notFound("clip", clipId);
        }
        return featured;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
