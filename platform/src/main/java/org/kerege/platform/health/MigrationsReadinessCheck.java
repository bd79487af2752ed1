package org.kerege.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** Ready only when every Flyway migration of the service's schema has been applied successfully. */
@Readiness
@ApplicationScoped
public class MigrationsReadinessCheck implements HealthCheck {

    @Inject
    Instance<Flyway> flyway;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Database migrations");
        if (!flyway.isResolvable()) {
            return response.down().withData("reason", "no Flyway configured").build();
        }
        try {
            MigrationInfo[] all = flyway.get().info().all();
            int pending = 0;
            int failed = 0;
            String current = null;
            for (MigrationInfo info : all) {
                if (info.getState() == MigrationState.PENDING) {
                    pending++;
                } else if (info.getState().isFailed()) {
                    failed++;
                } else if (info.getState().isApplied() && info.getVersion() != null) {
                    current = info.getVersion().getVersion();
                }
            }
            response.withData("pending", pending).withData("failed", failed)
                    .withData("version", current == null ? "none" : current);
            return (pending == 0 && failed == 0 ? response.up() : response.down()).build();
        } catch (RuntimeException e) {
            return response.down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }
}
