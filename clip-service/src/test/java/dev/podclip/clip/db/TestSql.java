package dev.podclip.clip.db;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Statements a test runs on the service's database to arrange or inspect rows, each in a transaction of its own.
 * Parameters are numbered ({@code ?1}, possibly several times), as in the service's own statements.
 */
@ApplicationScoped
public class TestSql {

    @Inject
    Database db;

    /** Runs {@code sql}; returns the rows changed. */
    public int run(String sql, Object... parameters) {
        NumberedSql statement = NumberedSql.of(sql);
        return QuarkusTransaction.requiringNew().call(() -> db.call(c -> Jdbc.update(c, statement.sql(),
                statement.parameters(parameters))));
    }

    /** The first column of {@code sql}'s first row, or null without a row. */
    public Object value(String sql, Object... parameters) {
        NumberedSql statement = NumberedSql.of(sql);
        return QuarkusTransaction.requiringNew().call(() -> db.call(c -> Jdbc.list(c, statement.sql(),
                row -> row.getObject(1), statement.parameters(parameters)))).stream().findFirst().orElse(null);
    }
}
