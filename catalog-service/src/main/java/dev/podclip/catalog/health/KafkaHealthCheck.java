package dev.podclip.catalog.health;

import dev.podclip.catalog.config.CatalogConfig;
import dev.podclip.catalog.outbox.TopicSetup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the broker answers. A wellness check, not a readiness one: catalog writes go to the outbox and succeed
 * while Kafka is down, so a down broker must not take the catalog out of the load balancer. It shows in
 * {@code /q/health} and {@code /q/health/well}; the outbox backlog metrics say how far publishing is behind.
 */
@Wellness
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    CatalogConfig config;
    @Inject
    TopicSetup topic;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        int timeoutMs = (int) config.topic().healthTimeout().toMillis();
        try {
            int nodes = admin(timeoutMs).describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes()
                    .get(timeoutMs + 500L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").status(topic.ready()).withData("brokers", nodes)
                    .withData("topicReady", topic.ready()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("error", String.valueOf(e.getMessage()))
                    .withData("topicReady", topic.ready()).build();
        }
    }

    private synchronized Admin admin(int timeoutMs) {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
