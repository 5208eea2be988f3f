package dev.podclip.catalog.feeds;

import dev.podclip.catalog.common.CatalogLimits;
import dev.podclip.catalog.common.CatalogProblems;
import dev.podclip.catalog.episode.EpisodeInput;
import dev.podclip.catalog.episode.EpisodeService;
import dev.podclip.catalog.show.Show;
import dev.podclip.catalog.show.ShowInput;
import dev.podclip.catalog.show.ShowService;
import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.net.SafeFetcher;
import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Feed import. One import: fetch (conditional), parse and validate everything, fetch the attachments of changed
 * items, all outside any transaction; then write everything in one transaction. A failure anywhere before the commit
 * writes nothing but the feed's last error.
 */
@ApplicationScoped
public class FeedService {

    private static final Logger LOG = Logger.getLogger(FeedService.class);
    /** Registered feeds listed at most. */
    public static final int LIST_MAX = 1_000;
    /** Items written between two flushes and clears of the persistence context in one import. */
    private static final int FLUSH_EVERY_ITEMS = 50;

    @Inject
    FeedsConfig config;
    @Inject
    EntityManager entityManager;
    @Inject
    ShowService shows;
    @Inject
    EpisodeService episodes;
    @Inject
    Validator validator;

    SafeFetcher fetcher;

    @PostConstruct
    void init() {
        fetcher = new SafeFetcher(new SafeFetcher.Limits(config.connectTimeout(), config.headersTimeout(),
                config.totalDeadline(), config.maxRedirects(), config.allowLoopback()));
    }

    /** Registers a feed (422 for a URL never fetched) and imports it at once. */
    public ImportResult register(String url, String slug) {
        if (slug != null && !slug.matches(CatalogLimits.SLUG_PATTERN)) {
            throw ProblemException.invalidField("slug", "must be lower-case words joined by hyphens");
        }
        try {
            fetcher.check(url);
        } catch (FetchRefused e) {
            throw e.problem(CatalogProblems.FEED_FETCH);
        }
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            if (Feed.count("url", url.strip()) > 0) {
                throw new ProblemException(CatalogProblems.DUPLICATE_FEED,
                        "The feed " + url + " is registered already");
            }
            Feed feed = new Feed();
            feed.id = UUID.randomUUID();
            feed.url = url.strip();
            feed.requestedSlug = slug;
            feed.lastStatus = "pending";
            feed.createdAt = Instant.now();
            feed.nextPollAt = feed.createdAt.plus(config.pollInterval());
            feed.persist();
            return feed.id;
        });
        return poll(id);
    }

    public FeedView get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Feed feed = Feed.findById(id);
            if (feed == null) {
                throw ProblemException.notFound("feed", id);
            }
            return FeedView.of(feed);
        });
    }

    /** Stops following a feed; its show and episodes stay. */
    public void delete(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!Feed.deleteById(id)) {
                throw ProblemException.notFound("feed", id);
            }
        });
    }

    public List<FeedView> list() {
        return QuarkusTransaction.requiringNew().call(() -> Feed.<Feed>findAll(
                io.quarkus.panache.common.Sort.by("createdAt").and("id")).page(0, LIST_MAX).list()
                .stream().map(FeedView::of).toList());
    }

    /** An uploaded feed body: imported like a fetched one, no feed registered. */
    public ImportResult importUpload(byte[] body, String slug) {
        if (body.length > config.feedMaxBytes()) {
            throw new ProblemException(CommonProblems.BODY_TOO_LARGE, "A feed may have at most "
                    + config.feedMaxBytes() + " bytes").with("limitBytes", config.feedMaxBytes());
        }
        try {
            return importParsed(null, slug, FeedParser.parse(body), null, null, deadline());
        } catch (FetchRefused e) {
            throw e.problem(CatalogProblems.FEED_FETCH);
        }
    }

    /**
     * Claims the due feeds (row locks with SKIP LOCKED, so each due feed is claimed by one instance; the claim moves
     * its next poll on before the locks are released) and polls each. Returns how many were polled.
     */
    public int pollDue() {
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            @SuppressWarnings("unchecked")
            List<UUID> ids = entityManager.createNativeQuery("SELECT id FROM feeds WHERE next_poll_at <= :now"
                            + " ORDER BY next_poll_at LIMIT :n FOR UPDATE SKIP LOCKED")
                    .setParameter("now", now).setParameter("n", config.claimBatch()).getResultList();
            if (!ids.isEmpty()) {
                entityManager.createNativeQuery("UPDATE feeds SET next_poll_at = :next WHERE id IN (:ids)")
                        .setParameter("next", now.plus(config.pollInterval())).setParameter("ids", ids)
                        .executeUpdate();
            }
            return ids;
        });
        for (UUID id : claimed) {
            try {
                poll(id);
            } catch (ProblemException e) {
                LOG.warnf("feed %s: %s", id, e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "feed %s failed", id);
            }
        }
        return claimed.size();
    }

    /** Fetches one feed (If-None-Match / If-Modified-Since) and imports it; refusals are stored and thrown. */
    public ImportResult poll(UUID feedId) {
        long deadlineNs = deadline();
        Feed feed = QuarkusTransaction.requiringNew().call(() -> {
            Feed found = Feed.findById(feedId);
            if (found == null) {
                throw ProblemException.notFound("feed", feedId);
            }
            entityManager.detach(found);
            return found;
        });
        // Once imported, a feed stays with its show even when the channel title (and so the derived slug) changes.
        String slug = feed.showId == null ? feed.requestedSlug : QuarkusTransaction.requiringNew().call(() -> {
            Show show = Show.findById(feed.showId);
            return show == null ? feed.requestedSlug : show.slug;
        });
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
            if (feed.etag != null) {
                headers.put("If-None-Match", feed.etag);
            }
            if (feed.lastModified != null) {
                headers.put("If-Modified-Since", feed.lastModified);
            }
            SafeFetcher.Fetched fetched = fetcher.get(feed.url, config.feedMaxBytes(), headers);
            if (fetched.notModified()) {
                return notModified(feed);
            }
            return importParsed(feed.id, slug, FeedParser.parse(fetched.body()), fetched.etag(),
                    fetched.lastModified(), deadlineNs);
        } catch (FetchRefused e) {
            fail(feedId, e.summary());
            throw e.problem(CatalogProblems.FEED_FETCH).with("feedId", feedId);
        } catch (ProblemException e) {
            fail(feedId, e.getMessage());
            throw e.with("feedId", feedId);
        } catch (RuntimeException e) {
            fail(feedId, "internal: " + e);
            throw e;
        }
    }

    private long deadline() {
        return System.nanoTime() + config.pollDeadline().toNanos();
    }

    private ImportResult notModified(Feed feed) {
        QuarkusTransaction.requiringNew().run(() -> {
            Feed locked = Feed.findById(feed.id, LockModeType.PESSIMISTIC_WRITE);
            locked.lastStatus = "not-modified";
            locked.lastError = null;
            locked.lastFetchedAt = Instant.now();
            locked.nextPollAt = locked.lastFetchedAt.plus(config.pollInterval());
        });
        return new ImportResult(feed.id, feed.showId, null, true, feed.itemsSeen, 0, 0, List.of());
    }

    private void fail(UUID feedId, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Feed locked = Feed.findById(feedId, LockModeType.PESSIMISTIC_WRITE);
            if (locked != null) {
                locked.lastStatus = "failed";
                locked.lastError = FeedRules.cut(error, Feed.ERROR_MAX_CHARS);
                locked.lastFetchedAt = Instant.now();
                locked.nextPollAt = locked.lastFetchedAt.plus(config.pollInterval());
            }
        });
    }

    private ImportResult importParsed(UUID feedId, String slug, ParsedFeed parsed, String etag, String lastModified,
                                      long deadlineNs) {
        ShowInput showInput = showInput(parsed, slug);
        Map<String, String> known = QuarkusTransaction.requiringNew().call(() -> knownHashes(showInput.slug()));
        List<String> warnings = new ArrayList<>(parsed.warnings());
        ItemDrafts drafts = new ItemDrafts(fetcher, config, deadlineNs);
        List<ItemDrafts.Draft> changed = new ArrayList<>();
        Set<String> guids = new HashSet<>();
        for (int i = 0; i < parsed.items().size(); i++) {
            ParsedFeed.Item item = parsed.items().get(i);
            if (!guids.add(item.guid())) {
                throw FeedParser.malformed("item " + (i + 1) + " repeats the guid " + item.guid());
            }
            if (FeedRules.itemHash(item).equals(known.get(item.guid()))) {
                continue;
            }
            ItemDrafts.Draft draft = drafts.draft(item, i + 1, warnings);
            if (draft != null) {
                validate(draft.input(), i + 1);
                changed.add(draft);
            }
        }
        int written = QuarkusTransaction.requiringNew().call(() -> write(feedId, showInput, changed, parsed, etag,
                lastModified));
        UUID showId = QuarkusTransaction.requiringNew().call(() ->
                Show.<Show>find("slug", showInput.slug()).firstResult().id);
        List<String> kept = warnings.size() > FeedParser.MAX_WARNINGS
                ? warnings.subList(0, FeedParser.MAX_WARNINGS) : warnings;
        return new ImportResult(feedId, showId, showInput.slug(), false, parsed.items().size(), changed.size(),
                written, List.copyOf(kept));
    }

    private int write(UUID feedId, ShowInput showInput, List<ItemDrafts.Draft> changed, ParsedFeed parsed,
                      String etag, String lastModified) {
        if (feedId != null) {
            // The feed's row lock serializes imports of one feed (a manual poll racing a scheduled one).
            Feed.findById(feedId, LockModeType.PESSIMISTIC_WRITE);
        }
        Show show = showFor(showInput);
        Instant now = Instant.now();
        int written = 0;
        int handled = 0;
        Map<String, String> slugByGuid = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> existing = entityManager.createNativeQuery(
                "SELECT guid, slug FROM episodes WHERE show_id = :show").setParameter("show", show.id).getResultList();
        for (Object[] row : existing) {
            slugByGuid.put((String) row[0], (String) row[1]);
        }
        Set<String> slugsTaken = new HashSet<>(slugByGuid.values());
        for (ItemDrafts.Draft draft : changed) {
            EpisodeInput input = draft.input();
            String slug = episodeSlug(input, slugByGuid, slugsTaken);
            EpisodeInput full = new EpisodeInput(show.id, input.guid(), slug, input.title(), input.showNotes(),
                    input.publishedAt(), input.durationText(), input.audioUrl(), input.videoUrl(), input.pageUrl(),
                    input.chaptersJson(), input.transcript(), null);
            if (episodes.upsertByGuid(show.id, full)) {
                written++;
            }
            if (++handled % FLUSH_EVERY_ITEMS == 0) {
                // Every query flushes and dirty-checks the whole persistence context: keep it small on big feeds.
                entityManager.flush();
                entityManager.clear();
            }
            if (draft.complete()) {
                entityManager.createNativeQuery("INSERT INTO feed_items (show_id, guid, item_sha256, updated_at)"
                                + " VALUES (:show, :guid, :hash, :now) ON CONFLICT (show_id, guid)"
                                + " DO UPDATE SET item_sha256 = EXCLUDED.item_sha256, updated_at = EXCLUDED.updated_at")
                        .setParameter("show", show.id).setParameter("guid", input.guid())
                        .setParameter("hash", draft.hash()).setParameter("now", now).executeUpdate();
            }
        }
        Feed feed = feedId == null ? null : Feed.findById(feedId);
        if (feed != null) {
            feed.showId = show.id;
            feed.etag = FeedRules.cut(etag, 1_000);
            feed.lastModified = FeedRules.cut(lastModified, 200);
            feed.lastStatus = "ok";
            feed.lastError = null;
            feed.lastFetchedAt = now;
            feed.itemsSeen = parsed.items().size();
            feed.episodesWritten = written;
            feed.nextPollAt = now.plus(config.pollInterval());
        }
        return written;
    }

    /** The show of this slug, created when missing, its fields updated (one re-event) when the channel changed. */
    private Show showFor(ShowInput input) {
        Show show = Show.<Show>find("slug", input.slug()).firstResult();
        if (show == null) {
            UUID id = shows.create(input).id();
            return Show.findById(id);
        }
        boolean same = Objects.equals(show.title, input.title()) && Objects.equals(show.author, input.author())
                && Objects.equals(show.siteUrl, input.siteUrl()) && Objects.equals(show.imageUrl, input.imageUrl());
        if (!same) {
            shows.update(show.id, new ShowInput(input.slug(), input.title(), input.author(), input.siteUrl(),
                    input.imageUrl(), show.version), null);
        }
        return show;
    }

    private Map<String, String> knownHashes(String showSlug) {
        Show show = Show.<Show>find("slug", showSlug).firstResult();
        if (show == null) {
            return Map.of();
        }
        Map<String, String> hashes = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT guid, item_sha256 FROM feed_items WHERE show_id = :show").setParameter("show", show.id)
                .getResultList();
        for (Object[] row : rows) {
            hashes.put((String) row[0], (String) row[1]);
        }
        return hashes;
    }

    /**
     * An existing episode keeps its slug; a new one gets its title's, made unique in the show with the first free
     * numeric suffix ({@code joins}, {@code joins-2}, ...). Pure over the show's slugs, which the caller keeps.
     */
    static String episodeSlug(EpisodeInput input, Map<String, String> slugByGuid, Set<String> taken) {
        String existing = slugByGuid.get(input.guid());
        if (existing != null) {
            return existing;
        }
        String base = FeedRules.slug(input.title(), "episode");
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        taken.add(candidate);
        slugByGuid.put(input.guid(), candidate);
        return candidate;
    }

    private static ShowInput showInput(ParsedFeed parsed, String slug) {
        String title = FeedRules.cut(parsed.title(), CatalogLimits.TITLE_MAX_CHARS);
        return new ShowInput(slug != null ? slug : FeedRules.slug(parsed.title(), "show"), title,
                FeedRules.cut(parsed.author(), CatalogLimits.AUTHOR_MAX_CHARS), FeedRules.httpUrlOrNull(parsed.link()),
                FeedRules.httpUrlOrNull(parsed.imageUrl()), null);
    }

    /** Bean Validation of an item's episode before anything is written; a violation refuses the whole feed. */
    private void validate(EpisodeInput input, int number) {
        EpisodeInput probe = new EpisodeInput(UUID.randomUUID(), input.guid(), "probe", input.title(),
                input.showNotes(), input.publishedAt(), input.durationText(), input.audioUrl(), input.videoUrl(),
                input.pageUrl(), input.chaptersJson(), input.transcript(), null);
        Set<ConstraintViolation<EpisodeInput>> violations = validator.validate(probe);
        if (!violations.isEmpty()) {
            ConstraintViolation<EpisodeInput> first = violations.iterator().next();
            throw FeedParser.malformed("item " + number + " (" + input.guid() + "): " + first.getPropertyPath() + " "
                    + first.getMessage());
        }
    }
}
