package dev.podclip.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Creates and drops throwaway PostgreSQL databases on the machine's server, so every test run starts empty and never
 * depends on what an earlier run left.
 *
 * <p>The server is {@code TEST_PG_HOST}:{@code TEST_PG_PORT} as {@code TEST_PG_USER} (default 127.0.0.1:5432,
 * postgres, trust auth; {@code TEST_PG_PASSWORD} when needed).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static String host() {
        return env("TEST_PG_HOST", "127.0.0.1") + ":" + env("TEST_PG_PORT", "5432");
    }

    public static String user() {
        return env("TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("TEST_PG_PASSWORD", "");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + "/" + database;
    }

    /** Creates a database named after {@code prefix} and a random suffix; returns its name. */
    public static String create(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Drops the database even if connections remain (PostgreSQL 13+). */
    public static void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host() + " refused `" + sql + "`: " + e.getMessage()
                    + " (is it running? pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
