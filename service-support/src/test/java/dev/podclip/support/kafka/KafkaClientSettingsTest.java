package dev.podclip.support.kafka;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientSettingsTest {

    @Test
    void everyClientNamesTheBrokerItselfAndReconnectsWithinASecond() {
        assertThat(KafkaClientSettings.common("b:9092", "me")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "b:9092",
                "client.id", "me",
                "reconnect.backoff.max.ms", 1_000));
    }

    @Test
    void anAdminClientGivesUpEveryCallAfterItsTimeout() {
        Map<String, Object> admin = KafkaClientSettings.admin("b:9092", "probe", 2_000);
        assertThat(admin).containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000)
                .containsEntry(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000)
                .containsEntry("client.id", "probe")
                .containsEntry("reconnect.backoff.max.ms", 1_000);
        // Kafka itself accepts the map as an admin client's configuration.
        assertThat(new AdminClientConfig(admin).getInt(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG)).isEqualTo(2_000);
    }

    @Test
    void aProducerIsIdempotentAndSizedForTheLargestValuePlusOverhead() {
        Map<String, Object> producer = KafkaClientSettings.producer("b:9092", "relay", 1_000_000);
        assertThat(producer).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE)
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000 + 64 * 1024);
        Map<String, Object> withSerializers = new HashMap<>(producer);
        withSerializers.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        withSerializers.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        assertThat(new ProducerConfig(withSerializers).getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
    }

    @Test
    void commonSettingsAreValidForConsumersToo() {
        Map<String, Object> consumer = new HashMap<>(KafkaClientSettings.common("b:9092", "c"));
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        assertThat(new ConsumerConfig(consumer).getLong(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG))
                .isEqualTo(1_000L);
    }

    @Test
    void theLargestRecordIsTheLargestValuePlusOverhead() {
        assertThat(KafkaClientSettings.maxRecordBytes(10)).isEqualTo(10 + KafkaClientSettings.RECORD_OVERHEAD_BYTES);
    }
}
