package dev.podclip.clip.events;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.events.Topics;
import dev.podclip.support.kafka.KafkaTopics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The consumer-group members on the episode topic: {@code clip.events.consumers} threads of this instance, each its
 * own group member (its own partitions, consumer and dead-letter producer), from start-up to shutdown. Two members
 * apply two partitions' batches at once, on two database connections: the database, not this JVM, does most of the
 * work of an event. Per poll: apply the batch (database commit), then commit the offsets (commitSync): the read model
 * always commits before the offset, so a crash in between re-delivers records that idempotence turns into no-ops.
 *
 * <p>Start-up never waits for Kafka: the threads keep trying while the broker is down.
 */
@ApplicationScoped
public class EpisodeEventConsumer {

    private static final Logger LOG = Logger.getLogger(EpisodeEventConsumer.class);
    /** How long shutdown waits for the members to finish their batches. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** How often a missing dead-letter topic is tried again (creating it blocks while the broker is down). */
    static final Duration DLQ_ENSURE_INTERVAL = Duration.ofMinutes(1);
    /** Dead letters are kept a month: someone has to look at them. */
    static final long DLQ_RETENTION_MS = Duration.ofDays(30).toMillis();

    @Inject
    ClipConfig config;
    @Inject
    KafkaClients clients;
    @Inject
    BatchProcessor processor;
    @Inject
    ConsumerMetrics metrics;

    private volatile boolean running;
    private volatile boolean dlqTopicReady;
    private Instant nextDlqEnsureAt = Instant.MIN;
    private final List<Member> members = new CopyOnWriteArrayList<>();

    void onStart(@Observes StartupEvent event) {
        if (!config.events().enabled()) {
            LOG.info("episode event consumer disabled (clip.events.enabled=false)");
            return;
        }
        running = true;
        for (int i = 0; i < config.events().consumers(); i++) {
            Member member = new Member("clip-episode-consumer-" + i);
            members.add(member);
            member.thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        members.forEach(Member::wakeup);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Member member : members) {
            try {
                member.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** When the member that polled longest ago last came back from a poll; empty before every member's first. */
    public Optional<Instant> lastPollAt() {
        Instant oldest = null;
        for (Member member : members) {
            Instant at = member.lastPollAt;
            if (at == null) {
                return Optional.empty();
            }
            oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
        }
        return Optional.ofNullable(oldest);
    }

    /** The partitions all members of this instance hold. */
    public List<TopicPartition> assignment() {
        List<TopicPartition> all = new ArrayList<>();
        members.forEach(m -> all.addAll(m.assignment));
        return all;
    }

    /** Whether every member's thread is alive. */
    public boolean running() {
        return running && !members.isEmpty() && members.stream().allMatch(m -> m.thread.isAlive());
    }

    /** One group member: its own thread, consumer and dead-letter producer. */
    private final class Member {
        final Thread thread;
        volatile KafkaConsumer<byte[], byte[]> consumer;
        volatile Instant lastPollAt;
        volatile List<TopicPartition> assignment = List.of();

        Member(String name) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
        }

        void wakeup() {
            KafkaConsumer<byte[], byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        private void run() {
            while (running) {
                ensureDeadLetterTopic();
                try (KafkaConsumer<byte[], byte[]> c = clients.groupConsumer();
                     KafkaProducer<byte[], byte[]> producer = clients.deadLetterProducer()) {
                    consumer = c;
                    DeadLetters deadLetters = new DeadLetters(producer, config.events().dlqTopic(),
                            config.events().group(), config.events().kafkaCallTimeoutMs());
                    c.subscribe(List.of(config.events().topic()), new Rebalance(this));
                    LOG.infof("%s consuming %s as group %s", thread.getName(), config.events().topic(),
                            config.events().group());
                    while (running) {
                        pollOnce(c, deadLetters);
                    }
                } catch (WakeupException e) {
                    if (running) {
                        LOG.warn("consumer woken up while running; reconnecting");
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "episode consumer failed; reconnecting in %d ms", config.events().retryBackoffMs());
                    pause(config.events().retryBackoffMs());
                } finally {
                    consumer = null;
                    assignment = List.of();
                }
            }
            LOG.infof("%s stopped", thread.getName());
        }

        private void pollOnce(KafkaConsumer<byte[], byte[]> c, DeadLetterSink deadLetters) {
            ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(config.events().pollTimeoutMs()));
            lastPollAt = Instant.now();
            if (!dlqTopicReady) {
                ensureDeadLetterTopic();
            }
            if (!records.isEmpty()) {
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                BatchProcessor.Result result = processor.process(batch, false, deadLetters);
                if (!result.commit().isEmpty()) {
                    c.commitSync(result.commit());
                }
                if (result.interrupted()) {
                    for (Map.Entry<TopicPartition, Long> rewind : result.rewind().entrySet()) {
                        c.seek(rewind.getKey(), rewind.getValue());
                    }
                    pause(config.events().retryBackoffMs());
                }
            }
            for (TopicPartition partition : c.assignment()) {
                OptionalLong lag = c.currentLag(partition);
                if (lag.isPresent()) {
                    metrics.lag(partition, lag.getAsLong());
                }
            }
        }
    }

    /** Creates the dead-letter topic when missing; a broker that is down is tried again later. */
    private synchronized void ensureDeadLetterTopic() {
        if (dlqTopicReady || Instant.now().isBefore(nextDlqEnsureAt)) {
            return;
        }
        nextDlqEnsureAt = Instant.now().plus(DLQ_ENSURE_INTERVAL);
        NewTopic topic = new NewTopic(config.events().dlqTopic(), Optional.of(config.events().dlqPartitions()),
                Optional.empty()).configs(Map.of(
                "retention.ms", Long.toString(DLQ_RETENTION_MS),
                "max.message.bytes", Integer.toString(Topics.MAX_RECORD_BYTES + KafkaClients.RECORD_OVERHEAD_BYTES)));
        try {
            KafkaTopics.ensure(clients.bootstrapServers(), List.of(topic));
            dlqTopicReady = true;
        } catch (RuntimeException e) {
            LOG.warnf("dead-letter topic %s not ensured yet: %s", topic.name(), e.getMessage());
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.infof("%s assigned %s", member.thread.getName(), partitions);
            KafkaConsumer<byte[], byte[]> c = member.consumer;
            member.assignment = c == null ? List.copyOf(partitions) : List.copyOf(c.assignment());
        }
    }
}
