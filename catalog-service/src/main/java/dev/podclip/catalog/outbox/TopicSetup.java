package dev.podclip.catalog.outbox;

import dev.podclip.catalog.config.CatalogConfig;
import dev.podclip.events.Topics;
import dev.podclip.support.kafka.KafkaClientSettings;
import dev.podclip.support.kafka.KafkaTopics;
import dev.podclip.support.kafka.TopicKeeper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Creates {@link Topics#EPISODES} (compacted) when it does not exist, through a {@link TopicKeeper}: start-up never
 * waits for the broker, and the relay publishes only once the topic is there.
 */
@ApplicationScoped
public class TopicSetup {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    CatalogConfig config;

    private volatile TopicKeeper keeper;

    void onStart(@Observes StartupEvent start) {
        NewTopic topic = topic(config.topic().partitions(), config.topic().replicationFactor());
        keeper = TopicKeeper.start("topic " + Topics.EPISODES, config.topic().retryInterval(),
                () -> KafkaTopics.ensure(bootstrapServers, List.of(topic)));
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (keeper != null) {
            keeper.close();
        }
    }

    public boolean ready() {
        TopicKeeper current = keeper;
        return current != null && current.ready();
    }

    static NewTopic topic(int partitions, short replicationFactor) {
        return new NewTopic(Topics.EPISODES, partitions, replicationFactor).configs(Map.of(
                "cleanup.policy", "compact",
                "max.message.bytes", Integer.toString(KafkaClientSettings.maxRecordBytes(Topics.MAX_RECORD_BYTES)),
                // Deleted-episode tombstones stay a day, so a consumer that lags less than that still sees them.
                "delete.retention.ms", Long.toString(TimeUnit.DAYS.toMillis(1))));
    }
}
