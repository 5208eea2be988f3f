package dev.podclip.clip.events;

import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.events.EpisodeEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one poll's records. The whole batch first, in one transaction and a fixed number of statements
 * ({@link EpisodeEventApplier}, set-based: throughput); if that fails, record by
 * record, each in its own transaction, so one poison record goes to the dead-letter topic and the others apply.
 *
 * <p>An infrastructure failure (database unreachable, dead-letter topic unreachable) is no reason to dead-letter
 * anything: processing stops at that record and the caller rewinds its partitions there and retries later.
 */
@ApplicationScoped
public class BatchProcessor {

    private static final Logger LOG = Logger.getLogger(BatchProcessor.class);
    /** Tries of one record before it counts as poison (a second try rides out a concurrent-insert race). */
    static final int MAX_RECORD_ATTEMPTS = 2;
    /** Longest one batch transaction may run. */
    static final int TRANSACTION_TIMEOUT_SECONDS = 120;

    @Inject
    EpisodeEventApplier applier;
    @Inject
    ConsumerMetrics metrics;
    @Inject
    EntityManager em;

    /**
     * @param commit  per partition, the offset to commit (one past the last record done)
     * @param rewind  per partition, the first record not done: seek there before polling again; empty when all done
     * @param applied how many events changed the read model
     */
    public record Result(Map<TopicPartition, OffsetAndMetadata> commit, Map<TopicPartition, Long> rewind,
                         int applied) {
        public boolean interrupted() {
            return !rewind.isEmpty();
        }
    }

    /** One record and what decoding made of it. */
    private record Item(ConsumerRecord<byte[], byte[]> record, EpisodeEvent event, RuntimeException poison) {
        boolean tombstone() {
            return record.value() == null;
        }

        String type() {
            return event == null ? ConsumerMetrics.TYPE_UNKNOWN : event.type().wireName();
        }

        EpisodeEventApplier.Input input() {
            return new EpisodeEventApplier.Input(event, new RecordRef(record.topic(), record.partition(),
                    record.offset()));
        }
    }

    /** Stops processing at a record: the infrastructure, not the record, failed. */
    private static final class InfrastructureDown extends RuntimeException {
        InfrastructureDown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param recompute true for a rebuild (see {@link EpisodeEventApplier#apply}); latency is then not measured
     */
    public Result process(List<ConsumerRecord<byte[], byte[]>> records, boolean recompute, DeadLetterSink deadLetters) {
        List<Item> items = decode(records);
        List<Item> events = items.stream().filter(i -> i.event != null).toList();
        List<ApplyOutcome> outcomes = applyAll(events, recompute);
        boolean batchDone = outcomes != null;
        if (batchDone) {
            Instant committedAt = Instant.now();
            for (int i = 0; i < events.size(); i++) {
                count(events.get(i), outcomes.get(i), recompute, committedAt);
            }
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        Map<TopicPartition, Long> rewind = new HashMap<>();
        int applied = batchDone ? (int) outcomes.stream().filter(o -> o == ApplyOutcome.APPLIED).count() : 0;
        for (Item item : items) {
            TopicPartition partition = new TopicPartition(item.record.topic(), item.record.partition());
            if (rewind.containsKey(partition)) {
                continue; // an earlier record of this partition is not done: neither is this one
            }
            try {
                if (!batchDone || item.event == null) {
                    applied += processOne(item, recompute, deadLetters) == ApplyOutcome.APPLIED ? 1 : 0;
                }
                commit.put(partition, new OffsetAndMetadata(item.record.offset() + 1));
            } catch (InfrastructureDown e) {
                LOG.warnf("stopping at %s-%d@%d: %s", item.record.topic(), item.record.partition(),
                        item.record.offset(), e.getMessage());
                rewind.put(partition, item.record.offset());
            }
        }
        return new Result(commit, rewind, applied);
    }

    private static List<Item> decode(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Item> items = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.value() == null) {
                items.add(new Item(record, null, null));
                continue;
            }
            try {
                items.add(new Item(record, RecordDecoder.decode(record.key(), record.value()), null));
            } catch (PoisonRecordException e) {
                items.add(new Item(record, null, e));
            }
        }
        return items;
    }

    /** All events in one transaction; null when it failed (nothing of it committed). */
    private List<ApplyOutcome> applyAll(List<Item> events, boolean recompute) {
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            List<EpisodeEventApplier.Input> inputs = events.stream().map(Item::input).toList();
            return QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS)
                    .call(() -> applier.apply(inputs, recompute));
        } catch (RuntimeException e) {
            LOG.infof("batch of %d events failed (%s); applying them one by one", events.size(), e.toString());
            return null;
        }
    }

    /** One record on its own; throws {@link InfrastructureDown} when it must be retried later. */
    private ApplyOutcome processOne(Item item, boolean recompute, DeadLetterSink deadLetters) {
        if (item.tombstone()) {
            metrics.consumed(ConsumerMetrics.TYPE_UNKNOWN, ApplyOutcome.TOMBSTONE);
            return ApplyOutcome.TOMBSTONE;
        }
        if (item.poison != null) {
            return deadLetter(item, item.poison, deadLetters);
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_RECORD_ATTEMPTS; attempt++) {
            try {
                ApplyOutcome outcome = QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS)
                        .call(() -> applier.apply(List.of(item.input()), recompute).get(0));
                count(item, outcome, recompute, Instant.now());
                return outcome;
            } catch (RuntimeException e) {
                last = e;
                if (isPoison(e)) {
                    break;
                }
                if (!databaseReachable()) {
                    throw new InfrastructureDown("database unreachable", e);
                }
            }
        }
        LOG.warnf(last, "event %s of episode %s cannot be applied", item.event.eventId(), item.event.episodeId());
        return deadLetter(item, last, deadLetters);
    }

    private ApplyOutcome deadLetter(Item item, RuntimeException reason, DeadLetterSink deadLetters) {
        try {
            deadLetters.send(item.record, reason);
        } catch (DeadLetterSink.DeadLetterException e) {
            throw new InfrastructureDown(e.getMessage(), e);
        }
        LOG.warnf("gave up on %s-%d@%d: %s", item.record.topic(), item.record.partition(), item.record.offset(),
                DeadLetters.reasonOf(reason));
        metrics.consumed(item.type(), ApplyOutcome.DLQ);
        return ApplyOutcome.DLQ;
    }

    private void count(Item item, ApplyOutcome outcome, boolean recompute, Instant committedAt) {
        metrics.consumed(item.type(), outcome);
        if (outcome == ApplyOutcome.APPLIED && !recompute) {
            metrics.applied(item.event.occurredAt(), committedAt);
        }
    }

    /** Failures no retry can cure: the record's content breaks a rule. */
    static boolean isPoison(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PoisonRecordException || t instanceof ChapterEngineException
                    || t instanceof IllegalArgumentException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    boolean databaseReachable() {
        try {
            QuarkusTransaction.requiringNew().timeout(10)
                    .call(() -> em.createNativeQuery("SELECT 1").getSingleResult());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
