package vn.gov.mofa.upr.importing;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.workflow.VariableShapes;

/**
 * What [AssignAgencies] shows prefilled when a file names no lead agency: the decision table
 * {@code processes/lead-agency-suggestion.dmn} (editable by MOFA in Camunda Modeler) reads the recommendation's
 * text and themes. Whatever the file did say (a lead without a task group, say) wins over the table.
 */
@Service
public class AgencySuggestions {

    public static final String DECISION_KEY = "lead-agency-suggestion";
    public static final String VAR_SUGGESTION_REASON = "suggestionReason";

    private final DecisionService decisions;

    public AgencySuggestions(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Map<String, Object> suggest(Recommendation r) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PLAN_DUE_DATE, VariableShapes.date(r.planDueDate()));
        Map<String, Object> table = decide(r);
        String lead = r.leadAgency() != null ? r.leadAgency() : (String) table.get("leadAgency");
        List<String> coordinating = r.leadAgency() != null ? r.coordinatingAgencies()
                : AgencyDirectory.codesOf(table.get("coordinatingAgencies"));
        String taskGroup = r.taskGroup() != null ? r.taskGroup() : (String) table.get("taskGroup");
        if (lead != null) {
            variables.put(VAR_LEAD_AGENCY, lead);
            variables.put(VAR_COORDINATING_AGENCIES, VariableShapes.agencyList(coordinating));
            variables.put(VAR_SUGGESTION_REASON, r.leadAgency() != null ? "Theo tệp nhập" : (String) table.get("reason"));
        }
        if (taskGroup != null) {
            variables.put(VAR_TASK_GROUP, taskGroup);
        }
        return variables;
    }

    private Map<String, Object> decide(Recommendation r) {
        String subject = (r.text() + " " + String.join(" ", r.themes())).toLowerCase(Locale.ROOT);
        var result = decisions.evaluateDecisionByKey(DECISION_KEY).variables(Variables.putValue("subject", subject)).evaluate();
        return result.isEmpty() ? Map.of() : result.getFirstResult().getEntryMap();
    }

    /** The taglist in the form reads and writes a JSON array. */
}
