package dev.podclip.catalog.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A feed host on 127.0.0.1 and a random port: each path answers what the test put there, and counts its hits. */
final class FeedServer implements AutoCloseable {

    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.get(path);
            try {
                if (answer == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    answer.answer(exchange);
                }
            } catch (IOException e) {
                // the client hung up (timeouts, caps): nothing to do
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void put(String path, Answer answer) {
        answers.put(path, answer);
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    static Answer text(String contentType, String body) {
        return exchange -> send(exchange, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** 200 with an ETag; 304 when If-None-Match names it. */
    static Answer withEtag(String etag, String body) {
        return exchange -> {
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", "Tue, 03 Jun 2025 10:00:00 GMT");
            send(exchange, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8));
        };
    }

    static Answer redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    static Answer slow(long sleepMs, String body) {
        return exchange -> {
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** A chunked body of this many bytes (no Content-Length), so only the reading side can stop it. */
    static Answer huge(long bytes) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "<!-- padding padding padding padding padding padding padding padding -->\n"
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>"
                        .getBytes(StandardCharsets.UTF_8));
                for (long written = 0; written < bytes; written += chunk.length) {
                    out.write(chunk);
                }
            }
        };
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
