package dev.podclip.catalog.outbox;

import dev.podclip.catalog.config.CatalogConfig;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Sends outbox rows to {@link Topics#EPISODES} with an idempotent producer (acks=all, at most 5 in flight: the broker
 * keeps each partition's order even across retries) and reports how many rows, from the first, Kafka acknowledged.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    /** Room for the record's key, headers and batch framing on top of the largest value. */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;
    /** How long send() may block for metadata (an unreachable broker) before the batch stops. */
    static final int MAX_BLOCK_MS = 2_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    CatalogConfig config;

    private KafkaProducer<String, byte[]> producer;

    /**
     * @param acked   rows acknowledged, counted from the first; rows after a failure are never counted
     * @param failure why the row after the acknowledged ones failed, or null when all were acknowledged
     */
    public record Delivery(int acked, Exception failure) {
    }

    /** Sends the rows in order and waits for every acknowledgement (bounded by the delivery timeout). */
    public Delivery publish(List<OutboxRecord> rows) {
        KafkaProducer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        Exception failure = null;
        for (OutboxRecord row : rows) {
            try {
                sent.add(kafka.send(record(row)));
            } catch (RuntimeException e) {
                // Nothing after a refused row may go out, or an episode's later version could overtake it.
                failure = e;
                break;
            }
        }
        kafka.flush();
        int acked = 0;
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
                acked++;
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        if (failure != null) {
            // A fresh producer after a failure: no fatal state or stale sequence numbers carry over.
            reset();
        }
        return new Delivery(acked, failure);
    }

    static ProducerRecord<String, byte[]> record(OutboxRecord row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header(Topics.HEADER_EPISODE_VERSION, Long.toString(row.episodeVersion())));
        if (!row.isTombstone()) {
            headers.add(header(Topics.HEADER_EVENT_ID, row.eventId().toString()));
            headers.add(header(Topics.HEADER_EVENT_TYPE, row.type()));
            headers.add(header(Topics.HEADER_SCHEMA_VERSION, Integer.toString(EpisodeEvent.SCHEMA_VERSION)));
        }
        return new ProducerRecord<>(Topics.EPISODES, null, row.createdAt().toEpochMilli(),
                row.episodeId().toString(), row.payload(), headers);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The producer's settings, spelled out rather than left to defaults: they carry the ordering guarantee. */
    static Map<String, Object> producerConfig(String bootstrapServers, Duration deliveryTimeout) {
        int deliveryMs = (int) deliveryTimeout.toMillis();
        int lingerMs = 5;
        int requestTimeoutMs = Math.max(1_000, deliveryMs / 2);
        if (deliveryMs < lingerMs + requestTimeoutMs) {
            throw new IllegalArgumentException("delivery timeout " + deliveryTimeout + " too short");
        }
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "catalog-outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES + RECORD_OVERHEAD_BYTES);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
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
