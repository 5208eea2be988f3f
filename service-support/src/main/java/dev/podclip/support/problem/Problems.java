package dev.podclip.support.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds RFC 9457 problem+json responses. */
public final class Problems {

    /** Problem types are documented under this base; the slug completes the URI. */
    public static final String TYPE_BASE = "https://podclip.dev/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {
    }

    /**
     * @param status   one of the statuses {@code type} is answered with
     * @param instance the request path the problem occurred on, or null
     */
    public static Response response(ProblemType type, int status, String detail, String instance,
                                    Map<String, Object> extensions) {
        if (!type.allows(status)) {
            throw new IllegalArgumentException(type.slug() + " is not answered with " + status);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        extensions.forEach((name, value) -> {
            if (!body.containsKey(name)) {
                body.put(name, value);
            }
        });
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    /** A problem of a type answered with one status. */
    public static Response response(ProblemType type, String detail, String instance, Map<String, Object> extensions) {
        return response(type, type.status(), detail, instance, extensions);
    }

    public static Response response(ProblemException problem, String instance) {
        return response(problem.type(), problem.status(), problem.getMessage(), instance, problem.extensions());
    }
}
