package dev.podclip.clip;

import dev.podclip.support.kafka.KafkaTopics;
import dev.podclip.testing.KafkaResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;

/**
 * Creates the test's episode topic (compacted, as catalog-service creates the real one) before the application
 * starts, so the consumer finds it at once.
 */
public class TopicsResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOPIC = "test.catalog.episodes.v1";
    public static final String DLQ_TOPIC = "test.clip-service.episodes.dlq";
    static final int PARTITIONS = 3;

    @Override
    public Map<String, String> start() {
        KafkaTopics.ensure(KafkaResource.broker().bootstrapServers(), List.of(
                new NewTopic(TOPIC, PARTITIONS, (short) 1).configs(Map.of("cleanup.policy", "compact"))));
        return Map.of();
    }

    @Override
    public void stop() {
        // The shared broker and its topics go with the test JVM.
    }
}
