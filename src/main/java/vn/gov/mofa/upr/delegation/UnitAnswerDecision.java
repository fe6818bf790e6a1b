package vn.gov.mofa.upr.delegation;

import static vn.gov.mofa.upr.workflow.UnitDelegationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * [AcceptUnitAnswer]: the focal point takes a unit's answer or returns it; a return needs a comment, which the unit
 * reads in its next task. Both stay local to the unit's branch, so units never see each other's.
 */
@Component("unitAnswerDecision")
class UnitAnswerDecision implements TaskListener {

    private final UnitDelegations delegations;

    UnitAnswerDecision(UnitDelegations delegations) {
        this.delegations = delegations;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(VAR_UNIT_ANSWER_ACCEPTED);
        if (decision == null || decision.toString().isBlank()) {
            throw new IllegalArgumentException("Cần chọn Tiếp nhận hoặc Trả lại đơn vị");
        }
        boolean accepted = Boolean.parseBoolean(decision.toString());
        Object comment = task.getVariable(VAR_UNIT_RETURN_COMMENT);
        if (!accepted && (comment == null || comment.toString().isBlank())) {
            throw new IllegalArgumentException("Khi trả lại, cần ghi ý kiến để đơn vị bổ sung");
        }
        task.getExecution().setVariable(VAR_UNIT_ANSWER_ACCEPTED, accepted);
        if (!accepted) {
            delegations.returned(task.getProcessInstanceId(), (String) task.getVariable(VAR_UNIT));
        }
    }
}
