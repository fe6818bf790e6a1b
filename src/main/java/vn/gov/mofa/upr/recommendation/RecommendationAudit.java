package vn.gov.mofa.upr.recommendation;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * Who decided what on a recommendation, from Camunda's history: each assignment, plan review and report review
 * with the user who completed it (user operation log), when, and the decision with MOFA's comment.
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
        HistoricVariableInstance decision = history.createHistoricVariableInstanceQuery().taskIdIn(task.getId())
                .variableName(VAR_DECISION).singleResult();
        String user = history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(id -> id != null).findFirst().orElse(task.getAssignee());
        return new Decision(task.getEndTime().toInstant(), task.getName(), user,
                decision == null ? null : String.valueOf(decision.getValue()));
    }
}
