package vn.gov.mofa.upr.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.VariableShapes;

/** A round in which MOFA requests reports; its id is the id of its {@code upr-reporting-round} instance. */
public record ReportingRound(String id, String name, String kind, LocalDate agencyDeadline, LocalDate reportDeadline,
        String scope, String scopeValue, String status, String openedBy, Instant openedAt) {

    public static final String OPEN = "OPEN";
    public static final String SUBMITTED = "SUBMITTED";

    /** What a recommendation asked by this round holds of it, whether asked at the opening or when it joins later. */
    public Map<String, Object> recommendationVariables() {
        return Map.of(RecommendationProcess.VAR_ROUND_ID, id, RecommendationProcess.VAR_ROUND_NAME, name,
                RecommendationProcess.VAR_AGENCY_DEADLINE, VariableShapes.date(agencyDeadline),
                RecommendationProcess.VAR_REPORT_DEADLINE, VariableShapes.date(reportDeadline));
    }
}
