package dev.podclip.clip.events;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.events.Topics;
import dev.podclip.support.kafka.KafkaClientSettings;
import dev.podclip.support.kafka.KafkaTopics;
import dev.podclip.support.kafka.TopicKeeper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The consumer-group members on the episode topic: {@code clip.events.consumers} threads of this instance, each its
 * own group member (its own partitions, consumer and dead-letter producer), from start-up to shutdown. Two members
 * apply two partitions' batches at once, on two database connections: the database, not this JVM, does most of the
 * work of an event. Per poll: apply the batch (database commit), then commit the offsets (commitSync): the read model
 * always commits before the offset, so a crash in between re-delivers records that idempotence turns into no-ops.
 *
 * <p>Recovery is fast and visible ({@link #members()}, read by the readiness check): members are static
 * ({@code group.instance.id}), so a restarted instance takes its partitions back at once; on shutdown they leave the
 * group, so their partitions move at once; a member whose thread dies (even of an {@link Error}) is restarted by a
 * supervisor; a failure that may pass is retried with backoff, the member reporting why meanwhile. Start-up never
 * waits for Kafka: the threads keep trying while the broker is down.
 */
@ApplicationScoped
public class EpisodeEventConsumer {

    private static final Logger LOG = Logger.getLogger(EpisodeEventConsumer.class);
    /** How long shutdown waits for the members to finish their batches and leave the group. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** How long leaving the group may take at shutdown. */
    static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);
    /** Pause between attempts to create the dead-letter topic while the broker is unreachable, as the catalog's. */
    static final Duration DLQ_TOPIC_RETRY = Duration.ofSeconds(5);
    /** Dead letters are kept a month: someone has to look at them. */
    static final long DLQ_RETENTION_MS = Duration.ofDays(30).toMillis();
    /** First pause after a failure that may pass; doubles up to {@code clip.events.retry-backoff-ms}. */
    static final long RETRY_BACKOFF_MIN_MS = 100;
    /** A heartbeat age beyond this (seconds) means "none sent yet": the metric counts from the epoch then. */
    static final double NO_HEARTBEAT_YET_S = 86_400;
    /** How often the supervisor looks for dead member threads. */
    static final long SUPERVISE_INTERVAL_MS = 1_000;

    @Inject
    ClipConfig config;
    @Inject
    KafkaClients clients;
    @Inject
    BatchProcessor processor;
    @Inject
    ConsumerMetrics metrics;
    @Inject
    MeterRegistry registry;

    private volatile boolean running;
    private volatile TopicKeeper deadLetterTopic;
    private AtomicReferenceArray<Member> members = new AtomicReferenceArray<>(0);
    private ScheduledExecutorService supervisor;
    private Counter restarts;

    /** What the readiness check and the health data say of one member. */
    public record MemberState(String name, boolean alive, boolean joined, List<TopicPartition> assignment,
                              long sincePollMs, long heartbeatAgeMs, String retrying) {
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.events().enabled()) {
            LOG.info("episode event consumer disabled (clip.events.enabled=false)");
            return;
        }
        restarts = Counter.builder("clip.consumer.restarts")
                .description("Consumer member threads restarted after they died").register(registry);
        running = true;
        NewTopic dlq = deadLetterTopic(config.events());
        deadLetterTopic = TopicKeeper.start("dead-letter topic " + dlq.name(), DLQ_TOPIC_RETRY,
                () -> KafkaTopics.ensure(clients.bootstrapServers(), List.of(dlq)));
        members = new AtomicReferenceArray<>(config.events().consumers());
        for (int i = 0; i < members.length(); i++) {
            members.set(i, Member.start(this, i));
        }
        supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "clip-consumer-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        supervisor.scheduleWithFixedDelay(this::supervise, SUPERVISE_INTERVAL_MS, SUPERVISE_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        if (deadLetterTopic != null) {
            deadLetterTopic.close();
        }
        for (int i = 0; i < members.length(); i++) {
            members.get(i).wakeup();
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (int i = 0; i < members.length(); i++) {
            try {
                members.get(i).thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Restarts a member whose thread died; its consumer closed with the thread, a new one rejoins as the same member. */
    private void supervise() {
        for (int i = 0; i < members.length() && running; i++) {
            Member member = members.get(i);
            if (!member.thread.isAlive()) {
                LOG.errorf("consumer member %s died (%s); restarting it", member.name, member.deathCause);
                restarts.increment();
                members.set(i, Member.start(this, i));
            }
        }
    }

    /** Every member's state, for readiness and the health data; empty when consuming is disabled. */
    public List<MemberState> members() {
        long nowMs = System.currentTimeMillis();
        List<MemberState> states = new ArrayList<>(members.length());
        for (int i = 0; i < members.length(); i++) {
            states.add(members.get(i).state(nowMs));
        }
        return states;
    }

    /** The partitions all members of this instance hold. */
    public List<TopicPartition> assignment() {
        List<TopicPartition> all = new ArrayList<>();
        members().forEach(m -> all.addAll(m.assignment()));
        return all;
    }

    public boolean enabled() {
        return config.events().enabled();
    }

    /** One group member: its own thread, consumer and dead-letter producer. */
    private static final class Member {
        final EpisodeEventConsumer owner;
        final int index;
        final String name;
        final Thread thread;
        volatile KafkaConsumer<byte[], byte[]> consumer;
        volatile boolean joined;
        volatile List<TopicPartition> assignment = List.of();
        /** When the member last came back from a poll and its work (or started). */
        volatile long lastPollAtMs = System.currentTimeMillis();
        /** Why the member is retrying (a failure that may pass), or null. */
        volatile String retrying;
        volatile String deathCause = "";
        private long backoffMs;
        /** The consumer's "last-heartbeat-seconds-ago", found once per consumer by the member's thread. */
        private volatile Metric heartbeatMetric;

        private Member(EpisodeEventConsumer owner, int index) {
            this.owner = owner;
            this.index = index;
            this.name = owner.clients.memberName(index);
            this.thread = new Thread(this::runGuarded, "clip-episode-consumer-" + index);
            this.thread.setDaemon(true);
        }

        static Member start(EpisodeEventConsumer owner, int index) {
            Member member = new Member(owner, index);
            member.thread.start();
            return member;
        }

        /**
         * Read by the readiness check's thread. The heartbeat age is read live from the consumer's own metric (a
         * {@link Metric} is safe to read from any thread): a member stuck in a call to a broker it cannot reach must
         * not look healthy because its thread has not come back to report.
         */
        MemberState state(long nowMs) {
            return new MemberState(name, thread.isAlive(), joined, assignment, nowMs - lastPollAtMs,
                    heartbeatAgeMs(heartbeatMetric), retrying);
        }

        void wakeup() {
            KafkaConsumer<byte[], byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        /** Whatever escapes (an Error included) ends the thread visibly: the supervisor restarts it. */
        private void runGuarded() {
            try {
                run();
            } catch (Throwable e) {
                deathCause = e.toString();
                LOG.errorf(e, "consumer member %s stopped by %s", name, e);
            } finally {
                joined = false;
                assignment = List.of();
            }
        }

        private void run() {
            ClipConfig.Events events = owner.config.events();
            while (owner.running) {
                KafkaConsumer<byte[], byte[]> c = owner.clients.groupConsumer(index);
                boolean leave = false;
                try (KafkaProducer<byte[], byte[]> producer = owner.clients.deadLetterProducer()) {
                    heartbeatMetric = null;
                    consumer = c;
                    joined = false;
                    DeadLetters deadLetters = new DeadLetters(producer, events.dlqTopic(), events.group(),
                            events.kafkaCallTimeoutMs());
                    c.subscribe(List.of(events.topic()), owner.new Rebalance(this));
                    LOG.infof("%s consuming %s as group %s", name, events.topic(), events.group());
                    while (owner.running) {
                        pollOnce(c, deadLetters);
                    }
                    leave = true;
                } catch (WakeupException e) {
                    leave = !owner.running;
                } catch (FencedInstanceIdException e) {
                    retrying = "another live consumer uses the group.instance.id " + name;
                    LOG.errorf("%s: another live instance uses this member name: give each instance its own"
                            + " clip.events.instance-id; retrying", name);
                    pause();
                } catch (RuntimeException e) {
                    retrying = e.toString();
                    LOG.warnf("%s: consumer failed (%s); reconnecting", name, e.toString());
                    pause();
                } finally {
                    consumer = null;
                    joined = false;
                    assignment = List.of();
                    close(c, leave);
                }
            }
            LOG.infof("%s stopped", name);
        }

        /**
         * At shutdown the member leaves the group, so its partitions move at once; when it reconnects after a
         * failure it stays, so its next consumer takes them back as the same static member without a rebalance.
         */
        private static void close(KafkaConsumer<byte[], byte[]> c, boolean leave) {
            CloseOptions.GroupMembershipOperation operation = leave
                    ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP
                    : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP;
            try {
                c.close(CloseOptions.groupMembershipOperation(operation).withTimeout(LEAVE_TIMEOUT));
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing a consumer");
            }
        }

        private void pollOnce(KafkaConsumer<byte[], byte[]> c, DeadLetterSink deadLetters) {
            ClipConfig.Events events = owner.config.events();
            ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(events.pollTimeoutMs()));
            long deadlineNs = System.nanoTime() + events.batchDeadlineMs() * 1_000_000L;
            if (!records.isEmpty()) {
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                BatchProcessor.Result result = owner.processor.process(batch, false, deadLetters, deadlineNs);
                commit(c, result);
                for (Map.Entry<TopicPartition, Long> rewind : result.rewind().entrySet()) {
                    c.seek(rewind.getKey(), rewind.getValue());
                }
                if (result.transientFailure() != null) {
                    retrying = result.transientFailure();
                    pause();
                } else {
                    retrying = null;
                    backoffMs = 0;
                }
            }
            lastPollAtMs = System.currentTimeMillis();
            if (heartbeatMetric == null) {
                heartbeatMetric = findHeartbeatMetric(c);
            }
            for (TopicPartition partition : c.assignment()) {
                OptionalLong lag = c.currentLag(partition);
                if (lag.isPresent()) {
                    owner.metrics.lag(partition, lag.getAsLong());
                }
            }
        }

        /**
         * Commits the offsets of what the batch did. When the group rebalanced meanwhile (this member was too slow or
         * cut off), the partitions belong to someone else now: the commit is refused, and the new owner reads those
         * records again, which idempotence makes harmless. Not a failure of this member: the next poll rejoins.
         */
        private void commit(KafkaConsumer<byte[], byte[]> c, BatchProcessor.Result result) {
            if (result.commit().isEmpty()) {
                return;
            }
            try {
                c.commitSync(result.commit());
            } catch (CommitFailedException | RebalanceInProgressException e) {
                LOG.infof("%s: offsets not committed, the group rebalanced (%s); the new owner re-reads them", name,
                        e.getClass().getSimpleName());
            }
        }

        private static Metric findHeartbeatMetric(KafkaConsumer<byte[], byte[]> c) {
            for (Map.Entry<MetricName, ? extends Metric> entry : c.metrics().entrySet()) {
                if (entry.getKey().name().equals("last-heartbeat-seconds-ago")) {
                    return entry.getValue();
                }
            }
            return null;
        }

        /**
         * Time since the consumer last sent a heartbeat, in ms (only one may be in flight, so an unanswered one stops
         * the clock); -1 before the first (the metric then counts from the epoch) or without the metric.
         */
        private static long heartbeatAgeMs(Metric metric) {
            if (metric == null) {
                return -1;
            }
            Object value = metric.metricValue();
            if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > NO_HEARTBEAT_YET_S) {
                return -1;
            }
            return (long) (n.doubleValue() * 1000);
        }

        /** Exponential backoff: 100 ms doubling up to {@code clip.events.retry-backoff-ms}. */
        private void pause() {
            backoffMs = backoffMs == 0 ? RETRY_BACKOFF_MIN_MS
                    : Math.min(owner.config.events().retryBackoffMs(), backoffMs * 2);
            lastPollAtMs = System.currentTimeMillis();
            try {
                Thread.sleep(backoffMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether the dead-letter topic is known to exist. Until it does, an event that must be parked is retried like a
     * transient failure (its send fails), so readiness waits for it as the catalog's waits for its own topic.
     */
    public boolean deadLetterTopicReady() {
        TopicKeeper keeper = deadLetterTopic;
        return keeper != null && keeper.ready();
    }

    static NewTopic deadLetterTopic(ClipConfig.Events events) {
        return new NewTopic(events.dlqTopic(), Optional.of(events.dlqPartitions()), Optional.empty()).configs(Map.of(
                "retention.ms", Long.toString(DLQ_RETENTION_MS),
                "max.message.bytes", Integer.toString(KafkaClientSettings.maxRecordBytes(Topics.MAX_RECORD_BYTES))));
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final Member member;

        Rebalance(Member member) {
            this.member = member;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(metrics::forget);
            List<TopicPartition> kept = new ArrayList<>(member.assignment);
            kept.removeAll(partitions);
            member.assignment = List.copyOf(kept);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
            member.joined = false;
        }

        /** Called after every completed rebalance, with the partitions added (maybe none): the member has joined. */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            KafkaConsumer<byte[], byte[]> c = member.consumer;
            member.assignment = c == null ? List.copyOf(partitions) : List.copyOf(c.assignment());
            member.joined = true;
            if (!partitions.isEmpty()) {
                LOG.infof("%s assigned %s", member.name, partitions);
            }
        }
    }
}
