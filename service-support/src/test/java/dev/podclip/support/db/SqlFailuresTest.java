package dev.podclip.support.db;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;

import static dev.podclip.support.db.SqlFailures.Kind.OTHER;
import static dev.podclip.support.db.SqlFailures.Kind.TRANSIENT;
import static dev.podclip.support.db.SqlFailures.Kind.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

class SqlFailuresTest {

    @Test
    void connectionClassAndShutdownsAreUnavailable() {
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P03", "53300"}) {
            assertThat(SqlFailures.classify(wrapped(new SQLException("x", state)))).as(state).isEqualTo(UNAVAILABLE);
        }
        assertThat(SqlFailures.classify(new IllegalStateException(new ConnectException("refused"))))
                .isEqualTo(UNAVAILABLE);
        assertThat(SqlFailures.classify(new SQLException("Sorry, acquisition timeout!"))).isEqualTo(UNAVAILABLE);
    }

    @Test
    void lostRacesAndTimeoutsAreTransient() {
        for (String state : new String[] {"40001", "40P01", "55P03", "57014", "25P03"}) {
            assertThat(SqlFailures.classify(wrapped(new SQLException("x", state)))).as(state).isEqualTo(TRANSIENT);
        }
    }

    @Test
    void statementAndDataErrorsAreTheCallersOwn() {
        for (String state : new String[] {"22021", "23505", "23514", "42P01", "22P02"}) {
            assertThat(SqlFailures.classify(wrapped(new SQLException("x", state)))).as(state).isEqualTo(OTHER);
        }
        assertThat(SqlFailures.classify(new IllegalArgumentException("bad"))).isEqualTo(OTHER);
        assertThat(SqlFailures.classify(new UncheckedIOException(new java.io.IOException("disk")))).isEqualTo(OTHER);
    }

    /** The shape Narayana gives a commit on a connection that PostgreSQL closed: the SQL failure only suppressed. */
    @Test
    void aCommitThatFailedOnAClosedConnectionIsUnavailable() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.",
                new IllegalStateException("transaction rolled back"));
        rollback.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(SqlFailures.classify(new RuntimeException("commit failed", rollback))).isEqualTo(UNAVAILABLE);
        // A cycle of suppressed exceptions ends the walk instead of looping.
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b");
        a.addSuppressed(b);
        b.addSuppressed(a);
        assertThat(SqlFailures.classify(a)).isEqualTo(OTHER);
    }

    @Test
    void unavailableAnywhereInTheChainWins() {
        SQLException serialization = new SQLException("serialization", "40001");
        serialization.initCause(new SQLException("reset", "08006"));
        assertThat(SqlFailures.classify(wrapped(serialization))).isEqualTo(UNAVAILABLE);
        assertThat(SqlFailures.sqlState(wrapped(serialization))).isEqualTo("40001");
    }

    @Test
    void aCyclicChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(SqlFailures.classify(a)).isEqualTo(OTHER);
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("persistence", new RuntimeException("jdbc", cause));
    }
}
