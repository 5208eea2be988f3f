package dev.podclip.support.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while {@link DatabaseProbe}'s last probe succeeded; answers at once, whatever the database does. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseProbe probe;

    @Override
    public HealthCheckResponse call() {
        boolean up = probe.available();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("database").status(up)
                .withData("since", probe.since().toString());
        if (!up) {
            builder.withData("reason", probe.reason());
        }
        return builder.build();
    }
}
