package vn.gov.mofa.upr.workflow;

/**
 * The contract of {@code processes/upr-reporting-round.bpmn}: MOFA opens a round and every recommendation
 * in its implementation phase is asked for a report. Variables: {@code roundName}, {@code roundKind}
 * ({@link RoundKind}), {@code agencyDeadline}, {@code reportDeadline}, {@code targetScope} (ALL, TASK_GROUP,
 * AGENCY), {@code targetTaskGroup}, {@code targetAgency}, {@code requestedCount}.
 */
public final class ReportingRoundProcess {

    public static final String KEY = "upr-reporting-round";
    public static final String REQUEST_REPORTS = "RequestReports";

    public enum RoundKind { MID_TERM, NATIONAL_REPORT, AD_HOC }

    public enum TargetScope { ALL, TASK_GROUP, AGENCY }

    public static final String VAR_ROUND_NAME = "roundName";
    public static final String VAR_ROUND_KIND = "roundKind";
    public static final String VAR_TARGET_SCOPE = "targetScope";
    public static final String VAR_TARGET_TASK_GROUP = "targetTaskGroup";
    public static final String VAR_TARGET_AGENCY = "targetAgency";
    public static final String VAR_REQUESTED_COUNT = "requestedCount";

    private ReportingRoundProcess() {
    }
}
