package dev.podclip.clip.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * JDBC work on the service's data source. Inside a transaction the pool hands out that transaction's connection
 * (enlisted in it, shared by all its statements, committed or rolled back with it), so reads see the transaction's
 * writes and several reads of one request read together; outside one, a connection in auto-commit for this work only.
 */
@ApplicationScoped
public class Database {

    @Inject
    AgroalDataSource dataSource;

    /** Statements on one connection. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T call(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /**
     * A statement failed. Unchecked, so a transactional caller rolls back; the driver's exception stays the cause,
     * which is what the failure classification (503 or 500, retry or not) reads.
     */
    public static final class Failure extends RuntimeException {
        Failure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
