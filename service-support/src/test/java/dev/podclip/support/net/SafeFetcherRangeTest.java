package dev.podclip.support.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.podclip.support.net.FetchRefused.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Range requests through the guarded fetcher against a local server: a 206 is taken only when it is the range asked,
 * in full; a host that ignores Range costs at most the asked bytes; the guards of every fetch still hold.
 */
class SafeFetcherRangeTest {

    private static final SafeFetcher FETCHER = new SafeFetcher(new SafeFetcher.Limits(Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(3), 5, true));
    private static final byte[] FILE = bytes(1_000_000);
    private static final AtomicReference<String> LAST_RANGE = new AtomicReference<>();
    private static HttpServer server;
    private Path target;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ranges", SafeFetcherRangeTest::ranges);
        server.createContext("/whole", exchange -> send(exchange, 200, Map.of(), FILE));
        server.createContext("/moved", exchange -> send(exchange, 302, Map.of("Location", "/ranges"), new byte[0]));
        server.createContext("/to-link-local", exchange ->
                send(exchange, 302, Map.of("Location", "http://[fe80::1]/x"), new byte[0]));
        server.createContext("/other-range", exchange -> send(exchange, 206,
                Map.of("Content-Range", "bytes 0-99/" + FILE.length), Arrays.copyOf(FILE, 100)));
        server.createContext("/short", exchange -> send(exchange, 206,
                Map.of("Content-Range", "bytes 100-199/" + FILE.length), Arrays.copyOfRange(FILE, 100, 150)));
        server.createContext("/long", exchange -> send(exchange, 206,
                Map.of("Content-Range", "bytes 100-199/" + FILE.length), Arrays.copyOfRange(FILE, 100, 400), true));
        server.createContext("/unsatisfiable", exchange -> send(exchange, 416,
                Map.of("Content-Range", "bytes */" + FILE.length), new byte[0]));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @AfterEach
    void clean() throws IOException {
        if (target != null) {
            Files.deleteIfExists(target);
        }
    }

    private Path target() throws IOException {
        target = Files.createTempFile("range", ".part");
        return target;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aPartialAnswerIsExactlyTheAskedBytes() throws IOException {
        Path file = target();
        SafeFetcher.Slice slice = FETCHER.downloadRange(url("/ranges"), 1_000, 1_999, Map.of(), file);
        assertThat(slice).isEqualTo(new SafeFetcher.Slice(true, 1_000, 1_000, FILE.length, "audio/wav", "\"v1\""));
        assertThat(Files.readAllBytes(file)).isEqualTo(Arrays.copyOfRange(FILE, 1_000, 2_000));
        assertThat(LAST_RANGE.get()).isEqualTo("bytes=1000-1999");

        SafeFetcher.Slice tail = FETCHER.downloadRange(url("/ranges"), FILE.length - 10, FILE.length + 500, Map.of(),
                file);
        assertThat(tail.partial()).isTrue();
        assertThat(tail.length()).as("a range past the end is answered up to the end").isEqualTo(10);
        assertThat(Files.readAllBytes(file)).isEqualTo(Arrays.copyOfRange(FILE, FILE.length - 10, FILE.length));
    }

    @Test
    void aHostThatIgnoresRangeCostsAtMostTheAskedBytes() throws IOException {
        Path file = target();
        SafeFetcher.Slice head = FETCHER.downloadRange(url("/whole"), 0, 65_535, Map.of(), file);
        assertThat(head.partial()).isFalse();
        assertThat(head.length()).isEqualTo(65_536);
        assertThat(head.totalBytes()).isEqualTo(FILE.length);
        assertThat(Files.readAllBytes(file)).isEqualTo(Arrays.copyOf(FILE, 65_536));

        SafeFetcher.Slice middle = FETCHER.downloadRange(url("/whole"), 5_000, 5_999, Map.of(), file);
        assertThat(middle.partial()).isFalse();
        assertThat(middle.length()).as("not the asked bytes: none kept").isZero();
        assertThat(Files.size(file)).isZero();

        SafeFetcher.Slice unsatisfiable = FETCHER.downloadRange(url("/unsatisfiable"), 5_000, 5_999, Map.of(), file);
        assertThat(unsatisfiable.partial()).isFalse();
        assertThat(unsatisfiable.totalBytes()).isEqualTo(FILE.length);
    }

    @Test
    void aPartialAnswerThatIsNotTheAskedRangeIsRefused() throws IOException {
        Path file = target();
        assertThatThrownBy(() -> FETCHER.downloadRange(url("/other-range"), 100, 199, Map.of(), file))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_RANGE);
        assertThatThrownBy(() -> FETCHER.downloadRange(url("/short"), 100, 199, Map.of(), file))
                .as("fewer bytes than its Content-Range states")
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_RANGE);
        assertThatThrownBy(() -> FETCHER.downloadRange(url("/long"), 100, 199, Map.of(), file))
                .as("more bytes than asked").hasFieldOrPropertyWithValue("reason", Reason.TOO_LARGE);
    }

    @Test
    void redirectsAreFollowedWithTheRangeAndCheckedAsEver() throws IOException {
        Path file = target();
        SafeFetcher.Slice slice = FETCHER.downloadRange(url("/moved"), 10, 19, Map.of("If-Range", "\"v1\""), file);
        assertThat(slice.partial()).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(Arrays.copyOfRange(FILE, 10, 20));

        assertThatThrownBy(() -> FETCHER.downloadRange(url("/to-link-local"), 0, 9, Map.of(), file))
                .hasFieldOrPropertyWithValue("reason", Reason.PRIVATE_ADDRESS);
        assertThatThrownBy(() -> FETCHER.downloadRange("file:///etc/passwd", 0, 9, Map.of(), file))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_SCHEME);
    }

    @Test
    void ifRangeWithAnOldValidatorGetsTheWholeFileWhichIsNotRead() throws IOException {
        Path file = target();
        SafeFetcher.Slice slice = FETCHER.downloadRange(url("/ranges"), 10, 19, Map.of("If-Range", "\"v0\""), file);
        assertThat(slice.partial()).isFalse();
        assertThat(slice.length()).isZero();
    }

    @Test
    void contentRangeHeadersAreReadStrictly() {
        assertThat(SafeFetcher.contentRange("bytes 0-99/1000")).contains(new SafeFetcher.ContentRange(0, 99, 1000));
        assertThat(SafeFetcher.contentRange("bytes 5-5/*")).contains(new SafeFetcher.ContentRange(5, 5, -1));
        assertThat(SafeFetcher.contentRange("bytes 9-5/100")).isEmpty();
        assertThat(SafeFetcher.contentRange("bytes */100")).isEmpty();
        assertThat(SafeFetcher.contentRange("bytes 0-99999999999999999999/1")).isEmpty();
        assertThat(SafeFetcher.contentRange("items 0-9/10")).isEmpty();
        assertThat(SafeFetcher.unsatisfiedTotal("bytes */1000")).isEqualTo(1000);
        assertThat(SafeFetcher.unsatisfiedTotal("bytes 0-1/2")).isEqualTo(-1);
    }

    /** A file server with single ranges and a strong ETag (If-Range honoured). */
    private static void ranges(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        LAST_RANGE.set(range);
        String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
        Map<String, String> headers = Map.of("ETag", "\"v1\"", "Accept-Ranges", "bytes");
        if (range == null || (ifRange != null && !ifRange.equals("\"v1\""))) {
            send(exchange, 200, headers, FILE);
            return;
        }
        String[] bounds = range.substring("bytes=".length()).split("-");
        int first = Integer.parseInt(bounds[0]);
        int last = (int) Math.min(Long.parseLong(bounds[1]), FILE.length - 1);
        send(exchange, 206, Map.of("ETag", "\"v1\"", "Content-Range",
                "bytes " + first + "-" + last + "/" + FILE.length), Arrays.copyOfRange(FILE, first, last + 1));
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        send(exchange, status, headers, body, false);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body,
                             boolean chunked) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "audio/wav");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // The fetcher stopped reading: what this test is about.
        }
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 7);
        }
        return bytes;
    }
}
