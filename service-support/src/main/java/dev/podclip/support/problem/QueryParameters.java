package dev.podclip.support.problem;

import jakarta.ws.rs.QueryParam;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which query parameter of a resource method its value cannot be converted to ({@code page=abc},
 * {@code page=99999999999} for an {@code Integer}). JAX-RS answers such a request 404, as if the resource did not
 * exist; the services answer it as the 400 {@code validation} problem their paging already documents, naming the
 * field. Only whole-number parameters are checked: they are the only typed query parameters the services take.
 * Pure (reflection over the method's declaration and the request's values).
 */
public final class QueryParameters {

    /** A parameter whose value cannot be taken, and what it must be. */
    public record Unconvertible(String name, String message) {
    }

    private QueryParameters() {
    }

    /** The first whole-number query parameter of {@code method} whose value in {@code query} does not convert. */
    public static Optional<Unconvertible> firstUnconvertible(Method method, Map<String, List<String>> query) {
        if (method == null) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            QueryParam annotation = parameter.getAnnotation(QueryParam.class);
            List<String> values = annotation == null ? null : query.get(annotation.value());
            if (values == null || values.isEmpty()) {
                continue;
            }
            Optional<String> message = wholeNumberProblem(parameter.getType(), values.get(0));
            if (message.isPresent()) {
                return Optional.of(new Unconvertible(annotation.value(), message.get()));
            }
        }
        return Optional.empty();
    }

    static Optional<String> wholeNumberProblem(Class<?> type, String value) {
        try {
            if (type == Integer.class || type == int.class) {
                Integer.parseInt(value);
            } else if (type == Long.class || type == long.class) {
                Long.parseLong(value);
            } else {
                return Optional.empty();
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            long max = type == Integer.class || type == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
            return Optional.of("must be a whole number no larger than " + max);
        }
    }
}
