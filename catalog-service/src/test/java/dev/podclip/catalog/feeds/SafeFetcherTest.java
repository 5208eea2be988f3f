package dev.podclip.catalog.feeds;

import dev.podclip.support.net.FetchRefused.Reason;
import dev.podclip.support.net.SafeFetcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SafeFetcher against a local server: redirects, status codes, caps and deadlines, without the application. */
class SafeFetcherTest {

    private static final SafeFetcher FETCHER = new SafeFetcher(new SafeFetcher.Limits(Duration.ofSeconds(1),
            Duration.ofMillis(500), Duration.ofSeconds(1), 5, true));
    private static FeedServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void followsRedirectsItselfAndRechecksEachHop() {
        server.put("/a", FeedServer.redirect("/b"));
        server.put("/b", FeedServer.redirect(server.base() + "/c"));
        server.put("/c", FeedServer.text("text/plain", "done"));
        SafeFetcher.Fetched fetched = FETCHER.get(server.base() + "/a", 100, Map.of());
        assertThat(new String(fetched.body())).isEqualTo("done");
        assertThat(fetched.uri().getPath()).isEqualTo("/c");

        server.put("/loop", FeedServer.redirect("/loop"));
        assertThatThrownBy(() -> FETCHER.get(server.base() + "/loop", 100, Map.of()))
                .hasFieldOrPropertyWithValue("reason", Reason.TOO_MANY_REDIRECTS);
        assertThat(server.hits("/loop")).isEqualTo(6);

        server.put("/to-file", FeedServer.redirect("file:///etc/passwd"));
        assertThatThrownBy(() -> FETCHER.get(server.base() + "/to-file", 100, Map.of()))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_SCHEME);
        server.put("/to-link-local", FeedServer.redirect("http://[fe80::1]/x"));
        assertThatThrownBy(() -> FETCHER.get(server.base() + "/to-link-local", 100, Map.of()))
                .hasFieldOrPropertyWithValue("reason", Reason.PRIVATE_ADDRESS);
    }

    @Test
    void errorsCapsAndDeadlines() {
        assertThatThrownBy(() -> FETCHER.get(server.base() + "/missing", 100, Map.of()))
                .hasFieldOrPropertyWithValue("reason", Reason.HTTP_STATUS).hasMessageContaining("404");
        server.put("/ten", FeedServer.text("text/plain", "0123456789"));
        assertThat(FETCHER.get(server.base() + "/ten", 10, Map.of()).body()).hasSize(10);
        assertThatThrownBy(() -> FETCHER.get(server.base() + "/ten", 9, Map.of()))
                .hasFieldOrPropertyWithValue("reason", Reason.TOO_LARGE);
        server.put("/chunked", FeedServer.huge(200_000));
        assertThatThrownBy(() -> FETCHER.get(server.base() + "/chunked", 100_000, Map.of()))
                .hasFieldOrPropertyWithValue("reason", Reason.TOO_LARGE);
        server.put("/slow", FeedServer.slow(2_000, "late"));
        long startNs = System.nanoTime();
        assertThatThrownBy(() -> FETCHER.get(server.base() + "/slow", 100, Map.of()))
                .hasFieldOrPropertyWithValue("reason", Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - startNs)).isLessThan(Duration.ofMillis(1_900));
        server.put("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThatThrownBy(() -> FETCHER.get(server.base() + "/trickle", 100, Map.of()))
                .as("headers in time, body past the total deadline")
                .hasFieldOrPropertyWithValue("reason", Reason.TIMEOUT);
    }

    @Test
    void conditionalRequests() {
        server.put("/etag", FeedServer.withEtag("\"abc\"", "<rss/>"));
        SafeFetcher.Fetched first = FETCHER.get(server.base() + "/etag", 100, Map.of());
        assertThat(first.etag()).isEqualTo("\"abc\"");
        assertThat(first.lastModified()).isEqualTo("Tue, 03 Jun 2025 10:00:00 GMT");
        SafeFetcher.Fetched second = FETCHER.get(server.base() + "/etag", 100, Map.of("If-None-Match", "\"abc\""));
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
    }
}
