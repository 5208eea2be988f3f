package dev.podclip.support.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error a service answers on purpose, rendered as RFC 9457 problem+json by {@link ProblemMappers}.
 *
 * <p>{@code slug} names the problem type: the body's {@code type} is {@link Problems#TYPE_BASE} + slug, and
 * {@code docs/problems.md} lists every slug. Extensions are extra members of the body (for example the first bad
 * line of an uploaded file).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions;
    /** Seconds for a {@code Retry-After} header (503, 429), or 0 for none. */
    private final int retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        this(status, slug, title, detail, extensions, 0);
    }

    private ProblemException(int status, String slug, String title, String detail, Map<String, Object> extensions,
                             int retryAfterSeconds) {
        super(Objects.requireNonNull(detail, "detail"));
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("negative Retry-After: " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.slug = Objects.requireNonNull(slug, "slug");
        this.title = Objects.requireNonNull(title, "title");
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Bad request", detail);
    }

    /**
     * The 400 {@code validation} problem of one invalid field, in the shape Bean Validation failures take
     * ({@code errors: [{field, message}]}), so clients read every invalid input the same way.
     */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", "The request has 1 invalid field(s)",
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public ProblemException with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new ProblemException(status, slug, title, getMessage(), more, retryAfterSeconds);
    }

    /** The same problem, answered with {@code Retry-After: seconds}. */
    public ProblemException retryAfter(int seconds) {
        return new ProblemException(status, slug, title, getMessage(), extensions, seconds);
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
