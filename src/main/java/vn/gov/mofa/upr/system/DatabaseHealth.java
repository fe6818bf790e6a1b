package vn.gov.mofa.upr.system;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database part of {@code /actuator/health} (it replaces Spring Boot's {@code db} check): DOWN unless a
 * connection answers within {@code upr.health.database-timeout}. Spring Boot's own check waits for a connection as
 * long as a user's request does (30 seconds): with the database gone, the health check hung past the proxy's and
 * Docker's patience instead of saying DOWN. The check runs on one thread of its own, so a database that hangs
 * holds at most that thread, and the checks after it answer DOWN at once.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "upr-database-health");
        thread.setDaemon(true);
        return thread;
    });

    public DatabaseHealth(DataSource dataSource, @Value("${upr.health.database-timeout:PT3S}") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            boolean valid = CompletableFuture.supplyAsync(this::connectionIsValid, checker)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return valid ? Health.up().build() : Health.down().build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }

    private boolean connectionIsValid() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (java.sql.SQLException e) {
            return false;
        }
    }
}
