package dev.podclip.clip.events;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Plain kafka-clients factories: byte-level consumers and producers with manual offset control. */
@ApplicationScoped
public class KafkaClients {

    /** Headroom over the contract's largest value for key and headers. */
    static final int RECORD_OVERHEAD_BYTES = 64 * 1024;
    /** Longest wait between reconnect attempts while the broker is down. */
    static final int RECONNECT_BACKOFF_MAX_MS = 10_000;

    @Inject
    ClipConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The group member: offsets committed by hand, after the database transaction. */
    public KafkaConsumer<byte[], byte[]> groupConsumer() {
        Map<String, Object> props = common("clip-service-" + shortId());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.events().group());
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A rebuild's reader: no group, nothing committed, positions chosen by the caller. */
    public KafkaConsumer<byte[], byte[]> standaloneConsumer() {
        return new KafkaConsumer<>(common("clip-service-rebuild-" + shortId()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    public KafkaProducer<byte[], byte[]> deadLetterProducer() {
        long timeoutMs = config.events().kafkaCallTimeoutMs();
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "clip-service-dlq-" + shortId());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES + RECORD_OVERHEAD_BYTES);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public Map<String, Object> adminConfig(int timeoutMs) {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "clip-service-admin-" + shortId());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
        return props;
    }

    private Map<String, Object> common(String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.events().pollMaxRecords());
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) config.events().metadataMaxAgeMs());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_RECORD_BYTES + RECORD_OVERHEAD_BYTES);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.events().kafkaCallTimeoutMs());
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
        return props;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
