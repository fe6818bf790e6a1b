package vn.gov.mofa.upr.notification;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.VAR_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.workflow.TaskNames;

/**
 * Every new user task of a recommendation: its name carries the recommendation number (a Tasklist list is
 * readable) and, for a plan or report MOFA returned, "— trả lại" (Tasklist's filter "Bị trả lại"); the agency's
 * focal points are told. Runs inside the engine's transaction (Camunda's Spring eventing), so a rolled-back step
 * leaves neither.
 */
@Component
class TaskCreation {

    private final NewTaskNotices notices;

    public TaskCreation(NewTaskNotices notices) {
        this.notices = notices;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onCreate(DelegateTask task) {
        Object number = task.getVariable(VAR_NUMBER);
        if (number != null && task.getName() != null && !TaskNames.named(task.getName())) {
            task.setName(TaskNames.of(task.getName(), number.toString(), NewTaskNotices.returned(task)));
        }
        notices.taskCreated(task);
    }
}
