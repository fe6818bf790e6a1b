package vn.gov.mofa.upr.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/** [RemindPlan], [RemindContribution], [RemindReport]: a reminder timer fired. */
@Component("deadlineReminder")
class DeadlineReminder implements JavaDelegate {

    private final DeadlineNotices notices;

    public DeadlineReminder(DeadlineNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.remind(execution.getProcessInstanceId(),
                RecommendationProcess.TIMED_STEP.get(execution.getCurrentActivityId()),
                Deadlines.Reminder.valueOf((String) execution.getVariable(RecommendationProcess.VAR_REMINDER)));
    }
}
