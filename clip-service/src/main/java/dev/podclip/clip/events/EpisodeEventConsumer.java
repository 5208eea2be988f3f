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

/**
 * The consumer-group member on the episode topic, on its own thread from start-up to shutdown. Per poll: apply the
 * batch (database commit), then commit the offsets (commitSync): the read model always commits before the offset,
 * so a crash in between re-delivers records that idempotence turns into no-ops.
 *
 * <p>Start-up never waits for Kafka: the thread keeps trying while the broker is down.
 */
@ApplicationScoped
public class EpisodeEventConsumer {

    private static final Logger LOG = Logger.getLogger(EpisodeEventConsumer.class);
    /** How long shutdown waits for the loop to finish its batch. */
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
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Instant lastPollAt;
    private volatile boolean dlqTopicReady;
    private Instant nextDlqEnsureAt = Instant.MIN;
    private volatile List<TopicPartition> assignment = List.of();
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        if (!config.events().enabled()) {
            LOG.info("episode event consumer disabled (clip.events.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "clip-episode-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** When the loop last came back from a poll, or null before the first. */
    public Optional<Instant> lastPollAt() {
        return Optional.ofNullable(lastPollAt);
    }

    public List<TopicPartition> assignment() {
        return assignment;
    }

    public boolean running() {
        return running && thread != null && thread.isAlive();
    }

    private void run() {
        while (running) {
            ensureDeadLetterTopic();
            try (KafkaConsumer<byte[], byte[]> c = clients.groupConsumer();
                 KafkaProducer<byte[], byte[]> producer = clients.deadLetterProducer()) {
                consumer = c;
                DeadLetters deadLetters = new DeadLetters(producer, config.events().dlqTopic(), config.events().group(),
                        config.events().kafkaCallTimeoutMs());
                c.subscribe(List.of(config.events().topic()), new Rebalance());
                LOG.infof("consuming %s as group %s", config.events().topic(), config.events().group());
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
        LOG.info("episode event consumer stopped");
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

    /** Creates the dead-letter topic when missing; a broker that is down is tried again later. */
    private void ensureDeadLetterTopic() {
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
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(metrics::forget);
            assignment = List.copyOf(consumer == null ? List.of() : consumer.assignment());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.infof("assigned %s", partitions);
            KafkaConsumer<byte[], byte[]> c = consumer;
            assignment = c == null ? List.copyOf(partitions) : List.copyOf(c.assignment());
        }
    }
}
