package dev.podclip.catalog.feeds;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Polls due feeds on every tick; safe with several catalog instances (FeedService#pollDue claims with SKIP LOCKED). */
@ApplicationScoped
public class FeedPoller {

    @Inject
    FeedService feeds;
    @Inject
    FeedsConfig config;

    @Scheduled(every = "${catalog.feeds.tick:30s}", delayed = "${catalog.feeds.tick:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.pollingEnabled()) {
            feeds.pollDue();
        }
    }
}
