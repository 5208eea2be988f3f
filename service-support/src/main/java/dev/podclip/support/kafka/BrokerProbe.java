package dev.podclip.support.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether this instance reaches the broker, known at every moment: a background {@code describeCluster} every
 * {@code podclip.kafka.probe-interval-ms} with a short timeout, over this instance's own network path. Health checks
 * answer from the last result at once (a cut network shows within about {@link #timeoutMs} plus the interval), and
 * a change is one log line, not one per probe or per client retry.
 */
@ApplicationScoped
public class BrokerProbe {

    private static final Logger LOG = Logger.getLogger(BrokerProbe.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "podclip.kafka.probe-interval-ms", defaultValue = "1000")
    long intervalMs;
    @ConfigProperty(name = "podclip.kafka.probe-timeout-ms", defaultValue = "2000")
    int timeoutMs;

    private ScheduledExecutorService probes;
    private Admin admin;
    private volatile long lastAnsweredAtMs;
    private volatile int nodes;
    private volatile String lastError = "not probed yet";
    private boolean reported;

    void onStart(@Observes StartupEvent start) {
        if (intervalMs < 10 || timeoutMs < 10) {
            throw new IllegalStateException("podclip.kafka.probe-interval-ms and probe-timeout-ms must be ≥ 10");
        }
        probes = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "broker-probe");
            thread.setDaemon(true);
            return thread;
        });
        probes.scheduleWithFixedDelay(this::probe, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (probes != null) {
            probes.shutdownNow();
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }

    /** True when the broker answered within the last {@code timeout + 2 × interval}. */
    public boolean reachable() {
        return System.currentTimeMillis() - lastAnsweredAtMs <= timeoutMs + 2 * intervalMs;
    }

    /** Brokers in the cluster at the last answer. */
    public int nodes() {
        return nodes;
    }

    /** Why the broker is not reachable (the last probe's error), or "ok". */
    public String reason() {
        return reachable() ? "ok" : lastError;
    }

    /** What a health check reports while the broker is not reachable, or null while it is. */
    public String problem() {
        return reachable() ? null : "Kafka unreachable: " + lastError;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private void probe() {
        try {
            answered(admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes()
                    .get(timeoutMs + 500L, TimeUnit.MILLISECONDS).size(), System.currentTimeMillis());
            if (reported) {
                LOG.info("Kafka broker reachable again");
                reported = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failed(e.getCause() == null ? e.toString() : e.getCause().toString());
            if (!reported && !reachable()) {
                LOG.warnf("Kafka broker unreachable (%s)", lastError);
                reported = true;
            }
        }
    }

    /** The broker answered with {@code brokers} nodes at {@code atMs}. */
    void answered(int brokers, long atMs) {
        nodes = brokers;
        lastAnsweredAtMs = atMs;
    }

    void failed(String error) {
        lastError = error;
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(KafkaClientSettings.admin(bootstrapServers, "broker-probe", timeoutMs));
        }
        return admin;
    }
}
