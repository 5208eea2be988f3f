package dev.podclip.catalog.episode;

import dev.podclip.catalog.common.CatalogProblems;
import dev.podclip.catalog.common.DatabaseConflicts;
import dev.podclip.catalog.common.Versions;
import dev.podclip.catalog.outbox.OutboxWriter;
import dev.podclip.catalog.show.Show;
import dev.podclip.catalog.show.ShowChanged;
import dev.podclip.catalog.show.ShowService;
import dev.podclip.support.limits.ResponseBudget;
import dev.podclip.support.paging.Page;
import dev.podclip.support.paging.PageRequest;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Episodes. Every change bumps the version and writes its event into the outbox in the same transaction.
 *
 * <p>Lock order, the same everywhere so writers never deadlock: the show (FOR SHARE here, FOR UPDATE in a show
 * update), then the episode (FOR UPDATE).
 */
@ApplicationScoped
public class EpisodeService {

    /** Every field of an episode but the notes and the chapters, as JSON, rounded up, in bytes. */
    static final int ROW_OVERHEAD_BYTES = 8 * 1024;

    @Inject
    ResponseBudget budget;

    @Inject
    EntityManager entityManager;
    @Inject
    ShowService shows;
    @Inject
    OutboxWriter outbox;

    @Transactional
    public EpisodeView create(EpisodeInput input) {
        if (input.showId() == null) {
            throw ProblemException.invalidField("showId", "must not be null");
        }
        check(input);
        Show show = shows.lockShared(input.showId());
        Instant now = OutboxWriter.now();
        Episode episode = new Episode();
        episode.id = UUID.randomUUID();
        episode.show = show;
        episode.version = 1;
        episode.createdAt = now;
        apply(episode, input, now);
        write(input, () -> {
            episode.persist();
            outbox.upserted(episode.snapshot(), now);
        });
        return EpisodeView.of(episode);
    }

    @Transactional
    public EpisodeView get(UUID id) {
        Episode episode = Episode.findById(id);
        if (episode == null) {
            throw ProblemException.notFound("episode", id);
        }
        return EpisodeView.of(episode);
    }

    /** The transcript body, or 404 when the episode has none. */
    @Transactional
    public EpisodeInput.TranscriptInput transcript(UUID id) {
        Episode episode = Episode.findById(id);
        if (episode == null) {
            throw ProblemException.notFound("episode", id);
        }
        if (episode.transcriptChars == null) {
            throw ProblemException.notFound("transcript of episode", id);
        }
        budget.reserve(2L * episode.transcriptChars, "");
        return new EpisodeInput.TranscriptInput(episode.transcriptFormat, episode.transcriptBody);
    }

    /** Newest first (unpublished drafts before all), then by id, so pages are stable. */
    @Transactional
    public Page<EpisodeView> list(UUID showId, String guid, String slug, PageRequest request) {
        List<String> where = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (showId != null) {
            where.add("show.id = :show");
            values.put("show", showId);
        }
        if (guid != null) {
            where.add("guid = :guid");
            values.put("guid", guid);
        }
        if (slug != null) {
            where.add("slug = :slug");
            values.put("slug", slug);
        }
        Sort order = Sort.by("publishedAt", Sort.Direction.Descending, Sort.NullPrecedence.NULLS_FIRST).and("id");
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        budget.reserve(pageBytes(filter, values, request), "Ask for fewer episodes per page (size).");
        PanacheQuery<Episode> query = where.isEmpty() ? Episode.findAll(order)
                : Episode.find(String.join(" and ", where), order, values);
        return new Page<>(query.page(request.page(), request.size()).list().stream().map(EpisodeView::of).toList(),
                request.page(), request.size(), query.count());
    }

    /**
     * The stored bytes of the page's large fields, read without loading them (octet_length reads the stored size),
     * so the page's memory is reserved before it is built.
     */
    private long pageBytes(String filter, Map<String, Object> values, PageRequest request) {
        var query = entityManager.createQuery("select coalesce(octet_length(showNotes), 0)"
                + " + coalesce(octet_length(chaptersJson), 0) + " + ROW_OVERHEAD_BYTES + " from Episode" + filter
                + " order by publishedAt desc nulls first, id", Number.class);
        values.forEach(query::setParameter);
        return query.setFirstResult(request.page() * request.size()).setMaxResults(request.size())
                .getResultList().stream().mapToLong(Number::longValue).sum();
    }

    @Transactional
    public EpisodeView update(UUID id, EpisodeInput input, String ifMatch) {
        check(input);
        Episode episode = lock(id);
        Versions.check(episode.version, ifMatch, input.version(), true);
        if (input.showId() != null && !input.showId().equals(episode.show.id)) {
            throw ProblemException.invalidField("showId", "an episode cannot move to another show");
        }
        Instant now = OutboxWriter.now();
        apply(episode, input, now);
        episode.version = episode.version + 1;
        write(input, () -> outbox.upserted(episode.snapshot(), now));
        return EpisodeView.of(episode);
    }

    /**
     * Feed import: creates the show's episode with this guid, or replaces the fields of the existing one (its slug
     * kept). When nothing differs nothing is written: no version bump, no event. Returns whether anything was written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsertByGuid(UUID showId, EpisodeInput input) {
        check(input);
        shows.lockShared(showId);
        Episode episode = Episode.<Episode>find("show.id = ?1 and guid = ?2", showId, input.guid())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (episode == null) {
            create(input);
            return true;
        }
        if (sameContent(episode, input)) {
            return false;
        }
        EpisodeInput kept = new EpisodeInput(showId, input.guid(), episode.slug, input.title(), input.showNotes(),
                input.publishedAt(), input.durationText(), input.audioUrl(), input.videoUrl(), input.pageUrl(),
                input.chaptersJson(), input.transcript(), null);
        Instant now = OutboxWriter.now();
        apply(episode, kept, now);
        episode.version = episode.version + 1;
        write(kept, () -> outbox.upserted(episode.snapshot(), now));
        return true;
    }

    private static boolean sameContent(Episode episode, EpisodeInput input) {
        EpisodeInput.TranscriptInput transcript = input.transcript();
        return java.util.Objects.equals(episode.title, input.title())
                && java.util.Objects.equals(episode.showNotes, input.showNotes())
                && java.util.Objects.equals(episode.publishedAt, input.publishedAt())
                && java.util.Objects.equals(episode.durationText, input.durationText())
                && java.util.Objects.equals(episode.audioUrl, input.audioUrl())
                && java.util.Objects.equals(episode.videoUrl, input.videoUrl())
                && java.util.Objects.equals(episode.pageUrl, input.pageUrl())
                && java.util.Objects.equals(episode.chaptersJson, input.chaptersJson())
                && java.util.Objects.equals(episode.transcriptFormat, transcript == null ? null : transcript.format())
                && java.util.Objects.equals(episode.transcriptBody, transcript == null ? null : transcript.body());
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Episode episode = lock(id);
        Versions.check(episode.version, ifMatch, null, false);
        DatabaseConflicts.write(entityManager, Map.of(), () -> {
            outbox.deleted(episode.id, episode.version + 1, OutboxWriter.now());
            episode.delete();
        });
    }

    /** After a show's fields changed: each of its episodes gets a new version and an event embedding the new show. */
    @Transactional(Transactional.TxType.MANDATORY)
    /** A show's embedded fields changed: every episode of it is evented again at a new version (same transaction). */
    void onShowChanged(@Observes ShowChanged change) {
        reeventShow(change.show(), change.at());
    }

    private void reeventShow(Show show, Instant now) {
        List<Episode> all = Episode.<Episode>find("show.id = ?1", Sort.by("id"), show.id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        DatabaseConflicts.write(entityManager, Map.of(), () -> {
            for (Episode episode : all) {
                episode.version = episode.version + 1;
                episode.updatedAt = now;
                outbox.upserted(episode.snapshot(), now);
            }
        });
    }

    /** The episode locked for update, after its show is locked for share (the lock order); 404 when missing. */
    private Episode lock(UUID id) {
        List<?> showIds = entityManager.createNativeQuery("SELECT show_id FROM episodes WHERE id = :id")
                .setParameter("id", id).getResultList();
        if (showIds.isEmpty()) {
            throw ProblemException.notFound("episode", id);
        }
        shows.lockShared((UUID) showIds.get(0));
        Episode episode = Episode.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (episode == null) {
            throw ProblemException.notFound("episode", id);
        }
        // A caller that read the episode earlier in this transaction (transcript upload does) gets the entity from
        // the persistence context, and locking a managed entity does not reload it: without the refresh two
        // concurrent uploads both checked If-Match against the version read before the lock
        // (TranscriptUploadTest.concurrentUploadsWithOneIfMatchLetExactlyOneThrough).
        entityManager.refresh(episode);
        return episode;
    }

    private static void check(EpisodeInput input) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("guid", input.guid());
        texts.put("title", input.title());
        texts.put("showNotes", input.showNotes());
        texts.put("durationText", input.durationText());
        texts.put("chaptersJson", input.chaptersJson());
        texts.put("transcript.body", input.transcript() == null ? null : input.transcript().body());
        EpisodeRules.checkNoNul(texts);
        EpisodeRules.checkChaptersJson(input.chaptersJson());
    }

    private void write(EpisodeInput input, Runnable writes) {
        DatabaseConflicts.write(entityManager, Map.of(
                "episodes_show_guid_key", new ProblemException(CatalogProblems.DUPLICATE_GUID,
                        "The show has an episode with guid " + input.guid() + " already"),
                "episodes_show_slug_key", new ProblemException(CatalogProblems.DUPLICATE_SLUG,
                        "The show has an episode with slug " + input.slug() + " already")), writes);
    }

    private static void apply(Episode episode, EpisodeInput input, Instant now) {
        episode.guid = input.guid();
        episode.slug = input.slug();
        episode.title = input.title();
        episode.showNotes = input.showNotes();
        episode.publishedAt = input.publishedAt();
        episode.durationText = input.durationText();
        episode.durationMs = EpisodeRules.durationMs(input.durationText());
        episode.audioUrl = input.audioUrl();
        episode.videoUrl = input.videoUrl();
        episode.pageUrl = input.pageUrl();
        episode.chaptersJson = input.chaptersJson();
        if (input.transcript() == null) {
            episode.transcriptFormat = null;
            episode.transcriptBody = null;
            episode.transcriptChars = null;
            episode.transcriptSha256 = null;
        } else {
            episode.transcriptFormat = input.transcript().format();
            episode.transcriptBody = input.transcript().body();
            episode.transcriptChars = input.transcript().body().length();
            episode.transcriptSha256 = EpisodeRules.sha256Hex(input.transcript().body());
        }
        episode.updatedAt = now;
    }
}
