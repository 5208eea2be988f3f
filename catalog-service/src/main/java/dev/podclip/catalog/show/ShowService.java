package dev.podclip.catalog.show;

import dev.podclip.catalog.common.CatalogProblems;
import dev.podclip.catalog.common.DatabaseConflicts;
import dev.podclip.catalog.common.Versions;
import dev.podclip.catalog.outbox.OutboxWriter;
import dev.podclip.support.paging.Page;
import dev.podclip.support.paging.PageRequest;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Shows. A show's fields are part of every episode event, so an update that changes them re-events each of the
 * show's episodes in the same transaction (eager, not lazy: consumers never hold a stale show).
 */
@ApplicationScoped
public class ShowService {

    @Inject
    EntityManager entityManager;
    @Inject
    Event<ShowChanged> changed;

    @Transactional
    public ShowView create(ShowInput input) {
        Instant now = OutboxWriter.now();
        Show show = new Show();
        show.id = UUID.randomUUID();
        show.version = 1;
        show.createdAt = now;
        apply(show, input, now);
        write(input, show::persist);
        return ShowView.of(show);
    }

    @Transactional
    public ShowView get(UUID id) {
        return ShowView.of(find(id));
    }

    @Transactional
    public ShowView getBySlug(String slug) {
        Show show = Show.<Show>find("slug", slug).firstResult();
        if (show == null) {
            throw ProblemException.notFound("show with slug", slug);
        }
        return ShowView.of(show);
    }

    @Transactional
    public Page<ShowView> list(String slug, PageRequest request) {
        Sort order = Sort.by("title").and("id");
        PanacheQuery<Show> query = slug == null ? Show.findAll(order) : Show.find("slug", order, slug);
        return new Page<>(query.page(request.page(), request.size()).list().stream().map(ShowView::of).toList(),
                request.page(), request.size(), query.count());
    }

    @Transactional
    public ShowView update(UUID id, ShowInput input, String ifMatch) {
        // FOR UPDATE: episode writers take the show FOR SHARE first, so they wait for this transaction and embed
        // the new show; this one then locks the episodes, in id order.
        Show show = lock(id);
        Versions.check(show.version, ifMatch, input.version(), true);
        boolean showFieldsChange = !show.snapshot().equals(preview(show, input));
        Instant now = OutboxWriter.now();
        apply(show, input, now);
        show.version = show.version + 1;
        write(input, () -> { });
        if (showFieldsChange) {
            changed.fire(new ShowChanged(show, now));
        }
        return ShowView.of(show);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Show show = lock(id);
        Versions.check(show.version, ifMatch, null, false);
        if (episodeCount(id) > 0) {
            throw new ProblemException(CatalogProblems.SHOW_HAS_EPISODES,
                    "Show " + id + " still has episodes: delete them first");
        }
        DatabaseConflicts.write(entityManager, Map.of(), show::delete);
    }

    /** Episodes of the show, counted in SQL: the show feature does not depend on the episode feature. */
    private long episodeCount(UUID showId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM episodes WHERE show_id = :id")
                .setParameter("id", showId).getSingleResult()).longValue();
    }

    /** The show, locked against updates while the caller's transaction runs; 404 when missing. */
    public Show lockShared(UUID id) {
        Show show = Show.findById(id, LockModeType.PESSIMISTIC_READ);
        if (show == null) {
            throw ProblemException.notFound("show", id);
        }
        return show;
    }

    private Show find(UUID id) {
        Show show = Show.findById(id);
        if (show == null) {
            throw ProblemException.notFound("show", id);
        }
        return show;
    }

    private Show lock(UUID id) {
        Show show = Show.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (show == null) {
            throw ProblemException.notFound("show", id);
        }
        // Locking an entity already in the persistence context does not reload it: the version checked against
        // If-Match must be the one now locked, not one read before the lock.
        entityManager.refresh(show);
        return show;
    }

    private void write(ShowInput input, Runnable writes) {
        DatabaseConflicts.write(entityManager, Map.of("shows_slug_key",
                new ProblemException(CatalogProblems.DUPLICATE_SLUG,
                        "A show with slug " + input.slug() + " exists already")),
                writes);
    }

    private static dev.podclip.events.ShowSnapshot preview(Show show, ShowInput input) {
        return new dev.podclip.events.ShowSnapshot(show.id, input.slug(), input.title(), input.author(),
                input.siteUrl(), input.imageUrl());
    }

    private static void apply(Show show, ShowInput input, Instant now) {
        show.slug = Objects.requireNonNull(input.slug());
        show.title = Objects.requireNonNull(input.title());
        show.author = input.author();
        show.siteUrl = input.siteUrl();
        show.imageUrl = input.imageUrl();
        show.updatedAt = now;
    }
}
