package dev.podclip.support.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) per route class and client, kept in a bounded Caffeine cache so a flood of distinct
 * clients costs at most {@link #MAX_TRACKED_BUCKETS} buckets (a client evicted early only gets a fresh bucket).
 */
@ApplicationScoped
public class ClientLimits {

    /** About 200 bytes each: a few MiB at most. */
    static final long MAX_TRACKED_BUCKETS = 50_000;
    /** A bucket idle this long is full again anyway: dropping it loses nothing. */
    static final Duration IDLE_EXPIRY = Duration.ofMinutes(10);

    @Inject
    LimitsConfig config;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED_BUCKETS)
            .expireAfterAccess(IDLE_EXPIRY).build();

    public boolean enabled() {
        return config.enabled();
    }

    /** The highest multiplier of these roles; 1 when none has one. */
    public int multiplierOf(java.util.Set<String> roles) {
        int best = 1;
        for (String role : roles) {
            best = Math.max(best, config.roleMultiplier().getOrDefault(role, 1));
        }
        return best;
    }

    /** The route class of {@code path}: the one with the longest matching prefix, if any. */
    public Optional<String> classOf(String path) {
        return classOf(path, config.routes());
    }

    static Optional<String> classOf(String path, Map<String, LimitsConfig.RouteClass> routes) {
        String best = null;
        int bestLength = -1;
        for (var route : routes.entrySet()) {
            for (String prefix : route.getValue().paths()) {
                if (path.startsWith(prefix) && prefix.length() > bestLength) {
                    best = route.getKey();
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Takes one request from the client's bucket; empty when allowed, else the seconds until one is. */
    public OptionalLong take(String routeClass, String client, int multiplier) {
        LimitsConfig.RouteClass route = config.routes().get(routeClass);
        Bucket bucket = buckets.get(routeClass + '|' + multiplier + '|' + client,
                key -> bucket(route, multiplier));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }

    private static Bucket bucket(LimitsConfig.RouteClass route, int multiplier) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(route.burst() * multiplier)
                .refillGreedy(route.perMinute() * multiplier, Duration.ofMinutes(1)).build()).build();
    }
}
