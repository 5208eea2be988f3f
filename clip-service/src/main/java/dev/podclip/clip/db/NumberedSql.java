package dev.podclip.clip.db;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with numbered parameters ({@code ?1}, {@code ?2}, …, each of which may occur several times), as
 * JDBC's positional {@code ?}s: a parameter's value is bound at each place its number occurs, so the server receives
 * the same statement and values as when a JPA native query ran that text.
 *
 * @param sql     the statement with plain {@code ?}s
 * @param numbers per {@code ?} in order, the number it stood for
 */
public record NumberedSql(String sql, List<Integer> numbers) {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    public NumberedSql {
        numbers = List.copyOf(numbers);
    }

    public static NumberedSql of(String numbered) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = NUMBERED.matcher(numbered);
        String sql = m.replaceAll(match -> {
            numbers.add(Integer.parseInt(match.group(1)));
            return "?";
        });
        return new NumberedSql(sql, numbers);
    }

    /** The values of parameters 1, 2, … in the order of {@link #sql}'s {@code ?}s. */
    public Object[] parameters(Object... byNumber) {
        return numbers.stream().map(n -> byNumber[n - 1]).toArray();
    }
}
