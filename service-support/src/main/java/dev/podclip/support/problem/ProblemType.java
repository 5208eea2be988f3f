package dev.podclip.support.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of problem a service answers: the body's {@code type} is {@link Problems#TYPE_BASE} + {@code slug}, its
 * {@code title} is the type's own (RFC 9457: the same for every occurrence), {@code meaning} tells a client what
 * happened and what to do, and {@code statuses} are the HTTP statuses it is answered with; empty for the one type
 * that passes on whatever status the HTTP layer chose.
 *
 * <p>Types are declared once, as constants of a service's problem registry ({@link CommonProblems} and one class per
 * service); docs/problems.md lists every one, and each service's {@code ProblemTypesTest} checks that list against the
 * registries and that no type is made anywhere else.
 */
public record ProblemType(String slug, String title, String meaning, List<Integer> statuses) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Longest slug; the type URI stays short enough to read in a log line. */
    static final int SLUG_MAX_CHARS = 48;

    public ProblemType {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(meaning, "meaning");
        statuses = List.copyOf(statuses);
        if (slug.length() > SLUG_MAX_CHARS || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("not a problem slug: " + slug);
        }
        if (title.isBlank() || meaning.isBlank()) {
            throw new IllegalArgumentException("blank title or meaning for " + slug);
        }
        for (int status : statuses) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("not an error status for " + slug + ": " + status);
            }
        }
    }

    public static ProblemType of(String slug, String title, String meaning, int... statuses) {
        if (statuses.length == 0) {
            throw new IllegalArgumentException(slug + " needs a status");
        }
        return new ProblemType(slug, title, meaning, Arrays.stream(statuses).boxed().toList());
    }

    /** A type answered with whatever error status the HTTP layer chose. */
    static ProblemType anyStatus(String slug, String title, String meaning) {
        return new ProblemType(slug, title, meaning, List.of());
    }

    /** The status of a type answered with one status only. */
    public int status() {
        if (statuses.size() != 1) {
            throw new IllegalStateException(slug + " is answered with " + statuses + ": name the status");
        }
        return statuses.get(0);
    }

    public boolean allows(int status) {
        return statuses.isEmpty() ? status >= 400 && status <= 599 : statuses.contains(status);
    }

    public String uri() {
        return Problems.TYPE_BASE + slug;
    }
}
