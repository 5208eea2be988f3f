package dev.podclip.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A small JSON-over-HTTP client for the suite: one request, one answer, or empty when the connection failed. */
final class Http {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param body the answer's body parsed as JSON, or null when it is not JSON */
    record Answer(int status, Map<String, String> headers, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    Optional<Answer> send(String method, String url, String token, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpRequest.BodyPublisher publisher;
        try {
            if (body == null) {
                publisher = HttpRequest.BodyPublishers.noBody();
            } else if (body instanceof String text) {
                publisher = HttpRequest.BodyPublishers.ofString(text);
            } else {
                request.header("Content-Type", "application/json");
                publisher = HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> answerHeaders = new java.util.HashMap<>();
            response.headers().map().forEach((k, v) -> answerHeaders.put(k.toLowerCase(java.util.Locale.ROOT),
                    v.isEmpty() ? "" : v.get(0)));
            return Optional.of(new Answer(response.statusCode(), answerHeaders, parse(response.body())));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    Optional<Answer> get(String url) {
        return send("GET", url, null, Map.of(), null);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
