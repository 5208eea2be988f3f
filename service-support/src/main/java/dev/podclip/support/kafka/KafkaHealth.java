package dev.podclip.support.kafka;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The {@value #NAME} health check's answer, the same in both services: up while {@link BrokerProbe} reached the
 * broker and the topics this service creates are in place; data {@code brokers} and, when down, {@code reason}. Each
 * service puts it in the group its job needs (docs/operations.md, "Readiness"): readiness in clip-service, which
 * cannot follow the catalog without the broker; wellness in catalog-service, whose writes wait in the outbox.
 */
public final class KafkaHealth {

    public static final String NAME = "kafka";

    private KafkaHealth() {
    }

    /**
     * @param topicsProblem why a topic this service creates is not in place yet, or null when it is (or it creates
     *                      none)
     */
    public static HealthCheckResponse of(BrokerProbe broker, String topicsProblem) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME);
        String problem = broker.problem();
        if (problem == null) {
            builder.withData("brokers", broker.nodes());
            problem = topicsProblem;
        }
        if (problem != null) {
            builder.withData("reason", problem);
        }
        return builder.status(problem == null).build();
    }

    /** The answer of a service that does not use Kafka at the moment (clip-service with its consumer turned off). */
    public static HealthCheckResponse unused() {
        return HealthCheckResponse.named(NAME).withData("used", false).up().build();
    }
}
