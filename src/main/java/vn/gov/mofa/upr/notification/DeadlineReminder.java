package vn.gov.mofa.upr.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * [RemindPlan], [RemindContribution], [RemindReport] and their second reminders (…Again): a reminder timer fired; the
 * task says which reminder it is in its input {@code reminder} (version 1 set it in a listener of the timer).
 */
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
