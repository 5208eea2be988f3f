package dev.podclip.support.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * What a database failure means for the caller, read from the exception chain (SQLSTATE codes of PostgreSQL, socket
 * errors of the driver, the pool's acquisition timeout). Pure: the rules that decide between "retry", "answer 503"
 * and "this request or event is at fault" live here once, for both services.
 */
public final class SqlFailures {

    /** Exceptions read at most (causes and suppressed): a longer graph is cut rather than walked forever. */
    static final int MAX_CAUSE_DEPTH = 32;

    /** What the failure says about the database. */
    public enum Kind {
        /** The database cannot be reached or is shutting down (connection refused, reset, admin shutdown). */
        UNAVAILABLE,
        /** The database is there, but this attempt lost a race or a timeout; the same work can succeed later. */
        TRANSIENT,
        /** Anything else: the statement, the data or the code is at fault; retrying the same work fails the same. */
        OTHER
    }

    private SqlFailures() {
    }

    /**
     * Reads causes and suppressed exceptions: a failed commit reaches the caller as the transaction manager's own
     * exception with the driver's failure only among its suppressed ones, and used to answer 500 for a database that
     * had just gone away (SqlFailuresTest.aCommitThatFailedOnAClosedConnectionIsUnavailable).
     */
    public static Kind classify(Throwable failure) {
        Kind kind = Kind.OTHER;
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && seen.size() < MAX_CAUSE_DEPTH) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            Kind here = classifyOne(t);
            if (here == Kind.UNAVAILABLE) {
                return here; // the strongest statement a chain can make
            }
            if (here == Kind.TRANSIENT) {
                kind = here;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(java.util.Arrays.asList(t.getSuppressed()));
        }
        return kind;
    }

    /** Unavailable or transient: the work itself is fine, the database was not at that moment. */
    public static boolean isRetryable(Throwable failure) {
        return classify(failure) != Kind.OTHER;
    }

    /** The first SQLSTATE in the chain, or null. */
    public static String sqlState(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return null;
    }

    private static Kind classifyOne(Throwable t) {
        if (t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof SocketTimeoutException || t instanceof SocketException
                || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
            return Kind.UNAVAILABLE;
        }
        if (t instanceof SQLException sql) {
            Kind byState = byState(sql.getSQLState());
            if (byState != Kind.OTHER) {
                return byState;
            }
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            // Agroal's pool: no connection could be had in time (database down, or every connection busy).
            if (message.contains("acquisition timeout")) {
                return Kind.UNAVAILABLE;
            }
        }
        return Kind.OTHER;
    }

    /** PostgreSQL's SQLSTATE classes and codes (Appendix A of its manual). */
    static Kind byState(String state) {
        if (state == null || state.length() != 5) {
            return Kind.OTHER;
        }
        if (state.startsWith("08")) {
            return Kind.UNAVAILABLE; // connection exception
        }
        return switch (state) {
            // admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped, too_many_connections
            case "57P01", "57P02", "57P03", "57P04", "53300" -> Kind.UNAVAILABLE;
            // serialization_failure, deadlock_detected, lock_not_available, query_canceled (statement timeout),
            // idle_in_transaction_session_timeout, transaction_rollback, out of memory / disk full on the server
            case "40001", "40P01", "55P03", "57014", "25P03", "40000", "53100", "53200" -> Kind.TRANSIENT;
            default -> Kind.OTHER;
        };
    }
}
