package dev.podclip.support.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka client settings both services share, each written once. Every client starts from {@link #common}; an
 * admin client adds its timeout ({@link #admin}), a producer the idempotent delivery settings ({@link #producer}).
 * What a service adds on top is its own on purpose: the catalog's relay lingers 5 ms to batch a burst of outbox rows
 * and bounds a slot transaction by its delivery timeout, clip-service's dead-letter producer sends one record at a
 * time and waits for it, bounded by {@code clip.events.kafka-call-timeout-ms}; only clip-service consumes.
 *
 * <p>Neither service has SASL or TLS settings today; a broker that needs them gets them in {@link #common}, once for
 * every client.
 */
public final class KafkaClientSettings {

    /** Room for a record's key, headers and batch framing on top of the largest value a topic carries. */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;
    /**
     * Longest wait between reconnect attempts while the broker is down: a returning broker is found within a second
     * (10 s made consumers rejoin up to 10 s after the broker was back in the fault suite).
     */
    public static final int RECONNECT_BACKOFF_MAX_MS = 1_000;

    private KafkaClientSettings() {
    }

    /** What every client has: where the broker is, who is asking (the broker's logs and quotas), how it reconnects. */
    public static Map<String, Object> common(String bootstrapServers, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
        return props;
    }

    /** An admin client whose every call, and every request within it, gives up after {@code timeoutMs}. */
    public static Map<String, Object> admin(String bootstrapServers, String clientId, int timeoutMs) {
        Map<String, Object> props = common(bootstrapServers, clientId);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        return props;
    }

    /**
     * An idempotent producer for a topic whose values are at most {@code maxValueBytes}: acks from every in-sync
     * replica, at most 5 requests in flight and unbounded retries within the delivery timeout, so retries neither
     * duplicate nor reorder. Spelled out rather than left to defaults: they carry the ordering guarantee. The
     * caller adds the timeouts and linger.
     */
    public static Map<String, Object> producer(String bootstrapServers, String clientId, int maxValueBytes) {
        Map<String, Object> props = common(bootstrapServers, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes(maxValueBytes));
        return props;
    }

    /** The largest record (and so request, fetch or topic message size) for values of at most {@code maxValueBytes}. */
    public static int maxRecordBytes(int maxValueBytes) {
        return maxValueBytes + RECORD_OVERHEAD_BYTES;
    }
}
