package dev.podclip.support.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service owns, with their configs, when they do not exist yet. An existing topic is left as it
 * is: changing partitions or configs of a live topic is an operator's decision, not a start-up side effect.
 */
public final class KafkaTopics {

    /** How long start-up waits for the broker to create a topic. */
    public static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);

    private KafkaTopics() {
    }

    public static void ensure(String bootstrapServers, List<NewTopic> topics) {
        try (Admin admin = Admin.create(
                KafkaClientSettings.admin(bootstrapServers, "topic-setup", (int) CREATE_TIMEOUT.toMillis()))) {
            for (NewTopic topic : topics) {
                create(admin, topic);
            }
        }
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get(CREATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker did not create topic " + topic.name() + " in " + CREATE_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + topic.name(), e);
        }
    }
}
