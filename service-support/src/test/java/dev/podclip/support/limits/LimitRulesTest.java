package dev.podclip.support.limits;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LimitRulesTest {

    record Route(List<String> paths, long perMinute, long burst) implements LimitsConfig.RouteClass {
    }

    @Test
    void theLongestMatchingPrefixNamesTheClass() {
        Map<String, LimitsConfig.RouteClass> routes = Map.of(
                "api", new Route(List.of("/api/", "/admin/"), 1200, 200),
                "search", new Route(List.of("/api/search"), 120, 30),
                "share", new Route(List.of("/c/", "/e/"), 600, 120));
        assertThat(ClientLimits.classOf("/api/search", routes)).contains("search");
        assertThat(ClientLimits.classOf("/api/episodes/x/chapters", routes)).contains("api");
        assertThat(ClientLimits.classOf("/admin/rebuild", routes)).contains("api");
        assertThat(ClientLimits.classOf("/e/abc", routes)).contains("share");
        assertThat(ClientLimits.classOf("/q/health/ready", routes)).isEmpty();
    }

    @Test
    void aForwardingHeaderIsBelievedOnlyFromATrustedProxy() {
        List<String> proxies = List.of("10.0.0.5");
        assertThat(ClientKeys.resolve("198.51.100.7", "203.0.113.9", proxies)).isEqualTo("198.51.100.7");
        assertThat(ClientKeys.resolve("10.0.0.5", "6.6.6.6, 203.0.113.9", proxies)).isEqualTo("203.0.113.9");
        assertThat(ClientKeys.resolve("10.0.0.5", null, proxies)).isEqualTo("10.0.0.5");
        assertThat(ClientKeys.resolve("10.0.0.5", "x".repeat(100), proxies)).isEqualTo("10.0.0.5");
        assertThat(ClientKeys.resolve("10.0.0.5", "203.0.113.9", List.of())).isEqualTo("10.0.0.5");
    }
}
