package dev.podclip.clip.admin;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.clip.events.BatchProcessor;
import dev.podclip.clip.events.DeadLetterSink;
import dev.podclip.clip.events.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-applies the whole topic, from the beginning up to the end offsets seen at the start, over the live read model
 * with a group-less consumer (nothing committed). Events at the stored version are applied again (chapters
 * recomputed by the current engine), older ones stay stale, missing episodes come back. The read model stays
 * readable throughout and the group consumer keeps running: both apply under the same row lock and version rule.
 * Records that cannot be read are skipped (the group consumer dead-lettered them already).
 */
@ApplicationScoped
public class RebuildRunner {

    private static final Logger LOG = Logger.getLogger(RebuildRunner.class);

    @Inject
    ClipConfig config;
    @Inject
    KafkaClients clients;
    @Inject
    BatchProcessor processor;
    @Inject
    RebuildService rebuilds;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "clip-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public void runAsync(UUID id) {
        executor.submit(() -> run(id));
    }

    private void run(UUID id) {
        try {
            rebuild(id);
            rebuilds.finish(id, RebuildEntity.SUCCEEDED, null);
            LOG.infof("rebuild %s succeeded", id);
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild %s failed", id);
            rebuilds.finish(id, RebuildEntity.FAILED, e.toString());
        }
    }

    private void rebuild(UUID id) {
        Instant deadline = Instant.now().plusMillis(config.rebuild().maxDurationMs());
        String topic = config.events().topic();
        AtomicLong skipped = new AtomicLong();
        DeadLetterSink skip = (record, reason) -> skipped.incrementAndGet();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.standaloneConsumer()) {
            Duration callTimeout = Duration.ofMillis(config.events().kafkaCallTimeoutMs());
            List<PartitionInfo> infos = consumer.partitionsFor(topic, callTimeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, callTimeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, callTimeout);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            long read = 0;
            long applied = 0;
            rebuilds.progress(id, total, read, applied);
            while (!done(consumer, partitions, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("rebuild exceeded " + Duration.ofMillis(config.rebuild()
                            .maxDurationMs()));
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(config.events()
                        .pollTimeoutMs()));
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        batch.add(record); // later records are the group consumer's business
                    }
                }
                if (batch.isEmpty()) {
                    continue;
                }
                BatchProcessor.Result result = processor.process(batch, true, skip);
                read += batch.size();
                applied += result.applied();
                if (result.interrupted()) {
                    for (Map.Entry<TopicPartition, Long> rewind : result.rewind().entrySet()) {
                        consumer.seek(rewind.getKey(), rewind.getValue());
                        read -= countFrom(batch, rewind.getKey(), rewind.getValue());
                    }
                    pause(config.events().retryBackoffMs());
                }
                rebuilds.progress(id, total, read, applied);
            }
            if (skipped.get() > 0) {
                LOG.warnf("rebuild %s skipped %d unreadable records", id, skipped.get());
            }
        }
    }

    private static boolean done(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private static long countFrom(List<ConsumerRecord<byte[], byte[]>> batch, TopicPartition partition, long offset) {
        return batch.stream()
                .filter(r -> r.partition() == partition.partition() && r.topic().equals(partition.topic())
                        && r.offset() >= offset)
                .count();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }
}
