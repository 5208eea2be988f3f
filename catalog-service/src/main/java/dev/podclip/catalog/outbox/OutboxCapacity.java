package dev.podclip.catalog.outbox;

import dev.podclip.catalog.common.CatalogProblems;
import dev.podclip.catalog.config.CatalogConfig;
import dev.podclip.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The outbox's bound: while the relay cannot publish (a long broker outage), writes fill it; past
 * {@code catalog.outbox.max-rows} they are refused with 503 + Retry-After, so the database never fills up with events.
 * Reads the backlog the metrics gauge already reads at most once a second: the bound holds to within a second of
 * writes, and a write pays no count(*).
 */
@ApplicationScoped
public class OutboxCapacity {

    /** Seconds a refused writer should wait: the relay drains a full batch in well under that once the broker is back. */
    public static final int RETRY_AFTER_S = 5;

    @Inject
    OutboxMetrics metrics;
    @Inject
    CatalogConfig config;

    void check() {
        double backlog = metrics.backlogRows();
        if (!Double.isNaN(backlog) && backlog >= config.outbox().maxRows()) {
            throw new ProblemException(CatalogProblems.OUTBOX_FULL,
                    "The catalog holds " + (long) backlog + " unpublished events, its limit: the event broker has"
                            + " not taken events for a while. Retry after " + RETRY_AFTER_S + " s")
                    .retryAfter(RETRY_AFTER_S);
        }
    }
}
