package dev.podclip.catalog.health;

import dev.podclip.catalog.outbox.TopicSetup;
import dev.podclip.events.Topics;
import dev.podclip.support.kafka.BrokerProbe;
import dev.podclip.support.kafka.KafkaHealth;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The shared {@link KafkaHealth} check, with the catalog's topic. A wellness check, not a readiness one: catalog
 * writes go to the outbox and succeed while Kafka is down, so a down broker must not take the catalog out of the load
 * balancer (docs/operations.md, "Readiness"). The outbox metrics say how far publishing is behind.
 */
@Wellness
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    @Inject
    BrokerProbe broker;
    @Inject
    TopicSetup topic;

    @Override
    public HealthCheckResponse call() {
        return KafkaHealth.of(broker, topic.ready() ? null : "topic " + Topics.EPISODES + " not created yet");
    }
}
