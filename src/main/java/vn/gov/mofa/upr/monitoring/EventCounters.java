package vn.gov.mofa.upr.monitoring;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts of this node since it started ({@code upr_imports_total}, {@code upr_login_failures_total} on
 * {@code /actuator/prometheus}): Prometheus adds the nodes up and turns them into rates.
 */
@Component
public class EventCounters {

    private final Counter imports;
    private final Counter loginFailures;

    public EventCounters(MeterRegistry registry) {
        this.imports = Counter.builder("upr.imports").description("Files imported into the registry (not the dry runs)")
                .register(registry);
        this.loginFailures = Counter.builder("upr.login.failures")
                .description("Wrong passwords, unknown users and logins from a refused address, on every way to log in")
                .register(registry);
    }

    public void imported() {
        imports.increment();
    }

    public void loginFailed() {
        loginFailures.increment();
    }
}
