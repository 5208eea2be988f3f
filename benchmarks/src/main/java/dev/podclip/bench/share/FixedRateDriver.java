package dev.podclip.bench.share;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load at a fixed rate (what wrk cannot do): each request has an intended start time on a fixed schedule,
 * and its latency counts from that time, so a stalled server shows up in the percentiles instead of slowing the
 * load down (no coordinated omission).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.podclip.bench.share.FixedRateDriver BASE_URL IDS_FILE
 * ACCEPT RATE SECONDS} — requests {@code BASE_URL/c/{random id}}; with IDS_FILE "-" it requests BASE_URL itself.
 */
public final class FixedRateDriver {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> ids = args[1].equals("-") ? List.of() : Files.readAllLines(Path.of(args[1]));
        String accept = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(5);
        ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong issued = new AtomicLong();
        long total = (long) rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        long startNanos = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            // Catch up on every slot that is due, so a late tick still issues its requests with their own times.
            long due = Math.min(total, (System.nanoTime() - startNanos) / periodNanos + 1);
            while (issued.get() < due) {
                long n = issued.getAndIncrement();
                long intendedNanos = startNanos + n * periodNanos;
                String url = ids.isEmpty() ? base : base + "/c/" + ids.get(random.nextInt(ids.size()));
                http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            if (error != null || response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                            latenciesMicros.add((System.nanoTime() - intendedNanos) / 1_000);
                        });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        while (latenciesMicros.size() + 0L < total && System.nanoTime() - startNanos < (seconds + 15) * 1_000_000_000L) {
            Thread.sleep(100);
        }
        ticker.shutdownNow();
        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("| %s | %s | %d | %d | %d | %.2f | %.2f | %.2f | %.2f |%n", args[1].equals("-") ? base : "/c/{id}",
                accept, rate, sorted.length, errors.get(), pct(sorted, 50), pct(sorted, 99), pct(sorted, 99.9),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        System.exit(0);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
        return sorted[index] / 1000.0;
    }
}
