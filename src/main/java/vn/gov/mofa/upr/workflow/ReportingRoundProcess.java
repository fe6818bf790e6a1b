package vn.gov.mofa.upr.workflow;

/**
 * The contract of {@code processes/upr-reporting-round.bpmn}: MOFA opens a round and every recommendation
 * in its implementation phase is asked for a report. Variables: {@code roundName}, {@code roundKind}
 * ({@link RoundKind}), {@code agencyDeadline}, {@code reportDeadline}, {@code targetScope} (ALL, TASK_GROUP,
 * AGENCY), {@code targetTaskGroup}, {@code targetAgency}, {@code includeOpenPlans} (Boolean: recommendations whose plan
 * is still open join the round once it is approved); progress {@code requestedCount}, {@code submittedCount},
 * {@code returnedCount}, {@code approvedCount}, {@code missingCount}, {@code missingReportsSummary}; the compile and
 * approval steps {@code compilationNote}, {@code consolidatedApproved}, {@code leaderComment}, {@code closeCycle}.
 */
public final class ReportingRoundProcess {

    public static final String KEY = "upr-reporting-round";
    public static final String REQUEST_REPORTS = "RequestReports";
    public static final String FOLLOW_UP_MISSING = "FollowUpMissing";
    public static final String COMPILE_REPORT = "CompileReport";
    public static final String APPROVE_CONSOLIDATED_REPORT = "ApproveConsolidatedReport";
    public static final String MESSAGE_REPORT_STATUS_CHANGED = "ReportStatusChanged";

    public enum RoundKind { MID_TERM, NATIONAL_REPORT, AD_HOC }

    public enum TargetScope { ALL, TASK_GROUP, AGENCY }

    public static final String VAR_ROUND_NAME = "roundName";
    public static final String VAR_ROUND_KIND = "roundKind";
    public static final String VAR_TARGET_SCOPE = "targetScope";
    public static final String VAR_TARGET_TASK_GROUP = "targetTaskGroup";
    public static final String VAR_TARGET_AGENCY = "targetAgency";
    public static final String VAR_INCLUDE_OPEN_PLANS = "includeOpenPlans";
    public static final String VAR_REQUESTED_COUNT = "requestedCount";
    public static final String VAR_SUBMITTED_COUNT = "submittedCount";
    public static final String VAR_RETURNED_COUNT = "returnedCount";
    public static final String VAR_APPROVED_COUNT = "approvedCount";
    public static final String VAR_MISSING_COUNT = "missingCount";
    public static final String VAR_MISSING_SUMMARY = "missingReportsSummary";
    public static final String VAR_OPENED_BY = "roundOpenedBy";
    public static final String VAR_CLOSE_CYCLE = "closeCycle";
    public static final String VAR_CONSOLIDATED_APPROVED = "consolidatedApproved";

    private ReportingRoundProcess() {
    }
}
