package vn.gov.mofa.upr.notification;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.monitoring.BusinessEvent;

/**
 * [EscalatePlan], [EscalateContribution], [EscalateReport]: work is overdue. The facts stay on this token
 * (local variables) so that several escalations at once each open their own [FollowUpOverdue].
 */
@Component
class OverdueEscalationDelegate implements JavaDelegate {

    private final DeadlineNotices notices;

    public OverdueEscalationDelegate(DeadlineNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String step = TIMED_STEP.get(execution.getCurrentActivityId());
        OverdueEscalation escalation = notices.escalate(execution.getProcessInstanceId(), step);
        execution.setVariableLocal(VAR_OVERDUE_STEP, step);
        execution.setVariableLocal(VAR_OVERDUE_SUMMARY, escalation.summary());
        execution.setVariableLocal(VAR_FOLLOW_UP_NEEDED, escalation.followUpNeeded());
        BusinessEvent.ESCALATED.log(execution.getProcessBusinessKey(), "{} overdue, MOFA follow-up {}", step,
                escalation.followUpNeeded() ? "opened" : "not needed");
    }
}
