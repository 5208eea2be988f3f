package dev.podclip.faults;

import dev.podclip.testing.ServiceProcess;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Watches each service kind's readiness while a fault lasts: whether it went down and how soon after the fault
 * began. Readiness must be false exactly while a service cannot do its job: down for the kind the fault disables,
 * up for the kind it does not (the catalog keeps accepting writes while the broker is away).
 */
final class ReadinessWatch implements AutoCloseable {

    static final long PERIOD_MS = 100;

    private final Map<String, Supplier<List<ServiceProcess>>> kinds;
    private final long beganNs;
    /** Per kind: ms from the fault's start to the first "not ready"; absent while it stayed ready. */
    private final Map<String, Long> downAfterMs = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    ReadinessWatch(Map<String, Supplier<List<ServiceProcess>>> kinds, long beganNs) {
        this.kinds = kinds;
        this.beganNs = beganNs;
        this.thread = new Thread(this::watch, "readiness-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void watch() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (running) {
            for (Map.Entry<String, Supplier<List<ServiceProcess>>> kind : kinds.entrySet()) {
                if (downAfterMs.containsKey(kind.getKey())) {
                    continue;
                }
                // A killed instance is not ready either: it is in the list, not running.
                List<ServiceProcess> all = kind.getValue().get();
                boolean ready = !all.isEmpty() && all.stream()
                        .allMatch(s -> s.isRunning() && s.answers200(client, "/q/health/ready"));
                if (!ready) {
                    downAfterMs.put(kind.getKey(), Recovery.elapsedMs(beganNs));
                }
            }
            Workload.sleep(PERIOD_MS);
        }
    }

    /** ms from the fault's start until the kind was first not ready, or -1 when it stayed ready. */
    long downAfterMs(String kind) {
        return downAfterMs.getOrDefault(kind, -1L);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
