package dev.podclip.clip.events;

import dev.podclip.events.EpisodeEventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer's Prometheus metrics: {@code clip_events_consumed_total{type,outcome}},
 * {@code clip_consumer_lag{topic,partition}} and {@code clip_commit_to_chapters_seconds} (catalog commit to
 * chapters served, i.e. now − event occurredAt at our commit).
 */
@ApplicationScoped
public class ConsumerMetrics {

    /** Latencies past this are clamped in the histogram (a rebuild replays old events: they are not "slow"). */
    static final Duration MAX_LATENCY = Duration.ofHours(1);
    /** Type tag of records that carry no readable event. */
    static final String TYPE_UNKNOWN = "unknown";

    @Inject
    MeterRegistry registry;

    private final Map<TopicPartition, AtomicLong> lagByPartition = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Gauge> lagGauges = new ConcurrentHashMap<>();
    private Timer commitToChapters;

    @PostConstruct
    void init() {
        commitToChapters = Timer.builder("clip.commit.to.chapters")
                .description("Time from the catalog's commit of an episode change (event occurredAt) to its chapters"
                        + " committed in this read model")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(MAX_LATENCY)
                .register(registry);
        for (EpisodeEventType type : EpisodeEventType.values()) {
            for (ApplyOutcome outcome : ApplyOutcome.values()) {
                if (outcome != ApplyOutcome.TOMBSTONE) {
                    counter(type.wireName(), outcome);
                }
            }
        }
        counter(TYPE_UNKNOWN, ApplyOutcome.DLQ);
        counter(TYPE_UNKNOWN, ApplyOutcome.TOMBSTONE);
    }

    public void consumed(String type, ApplyOutcome outcome) {
        counter(type, outcome).increment();
    }

    /** Records the latency of an applied live event; replays (rebuild) are not measured. */
    public void applied(Instant occurredAt, Instant committedAt) {
        Duration latency = Duration.between(occurredAt, committedAt);
        if (latency.isNegative()) {
            latency = Duration.ZERO; // clocks of two machines
        }
        if (latency.compareTo(MAX_LATENCY) > 0) {
            latency = MAX_LATENCY;
        }
        commitToChapters.record(latency);
    }

    public void lag(TopicPartition partition, long lag) {
        lagByPartition.computeIfAbsent(partition, p -> {
            AtomicLong value = new AtomicLong();
            lagGauges.put(p, Gauge.builder("clip.consumer.lag", value, AtomicLong::doubleValue)
                    .description("Records in the partition not yet consumed by this instance (end offset − position)")
                    .tag("topic", p.topic())
                    .tag("partition", Integer.toString(p.partition()))
                    .register(registry));
            return value;
        }).set(lag);
    }

    /** The partition moved to another instance: its lag is no longer ours to report. */
    public void forget(TopicPartition partition) {
        lagByPartition.remove(partition);
        Gauge gauge = lagGauges.remove(partition);
        if (gauge != null) {
            registry.remove(gauge);
        }
    }

    private Counter counter(String type, ApplyOutcome outcome) {
        return Counter.builder("clip.events.consumed")
                .description("Episode event records consumed, by event type and outcome")
                .tag("type", type)
                .tag("outcome", outcome.tag())
                .register(registry);
    }
}
