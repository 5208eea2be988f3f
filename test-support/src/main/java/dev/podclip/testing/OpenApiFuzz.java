package dev.podclip.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a service's OpenAPI document and sends every operation the classes of bad input the edge must refuse: a NUL
 * (percent-encoded) in each path and query parameter, percent-encoding that is not UTF-8, and, where the operation
 * takes JSON, a body with a repeated key and a body with a NUL escape; and a word for each whole-number query
 * parameter, which must be a 400 (JAX-RS alone answers it 404, as if the resource did not exist). Each answer must
 * come within {@link #ANSWER_TIMEOUT}, below 500, and as problem+json (HTML for the operations that only speak
 * HTML). Keeping the test over the whole document keeps each class closed as operations are added.
 */
public final class OpenApiFuzz {

    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String NUL = "a%00b";
    private static final String NOT_UTF8 = "%C3%28";
    private static final String NOT_A_NUMBER = "not a whole number in query ";

    /** One answer that broke the rules. */
    public record Finding(String method, String path, String probe, String answer) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " [" + probe + "] -> " + answer;
        }
    }

    private final String baseUrl;
    private final String bearer;
    private final Set<String> htmlOnlyPaths;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int requests;

    /** @param htmlOnlyPaths OpenAPI paths (templates) whose operations answer HTML, errors included */
    public OpenApiFuzz(String baseUrl, String bearer, Set<String> htmlOnlyPaths) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
        this.htmlOnlyPaths = htmlOnlyPaths;
    }

    public int requests() {
        return requests;
    }

    public List<Finding> run() throws IOException, InterruptedException {
        JsonNode document = new ObjectMapper().readTree(send("GET", "/q/openapi?format=json", null).body());
        List<Finding> findings = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    findings.addAll(operation(op.getKey().toUpperCase(), path.getKey(), op.getValue(),
                            path.getValue().path("parameters")));
                }
            }
        }
        return findings;
    }

    private List<Finding> operation(String method, String template, JsonNode op, JsonNode pathParameters)
            throws InterruptedException {
        List<String> pathNames = new ArrayList<>();
        List<String> queryNames = new ArrayList<>();
        List<String> wholeNumberNames = new ArrayList<>();
        for (JsonNode parameters : List.of(pathParameters, op.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                String in = parameter.path("in").asText();
                if (in.equals("path")) {
                    pathNames.add(parameter.path("name").asText());
                } else if (in.equals("query")) {
                    queryNames.add(parameter.path("name").asText());
                    if (parameter.path("schema").path("type").asText().equals("integer")) {
                        wholeNumberNames.add(parameter.path("name").asText());
                    }
                }
            }
        }
        boolean json = op.path("requestBody").path("content").has("application/json");
        List<Finding> findings = new ArrayList<>();
        String plain = fill(template, pathNames, null);
        for (String name : pathNames) {
            probe(findings, method, template, "NUL in path " + name, fill(template, pathNames, name), json, null);
        }
        for (String name : queryNames) {
            probe(findings, method, template, "NUL in query " + name, plain + "?" + name + "=" + NUL, json, null);
            probe(findings, method, template, "not UTF-8 in query " + name, plain + "?" + name + "=" + NOT_UTF8,
                    json, null);
        }
        for (String name : wholeNumberNames) {
            probe(findings, method, template, NOT_A_NUMBER + name, plain + "?" + name + "=abc", json, null);
        }
        if (json) {
            probe(findings, method, template, "repeated JSON key", plain, true, "{\"title\":\"a\",\"title\":\"b\"}");
            probe(findings, method, template, "NUL in JSON", plain, true, "{\"title\":\"a\\u0000b\"}");
        }
        return findings;
    }

    /** The template with each path parameter filled: {@code nulIn} gets a NUL, the others an id that is absent. */
    private static String fill(String template, List<String> names, String nulIn) {
        String path = template;
        for (String name : names) {
            path = path.replace("{" + name + "}", name.equals(nulIn) ? NUL : "00000000-0000-0000-0000-000000000000");
        }
        return path;
    }

    private void probe(List<Finding> findings, String method, String template, String probe, String target,
                       boolean json, String body) throws InterruptedException {
        String answer;
        try {
            HttpResponse<String> response = send(method, target, json ? body == null ? "{}" : body : null);
            answer = judge(template, response);
            if (answer == null && probe.startsWith(NOT_A_NUMBER) && response.statusCode() != 400) {
                answer = response.statusCode() + " instead of 400";
            }
        } catch (HttpTimeoutException e) {
            answer = "no answer within " + ANSWER_TIMEOUT;
        } catch (IOException e) {
            answer = "connection failed: " + e;
        }
        if (answer != null) {
            findings.add(new Finding(method, template, probe, answer));
        }
    }

    private String judge(String template, HttpResponse<String> response) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            return status + " " + type + " " + abbreviate(response.body());
        }
        if (status >= 400) {
            boolean html = htmlOnlyPaths.contains(template) && type.startsWith("text/html");
            if (!html && !type.startsWith("application/problem+json")) {
                return status + " without problem+json (" + type + ")";
            }
        }
        return null;
    }

    private HttpResponse<String> send(String method, String target, String jsonBody)
            throws IOException, InterruptedException {
        requests++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + target)).timeout(ANSWER_TIMEOUT)
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.header("If-Match", "\"1\"");
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
