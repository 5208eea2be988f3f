package dev.podclip.support.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error a service answers on purpose, rendered as RFC 9457 problem+json by {@link ProblemMappers}.
 *
 * <p>Its {@link ProblemType} gives the body's {@code type} and {@code title}; the detail says what happened this time.
 * Extensions are extra members of the body (for example the first bad line of an uploaded file).
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final int status;
    private final Map<String, Object> extensions;
    /** Seconds for a {@code Retry-After} header (503, 429), or 0 for none. */
    private final int retryAfterSeconds;

    /** A problem of a type answered with one status. */
    public ProblemException(ProblemType type, String detail) {
        this(type, type.status(), detail, Map.of(), 0);
    }

    /** A problem of a type answered with several statuses: {@code status} says which. */
    public ProblemException(ProblemType type, int status, String detail) {
        this(type, status, detail, Map.of(), 0);
    }

    private ProblemException(ProblemType type, int status, String detail, Map<String, Object> extensions,
                             int retryAfterSeconds) {
        super(Objects.requireNonNull(detail, "detail"));
        this.type = Objects.requireNonNull(type, "type");
        if (!type.allows(status)) {
            throw new IllegalArgumentException(type.slug() + " is not answered with " + status);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("negative Retry-After: " + retryAfterSeconds);
        }
        this.status = status;
        this.extensions = Map.copyOf(extensions);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(CommonProblems.NOT_FOUND, what + " " + id + " does not exist");
    }

    /**
     * The 400 {@code validation} problem of one invalid field or parameter, in the shape Bean Validation failures
     * take ({@code errors: [{field, message}]}), so clients read every invalid input the same way.
     */
    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(Map.of("field", field, "message", message)));
    }

    /** The same, with a detail written for people (a page shows it). */
    public static ProblemException invalidField(String field, String message, String detail) {
        return new ProblemException(CommonProblems.VALIDATION, detail)
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }

    /** The 400 {@code validation} problem of several invalid fields, each {@code {field, message}}. */
    public static ProblemException invalidFields(List<Map<String, String>> errors) {
        return invalidFields(errors, errors.size());
    }

    /**
     * @param total how many fields are invalid; {@code errors} may list fewer (a long list is cut). One invalid field
     *              is named in the detail, as {@link #invalidField} does.
     */
    static ProblemException invalidFields(List<Map<String, String>> errors, int total) {
        String detail = total == 1 && errors.size() == 1
                ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : "The request has " + total + " invalid field(s)";
        return new ProblemException(CommonProblems.VALIDATION, detail).with("errors", List.copyOf(errors));
    }

    public ProblemException with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new ProblemException(type, status, getMessage(), more, retryAfterSeconds);
    }

    /** The same problem, answered with {@code Retry-After: seconds}. */
    public ProblemException retryAfter(int seconds) {
        return new ProblemException(type, status, getMessage(), extensions, seconds);
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return type.slug();
    }

    public String title() {
        return type.title();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
