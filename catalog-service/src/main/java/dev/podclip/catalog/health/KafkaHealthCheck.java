package dev.podclip.catalog.health;

import dev.podclip.catalog.outbox.TopicSetup;
import dev.podclip.support.kafka.BrokerProbe;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether the broker answers (service-support's {@link BrokerProbe}, read at once) and the topic is in place. A
 * wellness check, not a readiness one: catalog writes go to the outbox and succeed while Kafka is down, so a down
 * broker must not take the catalog out of the load balancer. It shows in {@code /q/health} and {@code /q/health/well};
 * the outbox backlog metrics say how far publishing is behind.
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
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("kafka")
                .withData("topicReady", topic.ready());
        if (!broker.reachable()) {
            return builder.withData("error", broker.reason()).down().build();
        }
        return builder.withData("brokers", broker.nodes()).status(topic.ready()).build();
    }
}
