package dev.podclip.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A fresh database for one Quarkus test application, dropped when it stops. Use with
 * {@code @QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "prefix", value = "..."))}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private String prefix = "podclip_test";

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("prefix", prefix);
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabases.create(prefix);
        return Map.of(
                "quarkus.datasource.jdbc.url", TestDatabases.jdbcUrl(database),
                "quarkus.datasource.username", TestDatabases.user(),
                "quarkus.datasource.password", TestDatabases.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            TestDatabases.drop(database);
        }
    }
}
