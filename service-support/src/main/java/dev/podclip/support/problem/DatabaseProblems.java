package dev.podclip.support.problem;

import dev.podclip.support.db.DatabaseProbe;
import dev.podclip.support.db.SqlFailures;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The answer when a request failed because the database did not answer: 503 with {@code Retry-After}, never a 500.
 * The outcome of a write cut off this way is unknown to the client (the commit may have happened), which is why the
 * detail points to {@code Idempotency-Key}: a retry with the same key returns the first result instead of writing twice.
 */
public final class DatabaseProblems {

    /** Seconds a client should wait: about two probes of {@link DatabaseProbe}, which sees the database come back. */
    public static final int RETRY_AFTER_S = 2;

    private DatabaseProblems() {
    }

    public static Response unavailable(SqlFailures.Kind kind, String instance) {
        String detail = kind == SqlFailures.Kind.UNAVAILABLE
                ? "The database is not reachable right now; retry after " + RETRY_AFTER_S + " s (a write sent with an"
                        + " Idempotency-Key can be retried with the same key whether or not it happened)"
                : "The database could not complete this request right now (a conflicting transaction or a timeout);"
                        + " retry after " + RETRY_AFTER_S + " s";
        Response problem = Problems.response(CommonProblems.DATABASE_UNAVAILABLE, detail, instance, Map.of());
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_S)).build();
    }
}
