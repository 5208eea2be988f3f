package dev.podclip.clip.events;

import dev.podclip.clip.config.ClipConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The clients' settings, value by value: the fault suite's recovery times rest on them. */
class KafkaClientsTest {

    private static final int LARGEST_RECORD_BYTES = 8 * 1024 * 1024 + 64 * 1024;

    private static KafkaClients clients(String groupProtocol) {
        Map<String, Object> events = new HashMap<>(Map.of(
                "group", "clip-service",
                "staticMembership", true,
                "batchDeadlineMs", 20_000L,
                "groupProtocol", groupProtocol,
                "sessionTimeoutMs", 6_000L,
                "heartbeatIntervalMs", 1_000L,
                "instanceId", Optional.of("clip-a"),
                "pollMaxRecords", 200,
                "metadataMaxAgeMs", 5_000L,
                "kafkaCallTimeoutMs", 10_000L));
        ClipConfig.Events eventsConfig = proxy(ClipConfig.Events.class, events);
        KafkaClients clients = new KafkaClients();
        clients.config = proxy(ClipConfig.class, Map.of("events", eventsConfig));
        clients.bootstrapServers = "b:9092";
        clients.httpPort = 8082;
        return clients;
    }

    private static <T> T proxy(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new AssertionError("the test gives no " + method.getName());
            }
            return values.get(method.getName());
        }));
    }

    @Test
    void aClassicGroupMember() {
        Map<String, Object> expected = new HashMap<>(Map.ofEntries(
                Map.entry("bootstrap.servers", "b:9092"),
                Map.entry("client.id", "clip-service-clip-a-0"),
                Map.entry("enable.auto.commit", false),
                Map.entry("auto.offset.reset", "earliest"),
                Map.entry("max.poll.records", 200),
                Map.entry("metadata.max.age.ms", 5_000),
                Map.entry("max.partition.fetch.bytes", LARGEST_RECORD_BYTES),
                Map.entry("isolation.level", "read_committed"),
                Map.entry("default.api.timeout.ms", 10_000),
                Map.entry("reconnect.backoff.max.ms", 1_000),
                Map.entry("group.id", "clip-service"),
                Map.entry("group.instance.id", "clip-a-0"),
                Map.entry("max.poll.interval.ms", 60_000),
                Map.entry("group.protocol", "classic"),
                Map.entry("session.timeout.ms", 6_000),
                Map.entry("heartbeat.interval.ms", 1_000),
                Map.entry("partition.assignment.strategy",
                        "org.apache.kafka.clients.consumer.CooperativeStickyAssignor")));
        assertThat(clients("classic").groupConsumerConfig(0)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aConsumerProtocolMemberLeavesHeartbeatsToTheBroker() {
        Map<String, Object> config = clients("consumer").groupConsumerConfig(1);
        assertThat(config).containsEntry("group.protocol", "consumer")
                .containsEntry("group.instance.id", "clip-a-1")
                .doesNotContainKeys("session.timeout.ms", "heartbeat.interval.ms", "partition.assignment.strategy");
    }

    @Test
    void theDeadLetterProducerWaitsForEveryReplicaWithinTheCallTimeout() {
        Map<String, Object> config = new HashMap<>(clients("classic").deadLetterProducerConfig());
        assertThat((String) config.remove("client.id")).startsWith("clip-service-dlq-");
        // Idempotent producers are these at most 5 in flight and unbounded retries by default; spelled out or not.
        config.putIfAbsent("max.in.flight.requests.per.connection", 5);
        config.putIfAbsent("retries", Integer.MAX_VALUE);
        assertThat(config).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("bootstrap.servers", "b:9092"),
                Map.entry("acks", "all"),
                Map.entry("enable.idempotence", true),
                Map.entry("max.in.flight.requests.per.connection", 5),
                Map.entry("retries", Integer.MAX_VALUE),
                Map.entry("linger.ms", 0),
                Map.entry("max.block.ms", 10_000L),
                Map.entry("request.timeout.ms", 10_000),
                Map.entry("delivery.timeout.ms", 10_000),
                Map.entry("max.request.size", LARGEST_RECORD_BYTES),
                Map.entry("reconnect.backoff.max.ms", 1_000)));
    }
}
