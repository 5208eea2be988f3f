package dev.podclip.catalog.outbox;

import dev.podclip.catalog.config.CatalogConfig;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.Topics;
import dev.podclip.support.kafka.KafkaClientSettings;
import dev.podclip.support.tracing.TraceParents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Sends outbox rows to {@link Topics#EPISODES} with an idempotent producer (acks=all, at most 5 in flight, so
 * retries neither duplicate nor reorder) and reports which rows Kafka acknowledged.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    /** How long send() may block for metadata (an unreachable broker) before the batch stops. */
    static final int MAX_BLOCK_MS = 2_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    CatalogConfig config;
    @Inject
    Tracer tracer;

    private KafkaProducer<String, byte[]> producer;

    /**
     * @param ackedIds    rows Kafka acknowledged; for each episode they are a prefix of its rows in the batch
     * @param rowFailures rows Kafka refused or did not acknowledge, each with its reason; the rest of such a row's
     *                    episode was not sent
     * @param failure     the first failure of any kind (a refused row, or a send that could not even start), or
     *                    null when every row was acknowledged
     */
    public record Delivery(List<Long> ackedIds, Map<Long, Exception> rowFailures, Exception failure) {

        public Delivery {
            ackedIds = List.copyOf(ackedIds);
            rowFailures = Map.copyOf(rowFailures);
        }

        /** Whether anything failed for a reason that may pass by itself (the broker, not a row, was at fault). */
        public boolean transientFailure() {
            return failure != null && (rowFailures.isEmpty()
                    || rowFailures.values().stream().anyMatch(e -> !PublishFailures.isPermanent(e)));
        }
    }

    /**
     * Publishes rows given in id order, in rounds: a round sends the oldest unsent row of each episode, then waits for
     * every acknowledgement. So an episode never has two records in flight, and a later version is sent only after
     * the earlier one was acknowledged: no producer behaviour (a failed future from a metadata timeout, an expired
     * batch followed by a successful one) can put an episode's versions out of order. Rows of different episodes
     * travel together. A row that fails holds back the rest of its own episode only; the other episodes go on. A
     * send that cannot even start (metadata unavailable: the broker is away) ends the batch.
     */
    public Delivery publish(List<OutboxRecord> rows) {
        Delivery delivery = publish(producer(), tracer, rows);
        if (delivery.transientFailure()) {
            // A fresh producer after a failure: no fatal state or stale sequence numbers carry over.
            reset();
        }
        return delivery;
    }

    static Delivery publish(Producer<String, byte[]> kafka, Tracer tracer, List<OutboxRecord> rows) {
        Map<UUID, ArrayDeque<OutboxRecord>> byEpisode = new LinkedHashMap<>();
        for (OutboxRecord row : rows) {
            byEpisode.computeIfAbsent(row.episodeId(), id -> new ArrayDeque<>()).add(row);
        }
        List<Long> acked = new ArrayList<>(rows.size());
        Map<Long, Exception> rowFailures = new LinkedHashMap<>();
        Exception stopped = null;
        while (stopped == null && !byEpisode.isEmpty()) {
            List<OutboxRecord> round = new ArrayList<>(byEpisode.size());
            for (ArrayDeque<OutboxRecord> queue : byEpisode.values()) {
                round.add(queue.poll());
            }
            byEpisode.values().removeIf(ArrayDeque::isEmpty);
            stopped = sendRound(kafka, tracer, round, acked, rowFailures);
            for (OutboxRecord failed : round) {
                if (rowFailures.containsKey(failed.id())) {
                    byEpisode.remove(failed.episodeId()); // its later versions wait for the next pass
                }
            }
        }
        Exception first = stopped != null ? stopped
                : rowFailures.isEmpty() ? null : rowFailures.values().iterator().next();
        return new Delivery(acked, rowFailures, first);
    }

    /**
     * Sends one row per episode and waits for all; adds the acknowledged ids and the failed rows; returns the
     * exception that stopped the round before every row was sent, or null. Each send is a span continuing the trace
     * of the write that made the row, from the send to Kafka's answer.
     */
    private static Exception sendRound(Producer<String, byte[]> kafka, Tracer tracer, List<OutboxRecord> round,
                                       List<Long> acked, Map<Long, Exception> rowFailures) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(round.size());
        List<Span> spans = new ArrayList<>(round.size());
        Exception stopped = null;
        for (OutboxRecord row : round) {
            Span span = sendSpan(tracer, row);
            try {
                sent.add(kafka.send(record(row, span)));
                spans.add(span);
            } catch (RuntimeException e) {
                end(span, e);
                stopped = e;
                break;
            }
        }
        kafka.flush();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
                acked.add(round.get(i).id());
                end(spans.get(i), null);
            } catch (ExecutionException e) {
                Exception cause = e.getCause() instanceof Exception c ? c : e;
                rowFailures.put(round.get(i).id(), cause);
                end(spans.get(i), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spans.subList(i, spans.size()).forEach(span -> end(span, e));
                return e;
            }
        }
        return stopped;
    }

    /** Span names and attributes follow OpenTelemetry's messaging conventions, so tracing backends group them. */
    private static Span sendSpan(Tracer tracer, OutboxRecord row) {
        Span span = TraceParents.start(tracer, "send " + Topics.EPISODES, SpanKind.PRODUCER, row.traceParent());
        span.setAttribute("messaging.system", "kafka");
        span.setAttribute("messaging.operation.type", "send");
        span.setAttribute("messaging.destination.name", Topics.EPISODES);
        span.setAttribute("messaging.kafka.message.key", row.episodeId().toString());
        span.setAttribute("podclip.episode.version", row.episodeVersion());
        return span;
    }

    private static void end(Span span, Exception failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }

    /**
     * The row as a record; its {@value TraceParents#HEADER} header names the send's span (so clip-service continues
     * the trace under it), or the write's when tracing is off here but the row was traced.
     */
    static ProducerRecord<String, byte[]> record(OutboxRecord row, Span send) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header(Topics.HEADER_EPISODE_VERSION, Long.toString(row.episodeVersion())));
        if (!row.isTombstone()) {
            headers.add(header(Topics.HEADER_EVENT_ID, row.eventId().toString()));
            headers.add(header(Topics.HEADER_EVENT_TYPE, row.type()));
            headers.add(header(Topics.HEADER_SCHEMA_VERSION, Integer.toString(EpisodeEvent.SCHEMA_VERSION)));
        }
        String traceParent = TraceParents.of(send.getSpanContext());
        traceParent = traceParent != null ? traceParent : row.traceParent();
        if (traceParent != null) {
            headers.add(header(TraceParents.HEADER, traceParent));
        }
        return new ProducerRecord<>(Topics.EPISODES, null, row.createdAt().toEpochMilli(),
                row.episodeId().toString(), row.payload(), headers);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * service-support's idempotent producer, with the relay's own timing: 5 ms of linger batches a burst of outbox
     * rows, and the delivery timeout (which bounds a slot's transaction) splits into two request attempts.
     */
    static Map<String, Object> producerConfig(String bootstrapServers, Duration deliveryTimeout) {
        int deliveryMs = (int) deliveryTimeout.toMillis();
        int lingerMs = 5;
        int requestTimeoutMs = Math.max(1_000, deliveryMs / 2);
        if (deliveryMs < lingerMs + requestTimeoutMs) {
            throw new IllegalArgumentException("delivery timeout " + deliveryTimeout + " too short");
        }
        Map<String, Object> props = KafkaClientSettings.producer(bootstrapServers, "catalog-outbox-relay",
                Topics.MAX_RECORD_BYTES);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(bootstrapServers, config.relay().deliveryTimeout()));
        }
        return producer;
    }

    private synchronized void reset() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing a failed producer");
            }
            producer = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
            producer = null;
        }
    }
}
