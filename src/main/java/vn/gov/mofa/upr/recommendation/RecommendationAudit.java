package vn.gov.mofa.upr.recommendation;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * Who decided what on a recommendation, from Camunda's history: each assignment, plan review and report review,
 * when, by whom and what, with MOFA's comment (task-local variables the listeners keep for this).
 */
@Service
public class RecommendationAudit {

    static final Set<String> AUDITED_STEPS = Set.of(ASSIGN_AGENCIES, REVIEW_PLAN, REVIEW_REPORT);

    /** One decision in the audit trail. */
    public record Decision(Instant at, String step, String user, String decision) {
    }

    private final HistoryService history;

    public RecommendationAudit(HistoryService history) {
        this.history = history;
    }

    public List<Decision> of(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).finished()
                .orderByHistoricTaskInstanceEndTime().asc().list().stream()
                .filter(task -> AUDITED_STEPS.contains(task.getTaskDefinitionKey()))
                .map(this::decision).toList();
    }

    private Decision decision(HistoricTaskInstance task) {
        var facts = new java.util.HashMap<String, Object>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().taskIdIn(task.getId()).list()) {
            facts.put(variable.getName(), variable.getValue());
        }
        Object user = facts.getOrDefault(VAR_DECIDED_BY, task.getAssignee());
        Object decision = facts.get(VAR_DECISION);
        return new Decision(task.getEndTime().toInstant(), task.getName(), user == null ? null : user.toString(),
                decision == null ? null : decision.toString());
    }
}
