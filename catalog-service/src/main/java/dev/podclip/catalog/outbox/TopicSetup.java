package dev.podclip.catalog.outbox;

import dev.podclip.catalog.config.CatalogConfig;
import dev.podclip.events.Topics;
import dev.podclip.support.kafka.KafkaClientSettings;
import dev.podclip.support.kafka.KafkaTopics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Creates {@link Topics#EPISODES} (compacted) when it does not exist. Start-up never waits for the broker: this
 * retries in the background until it succeeds, and the relay publishes only once the topic is there.
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    CatalogConfig config;

    private volatile boolean ready;
    private ScheduledExecutorService retries;

    void onStart(@Observes StartupEvent start) {
        retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "catalog-topic-setup");
            thread.setDaemon(true);
            return thread;
        });
        retries.execute(this::attempt);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    public boolean ready() {
        return ready;
    }

    static NewTopic topic(int partitions, short replicationFactor) {
        return new NewTopic(Topics.EPISODES, partitions, replicationFactor).configs(Map.of(
                "cleanup.policy", "compact",
                "max.message.bytes", Integer.toString(KafkaClientSettings.maxRecordBytes(Topics.MAX_RECORD_BYTES)),
                // Deleted-episode tombstones stay a day, so a consumer that lags less than that still sees them.
                "delete.retention.ms", Long.toString(TimeUnit.DAYS.toMillis(1))));
    }

    private void attempt() {
        try {
            KafkaTopics.ensure(bootstrapServers,
                    List.of(topic(config.topic().partitions(), config.topic().replicationFactor())));
            ready = true;
            LOG.infof("topic %s is in place", Topics.EPISODES);
        } catch (RuntimeException e) {
            long retryMs = config.topic().retryInterval().toMillis();
            LOG.warnf("cannot create topic %s yet (%s); retrying in %d ms", Topics.EPISODES, e.getMessage(), retryMs);
            if (!retries.isShutdown()) {
                retries.schedule(this::attempt, retryMs, TimeUnit.MILLISECONDS);
            }
        }
    }
}
