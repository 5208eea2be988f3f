package dev.podclip.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Everything tunable in the catalog ({@code catalog.*}); each key can be overridden by its environment variable
 * ({@code catalog.relay.batch-size} is {@code CATALOG_RELAY_BATCH_SIZE}). docs/catalog-service.md has the table.
 */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    Paging paging();

    Relay relay();

    Topic topic();

    Outbox outbox();

    Idempotency idempotency();

    DemoMedia demoMedia();

    interface Paging {
        /** Page size when the client names none. */
        @WithDefault("20")
        int defaultSize();

        /** The largest page size; a larger requested one is refused with a 400 validation problem. */
        @WithDefault("100")
        int maxSize();
    }

    interface Relay {
        /** Off: this instance never publishes (another instance does); writes still fill the outbox. */
        @WithDefault("true")
        boolean enabled();

        /** Rows one slot publishes per transaction. */
        @WithDefault("500")
        int batchSize();

        /**
         * Payload bytes one slot batch may hold together (the first row is always taken, whatever its size), so a
         * backlog of large events never sits in memory 500 at a time.
         */
        @WithDefault("16777216")
        long batchMaxBytes();

        /** Time between relay passes (a commit that wrote rows also starts one at once). */
        @WithDefault("200ms")
        Duration interval();

        /** First pause after a failed publish; doubles per consecutive failure up to {@link #backoffMax()}. */
        @WithDefault("500ms")
        Duration backoffMin();

        /**
         * Longest pause between tries while publishing fails: a returning broker is used within this. A try while the
         * broker is away costs one metadata wait ({@code max.block.ms}, 2 s), so 2 s keeps recovery within the
         * fault suite's 5 s aim without busy retries.
         */
        @WithDefault("2s")
        Duration backoffMax();

        /** The producer's delivery.timeout.ms: how long one batch may wait for acknowledgements. */
        @WithDefault("10s")
        Duration deliveryTimeout();
    }

    interface Outbox {
        /**
         * Rows the outbox may hold (read once a second, so it may pass by a second's writes): past it writes answer
         * 503 with Retry-After instead of filling the database during a long broker outage.
         */
        @WithDefault("100000")
        long maxRows();
    }

    interface Idempotency {
        /** How long the first result of a write sent with an Idempotency-Key is kept and replayed. */
        @WithDefault("24h")
        Duration retention();

        /** Time between two prunes of expired keys. */
        @WithDefault("10m")
        Duration pruneInterval();
    }

    interface Topic {
        /** Partitions of catalog.episodes.v1 when the catalog creates it (an existing topic is left alone). */
        @WithDefault("8")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** Pause between attempts to create the topic while the broker is unreachable. */
        @WithDefault("5s")
        Duration retryInterval();

    }

    interface DemoMedia {
        /** Serve synthetic WAV files under /media/demo (local stack and tests only). */
        @WithDefault("false")
        boolean enabled();

        /** Longest synthetic file served. */
        @WithDefault("18000000")
        long maxDurationMs();
    }
}
