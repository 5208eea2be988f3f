package dev.podclip.testing;

import dev.podclip.kafka.LocalKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a Quarkus test application at the test JVM's shared real broker ({@link LocalKafkaBroker#shared()}).
 * Tests that stop the broker use {@link #broker()} only if they own the whole JVM's Kafka usage; otherwise they make
 * their own {@link LocalKafkaBroker}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    public static LocalKafkaBroker broker() {
        return LocalKafkaBroker.shared();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // The shared broker outlives one application: it stops with the JVM.
    }
}
