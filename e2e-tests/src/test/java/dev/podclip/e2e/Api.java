package dev.podclip.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for one service, carrying a bearer token on writes. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final String baseUrl;
    private final String token;

    Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    String baseUrl() {
        return baseUrl;
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET asking for any type: metrics, pages, chapter files. */
    Response getText(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "*/*").GET().build());
    }

    Response post(String path, Object body) {
        return send(postRequest(path, body).build());
    }

    /** A POST carrying a W3C {@code traceparent}, as a traced caller sends it. */
    Response postTraced(String path, Object body, String traceParent) {
        return send(postRequest(path, body).header("traceparent", traceParent).build());
    }

    private HttpRequest.Builder postRequest(String path, Object body) {
        return request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(publisher(body));
    }

    Response put(String path, Object body, String ifMatch) {
        HttpRequest.Builder builder = request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(publisher(body));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.build());
    }

    /** A PUT of a file as it is (a transcript), with its own media type. */
    Response putFile(String path, String body, String contentType, String ifMatch) {
        return send(request(path).header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response delete(String path, String ifMatch) {
        HttpRequest.Builder builder = request(path).header("Authorization", "Bearer " + token).DELETE();
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
