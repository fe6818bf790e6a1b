package vn.gov.mofa.upr.reporting;

import java.time.Instant;

/** A lead agency's report as MOFA approved it: what the consolidated reports are compiled from. */
public record ApprovedReport(int cycle, String number, String roundId, String roundName, String agency,
        String implementationStatus, String results, String figures, String difficulties, String proposals,
        String contributions, String approvedBy, Instant approvedAt, String summaryEn) {
}
