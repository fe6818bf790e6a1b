package vn.gov.mofa.upr.recommendation;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.monitoring.BusinessEvent;

/**
 * MOFA's review of a plan or report: decision and comment start empty (the agency has read the last comment
 * by now), a return needs a comment, and who decided and what they reviewed (the plan or report as it was) are kept
 * for the record: the case page shows every returned version with MOFA's comment.
 */
@Component
class ReviewDecisionListener implements TaskListener {

    private final ObjectMapper json;

    ReviewDecisionListener(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().setVariable(VAR_APPROVED, null);
            task.getExecution().setVariable(VAR_REVIEW_COMMENT, null);
            return;
        }
        Object decision = task.getVariable(VAR_APPROVED);
        if (decision == null || decision.toString().isBlank()) {
            throw new IllegalArgumentException("Cần chọn Phê duyệt hoặc Trả lại");
        }
        boolean approved = Boolean.parseBoolean(decision.toString());
        Object comment = task.getVariable(VAR_REVIEW_COMMENT);
        if (!approved && (comment == null || comment.toString().isBlank())) {
            throw new IllegalArgumentException("Khi trả lại, cần ghi ý kiến của Bộ Ngoại giao để cơ quan chỉnh sửa");
        }
        task.getExecution().setVariable(VAR_APPROVED, approved);
        String reviewer = reviewer(task);
        task.getExecution().setVariable(VAR_REVIEWED_BY, reviewer);
        task.setVariableLocal(VAR_DECIDED_BY, reviewer);
        task.setVariableLocal(VAR_REVIEWED, reviewed(task));
        (approved ? BusinessEvent.APPROVED : BusinessEvent.RETURNED).log(task.getExecution().getProcessBusinessKey(),
                "{} by {}", task.getTaskDefinitionKey(), reviewer);
        task.setVariableLocal(VAR_DECISION, (approved ? "Phê duyệt" : "Trả lại") + (comment == null || comment.toString().isBlank()
                ? "" : ": " + comment.toString().strip()));
    }

    private String reviewed(DelegateTask task) {
        var values = new java.util.LinkedHashMap<String, Object>();
        for (String name : REVIEW_PLAN.equals(task.getTaskDefinitionKey()) ? PLAN_VARIABLES : REPORT_VARIABLES) {
            values.put(name, task.getVariable(name));
        }
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String reviewer(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }
}
