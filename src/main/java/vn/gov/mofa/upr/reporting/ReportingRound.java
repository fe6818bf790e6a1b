package vn.gov.mofa.upr.reporting;

import java.time.Instant;
import java.time.LocalDate;

/** A round in which MOFA requests reports; its id is the id of its {@code upr-reporting-round} instance. */
public record ReportingRound(String id, String name, String kind, LocalDate agencyDeadline, LocalDate reportDeadline,
        String scope, String scopeValue, String status, String openedBy, Instant openedAt) {

    public static final String OPEN = "OPEN";
    public static final String SUBMITTED = "SUBMITTED";
}
