package vn.gov.mofa.upr.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.notification.DeadlineNotices;

/** [RemindPlan], [RemindContribution], [RemindReport]: a reminder timer fired. */
@Component("deadlineReminder")
public class DeadlineReminder implements JavaDelegate {

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
