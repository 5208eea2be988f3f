package dev.podclip.clip.events;

import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.support.db.DatabaseProbe;
import dev.podclip.support.db.SqlFailures;
import dev.podclip.support.tracing.TraceParents;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one poll's records. The whole batch first, in one transaction and a fixed number of statements
 * ({@link EpisodeEventApplier}, set-based: throughput); if that fails for a reason of the records, record by
 * record, each in its own transaction, so one poison record goes to the dead-letter topic and the others apply.
 *
 * <p>What a failure means decides what happens ({@link #classify}): a failure that may pass by itself (the database
 * down or restarting, a lost race, a lock or statement timeout, the dead-letter topic unreachable) is never a reason
 * to dead-letter anything: processing stops there, the caller rewinds its partitions to that record and retries with
 * backoff, and readiness is down meanwhile. Only a record that cannot be read or breaks a rule (poison), or one that
 * failed {@link #MAX_RECORD_ATTEMPTS} times on its own for a reason no one named, goes to the dead-letter topic, with
 * the reason. No new work starts past the caller's deadline: the rest is rewound and polled again.
 */
@ApplicationScoped
public class BatchProcessor {

    /** The MDC field naming the episode a log line is about. */
    static final String EPISODE_ID_FIELD = "episodeId";
    /** The MDC fields naming the record's span, as Quarkus names them for HTTP requests. */
    static final String TRACE_ID_FIELD = "traceId";
    static final String SPAN_ID_FIELD = "spanId";
    /** A rebuild replays the whole topic: a span per record would flood the tracing backend with old traces. */
    private static final Tracer NO_TRACING = OpenTelemetry.noop().getTracer("rebuild");
    private static final Logger LOG = Logger.getLogger(BatchProcessor.class);
    /** Tries of one record failing for an unnamed reason before it is dead-lettered (rides out a concurrent race). */
    static final int MAX_RECORD_ATTEMPTS = 3;
    /** Longest one record's own transaction may run. */
    static final int RECORD_TRANSACTION_TIMEOUT_SECONDS = 10;
    /** Longest a whole batch's transaction may run, however far the caller's deadline (a rebuild's is an hour). */
    static final int MAX_BATCH_TRANSACTION_SECONDS = 120;

    @Inject
    EpisodeEventApplier applier;
    @Inject
    ConsumerMetrics metrics;
    @Inject
    DatabaseProbe database;
    @Inject
    Tracer tracer;

    /** What a failure says about the record that met it. */
    enum Failure {
        /** The record is at fault: no retry can apply it. */
        POISON,
        /** The database or broker is: the same record can apply later. */
        TRANSIENT,
        /** Nobody said: try again a few times, then dead-letter it with the reason. */
        UNKNOWN
    }

    /**
     * @param commit    per partition, the offset to commit (one past the last record done)
     * @param rewind    per partition, the first record not done: seek there before polling again; empty when all done
     * @param applied   how many events changed the read model
     * @param transient why processing stopped for a reason that may pass (retry with backoff), or null
     */
    public record Result(Map<TopicPartition, OffsetAndMetadata> commit, Map<TopicPartition, Long> rewind,
                         int applied, String transientFailure) {
        public boolean interrupted() {
            return !rewind.isEmpty();
        }
    }

    /** One record, what decoding made of it, and its span (ended when the poll's processing ends). */
    private record Item(ConsumerRecord<byte[], byte[]> record, EpisodeEvent event, RuntimeException poison,
                        Span span) {
        String type() {
            return event == null ? ConsumerMetrics.TYPE_UNKNOWN : event.type().wireName();
        }

        boolean fromTombstone() {
            return record.value() == null;
        }

        EpisodeEventApplier.Input input() {
            return new EpisodeEventApplier.Input(event, new RecordRef(record.topic(), record.partition(),
                    record.offset()), TraceParents.of(span.getSpanContext()));
        }
    }

    /** Stops processing at a record: the infrastructure, not the record, failed. */
    private static final class InfrastructureDown extends RuntimeException {
        InfrastructureDown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param recompute  true for a rebuild (see {@link EpisodeEventApplier#apply}); latency is then not measured
     * @param deadlineNs {@link System#nanoTime()} past which no new work starts
     */
    public Result process(List<ConsumerRecord<byte[], byte[]>> records, boolean recompute, DeadLetterSink deadLetters,
                          long deadlineNs) {
        List<Item> items = decode(records, recompute ? NO_TRACING : tracer);
        try {
            return processDecoded(items, recompute, deadLetters, deadlineNs);
        } finally {
            items.forEach(item -> item.span.end());
        }
    }

    private Result processDecoded(List<Item> items, boolean recompute, DeadLetterSink deadLetters, long deadlineNs) {
        if (!database.available()) {
            return rewindAll(items, "database unavailable: " + database.reason());
        }
        List<Item> events = items.stream().filter(i -> i.event != null).toList();
        List<ApplyOutcome> outcomes;
        try {
            outcomes = applyAll(events, recompute, deadlineNs);
        } catch (RuntimeException e) {
            if (classify(e) == Failure.TRANSIENT) {
                return rewindAll(items, describe(e));
            }
            LOG.infof("batch of %d events failed (%s); applying them one by one", events.size(), e.toString());
            outcomes = null;
        }
        return finish(items, outcomes, recompute, deadLetters, deadlineNs);
    }

    /** Commits what the batch did, or goes record by record when the batch failed ({@code outcomes} null). */
    private Result finish(List<Item> items, List<ApplyOutcome> outcomes, boolean recompute, DeadLetterSink deadLetters,
                          long deadlineNs) {
        boolean batchDone = outcomes != null;
        int applied = 0;
        if (batchDone) {
            Instant committedAt = Instant.now();
            List<Item> events = items.stream().filter(i -> i.event != null).toList();
            for (int i = 0; i < events.size(); i++) {
                count(events.get(i), outcomes.get(i), recompute, committedAt);
                applied += outcomes.get(i) == ApplyOutcome.APPLIED ? 1 : 0;
            }
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        Map<TopicPartition, Long> rewind = new HashMap<>();
        String transientFailure = null;
        for (Item item : items) {
            TopicPartition partition = partitionOf(item.record);
            if (rewind.containsKey(partition)) {
                continue; // an earlier record of this partition is not done: neither is this one
            }
            boolean needsWork = !batchDone || item.event == null;
            if (needsWork && System.nanoTime() - deadlineNs > 0) {
                rewind(item, rewind, null);
                continue;
            }
            try {
                if (needsWork) {
                    applied += processOne(item, recompute, deadLetters) == ApplyOutcome.APPLIED ? 1 : 0;
                }
                commit.put(partition, new OffsetAndMetadata(item.record.offset() + 1));
            } catch (InfrastructureDown e) {
                LOG.debugf("stopping at %s-%d@%d: %s", item.record.topic(), item.record.partition(),
                        item.record.offset(), e.getMessage());
                rewind(item, rewind, e);
                transientFailure = e.getMessage();
            }
        }
        return new Result(commit, rewind, applied, transientFailure);
    }

    private static Result rewindAll(List<Item> items, String reason) {
        Map<TopicPartition, Long> rewind = new HashMap<>();
        for (Item item : items) {
            rewind.putIfAbsent(partitionOf(item.record), item.record.offset());
            RecordSpans.outcome(item.span, RecordSpans.REWOUND, null);
        }
        return new Result(Map.of(), rewind, 0, reason);
    }

    /** Processing of the item's partition stops at it: it is polled again. */
    private static void rewind(Item item, Map<TopicPartition, Long> rewind, RuntimeException why) {
        rewind.put(partitionOf(item.record), item.record.offset());
        RecordSpans.outcome(item.span, RecordSpans.REWOUND, why);
    }

    private static TopicPartition partitionOf(ConsumerRecord<byte[], byte[]> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static List<Item> decode(List<ConsumerRecord<byte[], byte[]>> records, Tracer tracer) {
        List<Item> items = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Span span = RecordSpans.start(tracer, record);
            try {
                EpisodeEvent event = record.value() == null
                        ? RecordDecoder.decodeTombstone(record.key(), record.headers(), record.timestamp())
                        : RecordDecoder.decode(record.key(), record.value());
                items.add(new Item(record, event, null, span));
            } catch (PoisonRecordException e) {
                items.add(new Item(record, null, e, span));
            }
        }
        return items;
    }

    /** All events in one transaction, bounded by the deadline; throws when it failed (nothing of it committed). */
    private List<ApplyOutcome> applyAll(List<Item> events, boolean recompute, long deadlineNs) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<EpisodeEventApplier.Input> inputs = events.stream().map(Item::input).toList();
        long remainingS = (deadlineNs - System.nanoTime()) / 1_000_000_000L;
        int timeoutS = (int) Math.max(1, Math.min(MAX_BATCH_TRANSACTION_SECONDS, remainingS));
        return QuarkusTransaction.requiringNew().timeout(timeoutS).call(() -> applier.apply(inputs, recompute));
    }

    /**
     * One record on its own; throws {@link InfrastructureDown} when it must be retried later. Its log lines carry the
     * episode as the MDC field {@value #EPISODE_ID_FIELD} and its span as {@value #TRACE_ID_FIELD} and
     * {@value #SPAN_ID_FIELD} (fields of their own in the JSON logs).
     */
    private ApplyOutcome processOne(Item item, boolean recompute, DeadLetterSink deadLetters) {
        if (item.event != null) {
            MDC.put(EPISODE_ID_FIELD, item.event.episodeId().toString());
        }
        if (item.span.getSpanContext().isValid()) {
            MDC.put(TRACE_ID_FIELD, item.span.getSpanContext().getTraceId());
            MDC.put(SPAN_ID_FIELD, item.span.getSpanContext().getSpanId());
        }
        try (Scope ignored = item.span.makeCurrent()) {
            return processOneLogged(item, recompute, deadLetters);
        } finally {
            MDC.remove(EPISODE_ID_FIELD);
            MDC.remove(TRACE_ID_FIELD);
            MDC.remove(SPAN_ID_FIELD);
        }
    }

    private ApplyOutcome processOneLogged(Item item, boolean recompute, DeadLetterSink deadLetters) {
        if (item.poison != null) {
            return deadLetter(item, item.poison, deadLetters);
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_RECORD_ATTEMPTS; attempt++) {
            try {
                ApplyOutcome outcome = QuarkusTransaction.requiringNew().timeout(RECORD_TRANSACTION_TIMEOUT_SECONDS)
                        .call(() -> applier.apply(List.of(item.input()), recompute).get(0));
                count(item, outcome, recompute, Instant.now());
                return outcome;
            } catch (RuntimeException e) {
                last = e;
                Failure failure = classify(e);
                if (failure == Failure.POISON) {
                    break;
                }
                if (failure == Failure.TRANSIENT || !database.available()) {
                    throw new InfrastructureDown(describe(e), e);
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
        RecordSpans.outcome(item.span, ApplyOutcome.DLQ.name(), reason);
        return ApplyOutcome.DLQ;
    }

    private void count(Item item, ApplyOutcome outcome, boolean recompute, Instant committedAt) {
        metrics.consumed(item.type(), outcome);
        RecordSpans.outcome(item.span, outcome.name(), null);
        if (outcome == ApplyOutcome.APPLIED && !recompute && !item.fromTombstone()) {
            metrics.applied(item.event.occurredAt(), committedAt);
        }
    }

    /**
     * Poison: the record's own content breaks a rule ({@link PoisonRecordException}, the engine refusing it).
     * Transient: the database says it was unavailable, lost a race or timed out ({@link SqlFailures}). Anything else
     * is unknown; in particular an IllegalArgumentException from our own code is a bug to retry and then park, not
     * a verdict on the record.
     */
    static Failure classify(Throwable e) {
        if (SqlFailures.isRetryable(e)) {
            return Failure.TRANSIENT;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PoisonRecordException || t instanceof ChapterEngineException) {
                return Failure.POISON;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Failure.UNKNOWN;
    }

    private static String describe(Throwable e) {
        String state = SqlFailures.sqlState(e);
        return (state == null ? "" : state + " ") + e;
    }
}
