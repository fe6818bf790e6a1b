package vn.gov.mofa.upr.workflow;

/**
 * The contract of {@code processes/upr-recommendation.bpmn}: one instance per tracked recommendation,
 * business key {@code UPR<cycle>-<number>}. Forms, REST clients and tests rely on these ids.
 *
 * <p>Process variables, in the shapes of {@link VariableShapes} (dates ISO {@code yyyy-MM-dd}, decisions Boolean,
 * agency lists one JSON list):
 * <ul>
 *   <li>{@code cycle} (Integer), {@code number}, {@code recommendationText}, {@code recommendingStates},
 *       {@code numberOrder} (the number as it sorts, "000143.000002" before "000143.000010": Tasklist's order)</li>
 *   <li>{@code leadAgency} (agency code), {@code coordinatingAgencies} (JSON list of codes, may be empty),
 *       {@code leadAgencyName}, {@code coordinatingAgencyNames} (Vietnamese names, for forms),
 *       {@code taskGroup} ("1".."6"), {@code planDueDate}, {@code dueDate} (implementation target, optional),
 *       {@code assignmentConfirmed} (false when MOFA still has to confirm a suggested assignment),
 *       {@code annexNote} (what the annex said that no other variable holds: agencies named by no one, e.g. "các bộ,
 *       ngành liên quan", an ongoing deadline "Thường xuyên"; null when nothing)</li>
 *   <li>plan: {@code focalPointName}, {@code focalPointEmail}, {@code focalPointPhone}, {@code planActions},
 *       {@code planDeadline}, {@code expectedOutput}, {@code indicators}</li>
 *   <li>reviews: {@code approved} (Boolean), {@code reviewComment}</li>
 *   <li>report cycle: {@code roundId}, {@code roundName}, {@code agencyDeadline}, {@code reportDeadline},
 *       {@code contributionDueDate}, {@code contributions} (JSON array), {@code contributionsSummary} (text),
 *       {@code implementationStatus}, {@code reportResults}, {@code reportFigures},
 *       {@code reportDifficulties}, {@code reportProposals}</li>
 *   <li>multi-instance element variable: {@code contributingAgency}</li>
 * </ul>
 */
public final class RecommendationProcess {

    public static final String KEY = "upr-recommendation";

    /** The start event; what follows it runs as a job (asynchronous continuation), so an import only starts. */
    public static final String TRACKED = "RecommendationTracked";
    public static final String ASSIGN_AGENCIES = "AssignAgencies";
    public static final String PREPARE_PLAN = "PreparePlan";
    public static final String REVIEW_PLAN = "ReviewPlan";
    public static final String SIGN_OFF_PLAN = "SignOffPlan";
    public static final String SIGN_OFF_REPORT = "SignOffReport";
    public static final String JOIN_OPEN_ROUND = "JoinOpenRound";
    public static final String WAIT_FOR_REPORT_REQUEST = "WaitForReportRequest";
    public static final String CONTRIBUTE_INPUT = "ContributeInput";
    public static final String PREPARE_REPORT = "PrepareReport";
    public static final String REVIEW_REPORT = "ReviewReport";
    public static final String FOLLOW_UP_OVERDUE = "FollowUpOverdue";


    public static final String MESSAGE_REPORT_REQUESTED = "ReportRequested";
    public static final String MESSAGE_CYCLE_CLOSED = "CycleClosed";

    public static final String VAR_CYCLE = "cycle";
    public static final String VAR_NUMBER = "number";
    /** {@code number} padded part by part (RecommendationNumber.orderKey): the engine sorts variables as text. */
    public static final String VAR_NUMBER_ORDER = "numberOrder";
    public static final String VAR_TEXT = "recommendationText";
    public static final String VAR_STATES = "recommendingStates";
    public static final String VAR_LEAD_AGENCY = "leadAgency";
    public static final String VAR_COORDINATING_AGENCIES = "coordinatingAgencies";
    public static final String VAR_LEAD_AGENCY_NAME = "leadAgencyName";
    public static final String VAR_COORDINATING_AGENCY_NAMES = "coordinatingAgencyNames";
    public static final String VAR_TASK_GROUP = "taskGroup";
    public static final String VAR_PLAN_DUE_DATE = "planDueDate";
    public static final String VAR_DUE_DATE = "dueDate";
    /** What the annex said beyond agencies and dates ("các bộ, ngành liên quan", "Thường xuyên"), or null. */
    public static final String VAR_ANNEX_NOTE = "annexNote";
    public static final String VAR_PLAN_DEADLINE = "planDeadline";
    public static final String VAR_ASSIGNMENT_CONFIRMED = "assignmentConfirmed";
    public static final String VAR_FOCAL_POINT_NAME = "focalPointName";
    public static final String VAR_FOCAL_POINT_EMAIL = "focalPointEmail";
    public static final String VAR_FOCAL_POINT_PHONE = "focalPointPhone";
    public static final String VAR_PLAN_ACTIONS = "planActions";
    public static final String VAR_EXPECTED_OUTPUT = "expectedOutput";
    public static final String VAR_INDICATORS = "indicators";
    public static final String VAR_APPROVED = "approved";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";
    public static final String VAR_ROUND_ID = "roundId";
    public static final String VAR_ROUND_NAME = "roundName";
    public static final String VAR_AGENCY_DEADLINE = "agencyDeadline";
    public static final String VAR_REPORT_DEADLINE = "reportDeadline";
    /**
     * Set by {@code roundJoining} once the plan is approved: true when an open round recorded this recommendation as
     * awaiting its plan (the round's variables are then set as its opening would have set them), false otherwise.
     */
    public static final String VAR_ROUND_AWAITING = "roundAwaiting";
    public static final String VAR_CONTRIBUTION_DUE_DATE = "contributionDueDate";
    public static final String VAR_CONTRIBUTIONS = "contributions";
    public static final String VAR_CONTRIBUTIONS_SUMMARY = "contributionsSummary";
    public static final String VAR_CONTRIBUTING_AGENCY = "contributingAgency";
    public static final String VAR_IMPLEMENTATION_STATUS = "implementationStatus";
    public static final String VAR_REPORT_RESULTS = "reportResults";
    public static final String VAR_REPORT_FIGURES = "reportFigures";
    public static final String VAR_REPORT_DIFFICULTIES = "reportDifficulties";
    public static final String VAR_REPORT_PROPOSALS = "reportProposals";
    /** Optional: the lead agency's English summary, the assessment of the English matrix for the UN. */
    public static final String VAR_REPORT_SUMMARY_EN = "reportSummaryEn";

    /** The plan, in the order the case page shows it. */
    public static final java.util.List<String> PLAN_VARIABLES = java.util.List.of(VAR_FOCAL_POINT_NAME, VAR_FOCAL_POINT_EMAIL,
            VAR_FOCAL_POINT_PHONE, VAR_PLAN_ACTIONS, VAR_PLAN_DEADLINE, VAR_EXPECTED_OUTPUT, VAR_INDICATORS);
    /** A round's report, in the order the case page shows it. */
    public static final java.util.List<String> REPORT_VARIABLES = java.util.List.of(VAR_ROUND_NAME, VAR_IMPLEMENTATION_STATUS,
            VAR_REPORT_RESULTS, VAR_REPORT_FIGURES, VAR_REPORT_DIFFICULTIES, VAR_REPORT_PROPOSALS, VAR_REPORT_SUMMARY_EN,
            VAR_CONTRIBUTIONS);

    public static final String VAR_REVIEWED_BY = "reviewedBy";
    /** The agency leader's sign-off (Boolean), its comment when returned, and who signed and when (for MOFA). */
    public static final String VAR_SIGNED_OFF = "signedOff";
    public static final String VAR_SIGN_OFF_COMMENT = "signOffComment";
    public static final String VAR_SIGNED_OFF_BY = "signedOffBy";
    public static final String VAR_SIGNED_OFF_AT = "signedOffAt";
    /** What the agency's units answered for the plan or the report (text for the forms; contributions keep theirs locally). */
    public static final String VAR_UNIT_ANSWERS = "unitAnswers";
    /**
     * Task-local on a review, kept in history: the plan or report as MOFA reviewed it (JSON object of
     * {@link #PLAN_VARIABLES} or {@link #REPORT_VARIABLES}). The history level keeps only a variable's last value, so a
     * returned version would otherwise be lost once the agency resubmits.
     */
    public static final String VAR_REVIEWED = "reviewed";
    /** Task-local, kept in history: what MOFA decided in a review or assignment, for the audit trail. */
    public static final String VAR_DECISION = "decision";
    public static final String VAR_DECIDED_BY = "decidedBy";
    public static final String VAR_OVERDUE_SUMMARY = "overdueSummary";
    public static final String VAR_OVERDUE_STEP = "overdueStep";
    public static final String VAR_FOLLOW_UP_NEEDED = "followUpNeeded";
    public static final String VAR_REMINDER = "reminder";
    /** false while a round's report is open; true once MOFA approved it, which closes the contributions still open. */
    public static final String VAR_ROUND_REPORT_APPROVED = "roundReportApproved";

    /** The user task a reminder or escalation service task speaks about, by the service task's id. */
    public static final java.util.Map<String, String> TIMED_STEP = java.util.Map.of(
            "RemindPlan", PREPARE_PLAN, "RemindPlanAgain", PREPARE_PLAN, "EscalatePlan", PREPARE_PLAN,
            "RemindContribution", CONTRIBUTE_INPUT, "RemindContributionAgain", CONTRIBUTE_INPUT,
            "EscalateContribution", CONTRIBUTE_INPUT,
            "RemindReport", PREPARE_REPORT, "RemindReportAgain", PREPARE_REPORT, "EscalateReport", PREPARE_REPORT,
            UnitDelegationProcess.REMIND_UNITS, UnitDelegationProcess.ANSWER);

    public static String businessKey(int cycle, String number) {
        return "UPR" + cycle + "-" + number;
    }

    private RecommendationProcess() {
    }
}
