package dev.podclip.support.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryParametersTest {

    @SuppressWarnings("unused")
    static void list(@PathParam("id") Integer id, @QueryParam("q") String q, @QueryParam("page") Integer page,
                     @QueryParam("size") int size, @QueryParam("since") Long since) {
    }

    private static final Method LIST = method();

    private static Method method() {
        try {
            return QueryParametersTest.class.getDeclaredMethod("list", Integer.class, String.class, Integer.class,
                    int.class, Long.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theFirstWholeNumberThatDoesNotConvertIsNamed() {
        assertThat(QueryParameters.firstUnconvertible(LIST, Map.of("page", List.of("abc"))))
                .hasValue(new QueryParameters.Unconvertible("page", "must be a whole number no larger than "
                        + Integer.MAX_VALUE));
        assertThat(QueryParameters.firstUnconvertible(LIST, Map.of("size", List.of("99999999999"))))
                .map(QueryParameters.Unconvertible::name).hasValue("size");
        assertThat(QueryParameters.firstUnconvertible(LIST, Map.of("size", List.of("1.5"))))
                .map(QueryParameters.Unconvertible::name).hasValue("size");
        assertThat(QueryParameters.firstUnconvertible(LIST, Map.of("since", List.of("99999999999999999999"))))
                .map(QueryParameters.Unconvertible::message).hasValue("must be a whole number no larger than "
                        + Long.MAX_VALUE);
    }

    @Test
    void valuesThatConvertTextAndPathParametersAreNotNamed() {
        assertThat(QueryParameters.firstUnconvertible(LIST, Map.of("page", List.of("2"), "size", List.of("7"),
                "q", List.of("abc"), "since", List.of("-5")))).isEmpty();
        assertThat(QueryParameters.firstUnconvertible(LIST, Map.of("id", List.of("abc")))).isEmpty();
        assertThat(QueryParameters.firstUnconvertible(null, Map.of("page", List.of("abc")))).isEmpty();
    }
}
