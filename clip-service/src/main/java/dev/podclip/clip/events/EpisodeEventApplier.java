package dev.podclip.clip.events;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Warning;
import dev.podclip.clip.chapters.ChapterComputation;
import dev.podclip.clip.chapters.ChapterEntity;
import dev.podclip.clip.chapters.ChapterWarningEntity;
import dev.podclip.clip.episodes.EpisodeEntity;
import dev.podclip.clip.transcripts.TranscriptProjector;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventType;
import dev.podclip.events.EpisodeSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies one episode event to the read model inside the caller's transaction. Idempotent: an event id already in the
 * consumed-event log, or a version not newer than the stored one, changes nothing. The consumed-event row, the
 * read-model rows and the change notification commit together or not at all.
 */
@ApplicationScoped
public class EpisodeEventApplier {

    /** The PostgreSQL channel every instance LISTENs on; payload {@code <episodeId>:<version>}. */
    public static final String CHANNEL = "chapters_changed";

    @Inject
    EntityManager em;
    @Inject
    TranscriptProjector transcripts;

    /**
     * @param recompute true for a rebuild: the event-id log is not consulted and an event at the stored version is
     *                  applied again (chapters recomputed with the current engine); older ones stay stale
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ApplyOutcome apply(EpisodeEvent event, RecordRef source, boolean recompute) {
        if (!recompute && alreadyConsumed(event.eventId())) {
            return ApplyOutcome.DUPLICATE;
        }
        EpisodeEntity current = em.find(EpisodeEntity.class, event.episodeId(), LockModeType.PESSIMISTIC_WRITE);
        boolean stale = current != null && (recompute
                ? event.episodeVersion() < current.version
                : event.episodeVersion() <= current.version);
        ApplyOutcome outcome;
        if (stale) {
            outcome = ApplyOutcome.STALE;
        } else {
            if (event.type() == EpisodeEventType.UPSERTED) {
                upsert(current, event);
            } else {
                delete(current, event);
            }
            notifyChange(event.episodeId(), event.episodeVersion());
            outcome = ApplyOutcome.APPLIED;
        }
        logConsumed(event, source, outcome);
        // Rows of this event must not linger in the persistence context: the next event of the batch may be the same
        // episode, whose chapter keys are the same.
        em.flush();
        em.clear();
        return outcome;
    }

    private boolean alreadyConsumed(UUID eventId) {
        return !em.createNativeQuery("SELECT 1 FROM clip_consumed_event WHERE event_id = ?1")
                .setParameter(1, eventId)
                .getResultList()
                .isEmpty();
    }

    private void upsert(EpisodeEntity current, EpisodeEvent event) {
        EpisodeSnapshot s = event.episode();
        ChapterComputation.Computed computed = ChapterComputation.compute(s.showNotes(), s.chaptersJson(),
                ChapterComputation.statedDuration(s.durationMs(), s.durationText()));
        EpisodeEntity row = current == null ? new EpisodeEntity() : current;
        row.episodeId = s.id();
        row.version = s.version();
        row.deleted = false;
        row.showId = s.show().id();
        row.showSlug = s.show().slug();
        row.showTitle = s.show().title();
        row.title = s.title();
        row.slug = s.slug();
        row.guid = s.guid();
        row.audioUrl = s.audioUrl();
        row.videoUrl = s.videoUrl();
        row.pageUrl = s.pageUrl();
        row.publishedAt = s.publishedAt();
        row.durationText = s.durationText();
        row.durationMs = s.durationMs();
        row.showNotes = s.showNotes();
        row.chaptersSource = computed.source().wireName();
        row.chapterCount = computed.list().chapters().size();
        stamp(row, event);
        if (current == null) {
            em.persist(row);
            em.flush(); // the chapter rows reference it
        } else {
            deleteChildren(row.episodeId);
        }
        insertChildren(row.episodeId, computed.list());
        transcripts.apply(s, computed.list().chapters());
    }

    private void delete(EpisodeEntity current, EpisodeEvent event) {
        EpisodeEntity row = current == null ? new EpisodeEntity() : current;
        row.episodeId = event.episodeId();
        row.version = event.episodeVersion();
        row.deleted = true;
        row.showId = null;
        row.showSlug = null;
        row.showTitle = null;
        row.title = null;
        row.slug = null;
        row.guid = null;
        row.audioUrl = null;
        row.videoUrl = null;
        row.pageUrl = null;
        row.publishedAt = null;
        row.durationText = null;
        row.durationMs = null;
        row.showNotes = null;
        row.chaptersSource = null;
        row.chapterCount = 0;
        stamp(row, event);
        if (current == null) {
            em.persist(row);
        } else {
            deleteChildren(row.episodeId);
            transcripts.delete(row.episodeId);
        }
    }

    private static void stamp(EpisodeEntity row, EpisodeEvent event) {
        row.eventId = event.eventId();
        row.occurredAt = event.occurredAt();
        row.updatedAt = Instant.now();
    }

    private void deleteChildren(UUID episodeId) {
        ChapterEntity.delete("episodeId", episodeId);
        ChapterWarningEntity.delete("episodeId", episodeId);
    }

    private void insertChildren(UUID episodeId, ChapterList list) {
        List<Chapter> chapters = list.chapters();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            ChapterEntity row = new ChapterEntity();
            row.episodeId = episodeId;
            row.index = i;
            row.startMs = c.startMs();
            row.endMs = c.endMs();
            row.durationMs = c.durationMs();
            row.title = c.title();
            row.url = c.url();
            row.img = c.imageUrl();
            row.toc = c.toc();
            em.persist(row);
        }
        List<Warning> warnings = list.warnings();
        for (int i = 0; i < warnings.size(); i++) {
            Warning w = warnings.get(i);
            ChapterWarningEntity row = new ChapterWarningEntity();
            row.episodeId = episodeId;
            row.position = i;
            row.code = w.code().wireName();
            row.message = w.message();
            row.chapterIndex = w.index();
            em.persist(row);
        }
    }

    /** Delivered by PostgreSQL to every listener when (and only if) this transaction commits. */
    private void notifyChange(UUID episodeId, long version) {
        em.createNativeQuery("SELECT pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, episodeId + ":" + version)
                .getSingleResult();
    }

    private void logConsumed(EpisodeEvent event, RecordRef source, ApplyOutcome outcome) {
        em.createNativeQuery("INSERT INTO clip_consumed_event (event_id, episode_id, episode_version, event_type,"
                        + " outcome, topic, partition_no, record_offset, consumed_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now()) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, event.eventId())
                .setParameter(2, event.episodeId())
                .setParameter(3, event.episodeVersion())
                .setParameter(4, event.type().wireName())
                .setParameter(5, outcome.tag())
                .setParameter(6, source.topic())
                .setParameter(7, source.partition())
                .setParameter(8, source.offset())
                .executeUpdate();
    }
}
