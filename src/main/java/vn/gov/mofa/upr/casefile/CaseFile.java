package vn.gov.mofa.upr.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.gov.mofa.upr.recommendation.Recommendation;

/**
 * Everything about one recommendation, as its case page shows it.
 *
 * @param plan          the plan as last submitted (label -> value), empty when none was
 * @param planStatus    where the plan stands, in words
 * @param reviews       MOFA's reviews of the plan and of the reports, oldest first, each with what was reviewed
 * @param rounds        the reports MOFA approved, one per round, oldest first
 * @param pendingReport the report submitted in the open round, not yet approved (null when none)
 * @param cockpitLink   the running instance in Cockpit, for MOFA only (null otherwise)
 */
public record CaseFile(Recommendation recommendation, String leadAgencyName, List<String> coordinatingAgencyNames,
        String taskGroupName, List<OpenStep> openSteps, String standing, Map<String, String> plan, String planStatus,
        List<Review> reviews, List<Round> rounds, Report pendingReport, List<Contribution> pendingContributions,
        List<TimelineEntry> timeline, List<Evidence> evidence, String cockpitLink) {

    /** An evidence file with the name of the agency whose step it was attached to. */
    public record Evidence(EvidenceFile file, String agencyName) {
    }

    /**
     * A step waiting for someone.
     *
     * @param mayUpload    whether the reader may attach evidence to it
     * @param tasklistLink the task in Tasklist when the reader may work on it, else null
     * @param mayDelegate  whether the reader holds this plan, report or contribution and may hand parts to its units
     */
    public record OpenStep(String taskId, String step, String name, String agencyName, Instant since, LocalDate due,
            long daysOverdue, boolean mayUpload, String tasklistLink, boolean mayDelegate) {
    }

    /** A review by MOFA: plan or report, approved or returned with a comment, and what was reviewed (may be empty). */
    public record Review(Instant at, String subject, String reviewer, boolean approved, String comment,
            Map<String, String> reviewed) {
    }

    /** A report as MOFA approved it in a round, with the contributions it was built on. */
    public record Round(String roundName, Report report, List<Contribution> contributions, String approvedBy, Instant approvedAt) {
    }

    /** A lead agency's report (label -> value) and the status it reported. */
    public record Report(String status, Map<String, String> fields) {
    }

    public record Contribution(String agencyName, String results, String figures, String difficulties) {
    }

    /** One event of the recommendation's history: when, what, who (a user id or "Hệ thống"), details. */
    public record TimelineEntry(Instant at, String what, String who, String detail) {
    }
}
