package vn.gov.mofa.upr.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Profile {@code prod} refuses to start ({@link ProductionSafety}): what is wrong and what the operator does about it.
 * Spring Boot reports it through {@link Report} as "APPLICATION FAILED TO START" with these two texts and no stack
 * trace, so the operator reads every missing setting at once instead of a placeholder's exception.
 */
public class ProductionSettingsRefused extends IllegalStateException {

    private final String action;

    ProductionSettingsRefused(String description, String action) {
        super(description);
        this.action = action;
    }

    /** Registered in META-INF/spring.factories. */
    public static class Report extends AbstractFailureAnalyzer<ProductionSettingsRefused> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, ProductionSettingsRefused cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action, cause);
        }
    }
}
