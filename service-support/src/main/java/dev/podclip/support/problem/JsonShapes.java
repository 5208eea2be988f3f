package dev.podclip.support.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A JSON body's mistake in the client's terms: where (the field's path in the body, {@code items[2].title}) and
 * what was expected there in words ({@code a UUID}, {@code a whole number}), never the service's class names that
 * Jackson's own messages carry. Pure.
 */
public final class JsonShapes {

    /** Longest field path named in a detail; a deeper one is cut with an ellipsis. */
    static final int MAX_PATH_CHARS = 200;

    private JsonShapes() {
    }

    /** The field's path in the body ({@code body} for the whole of it). */
    public static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (path.isEmpty()) {
            return "body";
        }
        return path.length() <= MAX_PATH_CHARS ? path.toString() : path.substring(0, MAX_PATH_CHARS) + "…";
    }

    /** What a value of {@code type} is, in words. */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date (ISO 8601, such as 2026-12-07)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601, such as 2026-12-07T08:00:00Z)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** Where a body that is not JSON at all went wrong: Jackson's reason and the line and column. */
    public static String syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr();
        return e.getOriginalMessage() + where;
    }
}
