package vn.gov.mofa.upr.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One shape per process variable, on every path (form, REST, import, round): a decision is a Boolean, a date is
 * ISO {@code yyyy-MM-dd} (dd/MM/yyyy only on screen), an agency list is one JSON list of codes. Values written by
 * the previous version (dates as dd/MM/yyyy, decisions as "true", agency lists as "mps,moj") are still read here,
 * and only here: {@link Deadlines#parse} and {@code AgencyDirectory.codesOf} (in agency/, above this package) accept both shapes.
 */
public final class VariableShapes {

    /** Date variables of both processes (ISO in the engine, dd/MM/yyyy in forms). */
    public static final Set<String> DATES = Set.of(RecommendationProcess.VAR_PLAN_DUE_DATE, RecommendationProcess.VAR_DUE_DATE,
            RecommendationProcess.VAR_PLAN_DEADLINE, RecommendationProcess.VAR_AGENCY_DEADLINE,
            RecommendationProcess.VAR_REPORT_DEADLINE, RecommendationProcess.VAR_CONTRIBUTION_DUE_DATE);

    /** Decisions. */
    public static final Set<String> BOOLEANS = Set.of(RecommendationProcess.VAR_APPROVED,
            RecommendationProcess.VAR_ASSIGNMENT_CONFIRMED, RecommendationProcess.VAR_FOLLOW_UP_NEEDED,
            ReportingRoundProcess.VAR_CONSOLIDATED_APPROVED, ReportingRoundProcess.VAR_CLOSE_CYCLE,
            ReportingRoundProcess.VAR_INCLUDE_OPEN_PLANS);

    /** Lists of agency codes. */
    public static final Set<String> AGENCY_LISTS = Set.of(RecommendationProcess.VAR_COORDINATING_AGENCIES);

    private static final ObjectMapper JSON = new ObjectMapper();

    private VariableShapes() {
    }

    /** A date as the engine keeps it. */
    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** An agency list as the engine keeps it: a JSON variable, readable in Cockpit and by Tasklist's taglist. */
    public static TypedValue agencyList(List<String> codes) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(codes)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored date variable as a form shows it (dd/MM/yyyy); other values unchanged. */
    public static Object onScreen(String name, Object value) {
        if (DATES.contains(name) && value instanceof String text && !text.isBlank()) {
            try {
                return Deadlines.format(Deadlines.parse(text));
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        return value;
    }
}
