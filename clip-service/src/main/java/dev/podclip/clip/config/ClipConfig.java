package dev.podclip.clip.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.util.Optional;

/**
 * Every tunable of clip-service, {@code clip.*}. Each property can be overridden by its environment variable
 * ({@code clip.events.topic} ← {@code CLIP_EVENTS_TOPIC}). docs/clip-service.md has the table.
 */
@ConfigMapping(prefix = "clip")
public interface ClipConfig {

    Events events();

    Sse sse();

    Api api();

    Rebuild rebuild();

    interface Events {
        /** Whether this instance consumes at all (off for instances that only serve reads). */
        @WithDefault("true")
        boolean enabled();

        /** The episode event topic (the contract's {@code catalog.episodes.v1}). */
        @WithDefault("catalog.episodes.v1")
        @NotBlank
        String topic();

        /** Consumer group: instances sharing it split the partitions. */
        @WithDefault("clip-service")
        @NotBlank
        String group();

        /** Dead-letter topic for records that cannot be read or applied. */
        @WithDefault("clip-service.episodes.dlq")
        @NotBlank
        String dlqTopic();

        /** Partitions of the dead-letter topic when this service creates it. */
        @WithDefault("3")
        @Min(1) @Max(64)
        int dlqPartitions();

        /**
         * Group members (threads) of this instance: each applies its partitions' batches on its own database
         * connection. More than the topic's partitions across all instances leaves some idle.
         */
        @WithDefault("2")
        @Min(1) @Max(16)
        int consumers();

        /** Most records one poll returns, hence one database transaction applies. */
        @WithDefault("200")
        @Min(1) @Max(5000)
        int pollMaxRecords();

        /** How long one poll waits for records. */
        @WithDefault("1000")
        @Min(10) @Max(60000)
        long pollTimeoutMs();

        /**
         * Longest pause after a failure that may pass by itself (database or broker down, a lost race, a timeout)
         * before the same records are tried again; the pause starts at 100 ms and doubles up to this.
         */
        @WithDefault("2000")
        @Min(10) @Max(300000)
        long retryBackoffMs();

        /**
         * This instance's stable name in the consumer group (static membership: a restarted instance takes its
         * partitions back at once instead of after the session timeout). Must be unique among live instances and
         * the same across restarts of one instance (a pod name). Default: host name and HTTP port. Members are
         * named {@code <id>-0}, {@code <id>-1}, ...
         */
        Optional<String> instanceId();

        /** Static membership on (see {@link #instanceId()}); off makes every start a new member. */
        @WithDefault("true")
        boolean staticMembership();

        /**
         * The consumer group protocol: {@code classic} (rebalances run by the consumers, session timeout below) or
         * {@code consumer} (KIP-848, run by the broker; its session timeout is the broker's
         * {@code group.consumer.session.timeout.ms}). docs/clip-service.md compares their recovery.
         */
        @WithDefault("classic")
        @NotBlank
        String groupProtocol();

        /**
         * Classic protocol: how long the group waits for a silent member (a killed instance) before its partitions
         * move. 6 s is the broker's default minimum.
         */
        @WithDefault("6000")
        @Min(1000) @Max(300000)
        long sessionTimeoutMs();

        /** Classic protocol: heartbeat interval; readiness counts a member as cut off after 3 missed heartbeats. */
        @WithDefault("1000")
        @Min(100) @Max(60000)
        long heartbeatIntervalMs();

        /**
         * Longest one poll's records are worked on: no new batch or record starts after it, the rest is rewound and
         * polled again. {@code max.poll.interval.ms} is three times this, so the group never evicts a member that
         * keeps to it.
         */
        @WithDefault("60000")
        @Min(1000) @Max(600000)
        long batchDeadlineMs();

        /** Readiness is down while a member has not come back from its poll and work for longer than this. */
        @WithDefault("30000")
        @Min(1000) @Max(600000)
        long stallBoundMs();

        /** How often the consumer refreshes topic metadata (notices a topic created after it started). */
        @WithDefault("10000")
        @Min(1000) @Max(600000)
        long metadataMaxAgeMs();

        /** How long a dead-letter send or an admin call may take. */
        @WithDefault("10000")
        @Min(100) @Max(120000)
        long kafkaCallTimeoutMs();

        /** Consumed-event log rows older than this are pruned (versions still guard against replays). */
        @WithDefault("30")
        @Min(1) @Max(3650)
        int consumedLogRetentionDays();
    }

    interface Sse {
        /** Most concurrent stream subscribers per instance; more get 503. */
        @WithDefault("1000")
        @Min(1) @Max(100000)
        int maxSubscribers();

        /**
         * Most concurrent streams of one client (ClientKeys: its address, or a trusted proxy's header); more get
         * 429, so one client cannot hold the instance's {@link #maxSubscribers()}.
         */
        @WithDefault("4")
        @Min(1) @Max(1000)
        int maxPerClient();

        /** Interval of heartbeat comments that keep idle connections (and proxies) alive. */
        @WithDefault("15000")
        @Min(100) @Max(300000)
        long heartbeatMs();

        /** How long one wait for PostgreSQL notifications blocks. */
        @WithDefault("500")
        @Min(10) @Max(60000)
        long listenPollMs();

        /** Pause before reconnecting the LISTEN connection after it failed. */
        @WithDefault("2000")
        @Min(10) @Max(300000)
        long listenReconnectMs();
    }

    interface Api {
        /** Largest page of {@code GET /api/episodes}. */
        @WithDefault("100")
        @Min(1) @Max(1000)
        int maxPageSize();

        /** Page size when the caller names none. */
        @WithDefault("20")
        @Min(1) @Max(1000)
        int defaultPageSize();

        /** Largest preview request body. */
        @WithDefault("262144")
        @Min(1024) @Max(16777216)
        int previewMaxBodyBytes();
    }

    interface Rebuild {
        /** A running rebuild whose status row has not moved for this long is taken as abandoned (instance died). */
        @WithDefault("300000")
        @Min(1000) @Max(86400000)
        long staleAfterMs();

        /**
         * Readers of a rebuild, each with its own share of the partitions, consumer and database connection, so
         * PostgreSQL and this JVM both work on two batches at once.
         */
        @WithDefault("2")
        @Min(1) @Max(16)
        int workers();

        /** Longest a rebuild may run before it gives up. */
        @WithDefault("3600000")
        @Min(1000) @Max(86400000)
        long maxDurationMs();
    }
}
