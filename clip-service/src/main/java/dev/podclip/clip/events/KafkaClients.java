package dev.podclip.clip.events;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.events.Topics;
import dev.podclip.support.kafka.KafkaClientSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.UUID;

/**
 * Plain kafka-clients factories: byte-level consumers and producers with manual offset control, on service-support's
 * {@link KafkaClientSettings}. What is added here is clip-service's own: only it consumes, and its dead-letter producer
 * sends one record at a time and waits for it, every step bounded by {@code clip.events.kafka-call-timeout-ms}.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    ClipConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8082")
    int httpPort;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Group member {@code index} of this instance: offsets committed by hand, after the database transaction; with
     * static membership its group.instance.id is {@link #memberName(int)}, so a restarted instance rejoins as itself.
     */
    public KafkaConsumer<byte[], byte[]> groupConsumer(int index) {
        return new KafkaConsumer<>(groupConsumerConfig(index), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    Map<String, Object> groupConsumerConfig(int index) {
        ClipConfig.Events events = config.events();
        Map<String, Object> props = common("clip-service-" + memberName(index));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, events.group());
        if (events.staticMembership()) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, memberName(index));
        }
        // The group must never evict a member that keeps to the batch deadline (BatchProcessor stops starting work
        // past it): three deadlines cover the batch try, the one-by-one pass after it, and the last record's own.
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) (3 * events.batchDeadlineMs()));
        switch (events.groupProtocol()) {
            case "classic" -> {
                props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
                props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) events.sessionTimeoutMs());
                props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) events.heartbeatIntervalMs());
                // Incremental rebalances: members keep the partitions they have while others join or leave.
                props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                        CooperativeStickyAssignor.class.getName());
            }
            case "consumer" -> props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
            default -> throw new IllegalStateException("clip.events.group-protocol must be classic or consumer, was "
                    + events.groupProtocol());
        }
        if (events.heartbeatIntervalMs() * 3 > events.sessionTimeoutMs()) {
            throw new IllegalStateException("clip.events.heartbeat-interval-ms must be at most a third of"
                    + " clip.events.session-timeout-ms");
        }
        return props;
    }

    /** {@code <instance id>-<index>}: stable across restarts, unique among live instances (see ClipConfig). */
    public String memberName(int index) {
        return instanceId() + "-" + index;
    }

    String instanceId() {
        return config.events().instanceId().filter(id -> !id.isBlank()).orElseGet(() -> hostName() + "-" + httpPort);
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** A rebuild's reader: no group, nothing committed, positions chosen by the caller. */
    public KafkaConsumer<byte[], byte[]> standaloneConsumer() {
        return new KafkaConsumer<>(common("clip-service-rebuild-" + shortId()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    public KafkaProducer<byte[], byte[]> deadLetterProducer() {
        return new KafkaProducer<>(deadLetterProducerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    Map<String, Object> deadLetterProducerConfig() {
        long timeoutMs = config.events().kafkaCallTimeoutMs();
        Map<String, Object> props = KafkaClientSettings.producer(bootstrapServers, "clip-service-dlq-" + shortId(),
                Topics.MAX_RECORD_BYTES);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        return props;
    }

    private Map<String, Object> common(String clientId) {
        Map<String, Object> props = KafkaClientSettings.common(bootstrapServers, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.events().pollMaxRecords());
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) config.events().metadataMaxAgeMs());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                KafkaClientSettings.maxRecordBytes(Topics.MAX_RECORD_BYTES));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.events().kafkaCallTimeoutMs());
        return props;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
