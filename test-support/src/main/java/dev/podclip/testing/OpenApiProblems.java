package dev.podclip.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an OpenAPI document for what a generated client needs to know of errors: every operation documents at least
 * one 4xx answer, and every 4xx and 5xx answer has a body type (a problem+json schema, or an HTML page).
 */
public final class OpenApiProblems {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiProblems() {
    }

    /** What the document lacks, one line each; empty when nothing. */
    public static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        if (document.path("components").path("schemas").path("Problem").isMissingNode()) {
            gaps.add("no Problem schema among the components");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    gaps.addAll(gaps(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue().path("responses")));
                }
            }
        }
        return gaps;
    }

    private static List<String> gaps(String operation, JsonNode responses) {
        List<String> gaps = new ArrayList<>();
        boolean any4xx = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            String status = response.getKey();
            if (!status.startsWith("4") && !status.startsWith("5")) {
                continue;
            }
            any4xx |= status.startsWith("4");
            JsonNode content = response.getValue().path("content");
            boolean problem = content.path("application/problem+json").path("schema").has("$ref");
            boolean html = content.has("text/html");
            if (!problem && !html) {
                gaps.add(operation + " " + status + ": no problem+json schema and no HTML page");
            }
        }
        if (!any4xx) {
            gaps.add(operation + ": no 4xx answer documented");
        }
        return gaps;
    }
}
