package dev.podclip.support.kafka;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthTest {

    private static BrokerProbe probe() {
        BrokerProbe probe = new BrokerProbe();
        probe.intervalMs = 1_000;
        probe.timeoutMs = 2_000;
        return probe;
    }

    @Test
    void upWhileTheBrokerAnsweredRecentlyAndTheTopicsAreInPlace() {
        BrokerProbe broker = probe();
        broker.answered(3, System.currentTimeMillis());

        HealthCheckResponse response = KafkaHealth.of(broker, null);

        assertThat(response.getName()).isEqualTo("kafka");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> {
            assertThat(data).containsEntry("brokers", 3L);
            assertThat(data).doesNotContainKey("reason");
        });
    }

    @Test
    void downWithTheProbesErrorOnceTheLastAnswerIsOlderThanTimeoutPlusTwoIntervals() {
        BrokerProbe broker = probe();
        broker.answered(1, System.currentTimeMillis() - 4_100);
        broker.failed("org.apache.kafka.common.errors.TimeoutException: timed out");

        HealthCheckResponse response = KafkaHealth.of(broker, null);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow())
                .containsEntry("reason", "Kafka unreachable: org.apache.kafka.common.errors.TimeoutException: timed out");
        assertThat(broker.reachable()).isFalse();
    }

    @Test
    void neverAnsweredCountsAsUnreachable() {
        assertThat(KafkaHealth.of(probe(), null).getData().orElseThrow())
                .containsEntry("reason", "Kafka unreachable: not probed yet");
    }

    @Test
    void aMissingTopicIsDownWithItsOwnReasonWhileTheBrokerAnswers() {
        BrokerProbe broker = probe();
        broker.answered(1, System.currentTimeMillis());

        HealthCheckResponse response = KafkaHealth.of(broker, "topic t not created yet");

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("reason", "topic t not created yet");
    }

    @Test
    void aServiceNotUsingKafkaIsUp() {
        assertThat(KafkaHealth.unused().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
