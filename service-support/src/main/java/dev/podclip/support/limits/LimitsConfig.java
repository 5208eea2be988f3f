package dev.podclip.support.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-client request limits (docs/security.md, "Limits"): route classes by path prefix, each a token bucket per
 * client, multiplied for verified callers by their role. Env overrides follow the usual mapping, e.g.
 * {@code PODCLIP_LIMITS_ROUTES_SHARE_PER_MINUTE}.
 */
@ConfigMapping(prefix = "podclip.limits")
public interface LimitsConfig {

    /** Off only in tests that do not test limits. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The header a trusted reverse proxy sets to the client's address (its last entry is the address the proxy
     * saw). Read only on requests whose remote address is in {@link #trustedProxies()}: any other client could
     * set it to anything.
     */
    Optional<String> clientAddressHeader();

    /** Addresses of the reverse proxies whose {@link #clientAddressHeader()} is believed. */
    Optional<List<String>> trustedProxies();

    /** Route classes by name. A request belongs to the class with the longest matching path prefix. */
    Map<String, RouteClass> routes();

    /** Limit multiplier of verified callers by role (the highest of their roles counts); others get 1. */
    Map<String, Integer> roleMultiplier();

    interface RouteClass {
        /** Path prefixes, e.g. {@code /c/,/e/}. */
        List<String> paths();

        /** Requests a client may make per minute, refilled continuously. */
        long perMinute();

        /** Requests a client may make at once after a quiet period. */
        long burst();
    }
}
