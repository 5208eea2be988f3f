package dev.podclip.clip.health;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.clip.events.EpisodeEventConsumer;
import dev.podclip.clip.events.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ready only while the broker answers (describeCluster, short timeout): without it this instance cannot follow the
 * catalog. The database's readiness is Quarkus' own datasource check.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    /** A readiness probe must answer quickly; a broker slower than this counts as down. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    KafkaClients clients;
    @Inject
    EpisodeEventConsumer consumer;
    @Inject
    ClipConfig config;

    private Admin admin;

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(clients.adminConfig((int) CHECK_TIMEOUT.toMillis()));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("kafka")
                .withData("bootstrap", clients.bootstrapServers())
                .withData("topic", config.events().topic())
                .withData("consumerRunning", consumer.running() || !config.events().enabled())
                .withData("assignedPartitions", consumer.assignment().size());
        consumer.lastPollAt().ifPresent(at -> builder.withData("lastPollAt", at.toString()));
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions()
                            .timeoutMs((int) CHECK_TIMEOUT.toMillis()))
                    .nodes().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            return builder.withData("nodes", nodes).status(nodes > 0).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.withData("error", "interrupted").down().build();
        } catch (Exception e) {
            return builder.withData("error", e.toString()).down().build();
        }
    }
}
