package vn.gov.mofa.upr.workflow;

/**
 * The contract of {@code upr-unit-delegation}: an agency hands part of its plan, report or contribution to some of
 * its units, each with an internal deadline before the agency's own; each unit answers in its own task, the agency's
 * focal point accepts or returns each answer. It runs beside the agency's own step (which keeps MOFA's deadline and
 * timers) and closes when the agency sends its part. The instance carries the recommendation's number, cycle and
 * text under the names {@link RecommendationProcess} uses, so that Tasklist, mails and reminders read them alike.
 */
public final class UnitDelegationProcess {

    public static final String KEY = "upr-unit-delegation";

    public static final String ANSWER = "AnswerDelegatedPart";
    public static final String ACCEPT_ANSWER = "AcceptUnitAnswer";
    public static final String REMIND_UNITS = "RemindUnits";
    public static final String ESCALATE_TO_AGENCY = "EscalateToAgency";

    /** Correlated when the agency sends its own part: units' open work closes. */
    public static final String MESSAGE_AGENCY_PART_SENT = "AgencyPartSent";

    /** JSON list of the units' Camunda groups, {@code <agency>.<unit>}. */
    public static final String VAR_UNITS = "units";
    /** The unit of one multi-instance branch. */
    public static final String VAR_UNIT = "unit";
    public static final String VAR_AGENCY = "agency";
    public static final String VAR_AGENCY_NAME = "agencyName";
    /** PLAN, REPORT or CONTRIBUTION (delegation/DelegatedPart). */
    public static final String VAR_PART = "part";
    public static final String VAR_PART_LABEL = "partLabel";
    public static final String VAR_RECOMMENDATION_INSTANCE = "recommendationInstance";
    public static final String VAR_DELEGATED_TASKS = "delegatedTasks";
    public static final String VAR_DELEGATED_OUTPUT = "delegatedOutput";
    /** ISO date, before the agency's own due date. */
    public static final String VAR_INTERNAL_DUE_DATE = "internalDueDate";
    /** Local to a unit's branch: its answer, the focal point's decision and comment. */
    public static final String VAR_UNIT_ANSWER = "unitAnswer";
    public static final String VAR_UNIT_ANSWER_ACCEPTED = "unitAnswerAccepted";
    public static final String VAR_UNIT_RETURN_COMMENT = "unitReturnComment";

    private UnitDelegationProcess() {
    }
}
