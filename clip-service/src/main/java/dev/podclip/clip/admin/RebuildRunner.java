package dev.podclip.clip.admin;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.clip.events.BatchProcessor;
import dev.podclip.clip.events.DeadLetterSink;
import dev.podclip.clip.events.DeadLetters;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-applies the whole topic, from the beginning up to the end offsets seen at the start, over the live read model
 * with group-less consumers (nothing committed), {@code clip.rebuild.workers} of them, each with a share of the
 * partitions (per-episode order holds: an episode's events are all in one partition). Events at the stored version
 * are applied again (chapters recomputed by the current engine), older ones stay stale, missing episodes come back.
 * The read model stays readable throughout and the group consumer keeps running: both apply under the same row lock
 * and version rule.
 * Records that cannot be read or applied are skipped (the group consumer dead-lettered them already) and reported:
 * the rebuild ends {@code succeeded-with-skips} with their count and the first {@link #MAX_SKIPPED_SAMPLE} of them.
 */
@ApplicationScoped
public class RebuildRunner {

    private static final Logger LOG = Logger.getLogger(RebuildRunner.class);

    /** Skipped records kept with their reasons in the rebuild's status (all are counted). */
    static final int MAX_SKIPPED_SAMPLE = 100;

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
        Skips skips = new Skips();
        try {
            rebuild(id, skips);
            String state = skips.count() == 0 ? StoredRebuild.SUCCEEDED : StoredRebuild.SUCCEEDED_WITH_SKIPS;
            rebuilds.finish(id, state, null, skips.count(), skips.sample());
            LOG.infof("rebuild %s %s", id, state);
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild %s failed", id);
            rebuilds.finish(id, StoredRebuild.FAILED, e.toString(), skips.count(), skips.sample());
        }
    }

    /** The records a rebuild could not read or apply: counted, the first ones kept with their reasons. */
    static final class Skips implements DeadLetterSink {
        private final AtomicLong count = new AtomicLong();
        private final List<RebuildService.Skipped> sample = new ArrayList<>();

        @Override
        public synchronized void send(ConsumerRecord<byte[], byte[]> record, Throwable reason) {
            count.incrementAndGet();
            if (sample.size() < MAX_SKIPPED_SAMPLE) {
                sample.add(new RebuildService.Skipped(record.partition(), record.offset(),
                        DeadLetters.reasonOf(reason)));
            }
        }

        long count() {
            return count.get();
        }

        synchronized List<RebuildService.Skipped> sample() {
            return List.copyOf(sample);
        }
    }

    private void rebuild(UUID id, Skips skips) {
        Instant deadline = Instant.now().plusMillis(config.rebuild().maxDurationMs());
        String topic = config.events().topic();
        Duration callTimeout = Duration.ofMillis(config.events().kafkaCallTimeoutMs());
        List<TopicPartition> partitions;
        Map<TopicPartition, Long> begin;
        Map<TopicPartition, Long> end;
        try (KafkaConsumer<byte[], byte[]> consumer = clients.standaloneConsumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, callTimeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
            }
            partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            begin = consumer.beginningOffsets(partitions, callTimeout);
            end = consumer.endOffsets(partitions, callTimeout);
        }
        long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        Progress progress = new Progress(id, total);
        progress.report();
        List<List<TopicPartition>> shares = shares(partitions, config.rebuild().workers());
        ExecutorService pool = Executors.newFixedThreadPool(shares.size(), r -> {
            Thread thread = new Thread(r, "clip-rebuild-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<TopicPartition> share : shares) {
                futures.add(pool.submit(() -> readShare(share, end, deadline, progress, skips)));
            }
            for (Future<?> future : futures) {
                await(future, progress);
            }
        } finally {
            pool.shutdownNow();
        }
        progress.report();
        if (skips.count() > 0) {
            LOG.warnf("rebuild %s skipped %d records that cannot be read or applied", id, skips.count());
        }
    }

    /** Partitions dealt round-robin to at most {@code workers} shares, none empty. */
    static List<List<TopicPartition>> shares(List<TopicPartition> partitions, int workers) {
        int count = Math.max(1, Math.min(workers, partitions.size()));
        List<List<TopicPartition>> shares = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < partitions.size(); i++) {
            shares.get(i % count).add(partitions.get(i));
        }
        return shares;
    }

    private static void await(Future<?> future, Progress progress) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.failed.set(true);
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (ExecutionException e) {
            progress.failed.set(true); // the other workers stop at their next batch
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Shared by a rebuild's workers; reported to the status row after each batch. */
    private final class Progress {
        final UUID id;
        final long total;
        final AtomicLong read = new AtomicLong();
        final AtomicLong applied = new AtomicLong();
        final AtomicBoolean failed = new AtomicBoolean();

        Progress(UUID id, long total) {
            this.id = id;
            this.total = total;
        }

        /** Synchronized: two workers' reports must not overwrite a newer count with an older one. */
        synchronized void report() {
            rebuilds.progress(id, total, read.get(), applied.get());
        }
    }

    /** One worker: its partitions from the beginning up to the end offsets seen when the rebuild started. */
    private void readShare(List<TopicPartition> partitions, Map<TopicPartition, Long> end, Instant deadline,
                           Progress progress, DeadLetterSink skip) {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.standaloneConsumer()) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done(consumer, partitions, end)) {
                if (progress.failed.get()) {
                    return;
                }
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
                long batchDeadlineNs = System.nanoTime() + config.events().batchDeadlineMs() * 1_000_000L;
                BatchProcessor.Result result = processor.process(batch, true, skip, batchDeadlineNs);
                long read = batch.size();
                if (result.interrupted()) {
                    for (Map.Entry<TopicPartition, Long> rewind : result.rewind().entrySet()) {
                        consumer.seek(rewind.getKey(), rewind.getValue());
                        read -= countFrom(batch, rewind.getKey(), rewind.getValue());
                    }
                    if (result.transientFailure() != null) {
                        pause(config.events().retryBackoffMs());
                    }
                }
                progress.read.addAndGet(read);
                progress.applied.addAndGet(result.applied());
                progress.report();
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
