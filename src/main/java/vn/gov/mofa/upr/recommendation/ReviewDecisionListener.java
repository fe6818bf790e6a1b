package vn.gov.mofa.upr.recommendation;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.monitoring.BusinessEvent;

/**
 * MOFA's review of a plan or report: decision and comment start empty (the agency has read the last comment
 * by now), a return needs a comment, and who decided
 * is kept for the record.
 */
@Component("reviewDecision")
class ReviewDecisionListener implements TaskListener {

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
        (approved ? BusinessEvent.APPROVED : BusinessEvent.RETURNED).log(task.getExecution().getProcessBusinessKey(),
                "{} by {}", task.getTaskDefinitionKey(), reviewer);
        task.setVariableLocal(VAR_DECISION, (approved ? "Phê duyệt" : "Trả lại") + (comment == null || comment.toString().isBlank()
                ? "" : ": " + comment.toString().strip()));
    }

    static String reviewer(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }
}
