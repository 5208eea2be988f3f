package dev.podclip.clip.health;

import dev.podclip.clip.events.EpisodeEventConsumer;
import dev.podclip.support.kafka.BrokerProbe;
import dev.podclip.support.kafka.KafkaHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The shared {@link KafkaHealth} check, in readiness: an instance that cannot reach the broker stops following the
 * catalog, and its answers fall behind those of instances that can (docs/operations.md, "Readiness"). With the
 * consumer turned off this instance does not use Kafka, and the check is up. The topic it follows is the catalog's;
 * the one it owns is the dead-letter topic, and until that exists an event that must be parked cannot be, so it is
 * part of the verdict as the catalog's own topic is of the catalog's.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    @Inject
    EpisodeEventConsumer consumer;
    @Inject
    BrokerProbe broker;

    @Override
    public HealthCheckResponse call() {
        if (!consumer.enabled()) {
            return KafkaHealth.unused();
        }
        return KafkaHealth.of(broker, consumer.deadLetterTopicReady() ? null : "dead-letter topic not created yet");
    }
}
