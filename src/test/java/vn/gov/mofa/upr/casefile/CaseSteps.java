package vn.gov.mofa.upr.casefile;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Test fixture: moves a recommendation of one cycle along as its people would in Tasklist (the user claims the task and
 * completes it logged in), and asks it for a report as a reporting round does, so a case page has a story to tell.
 */
public record CaseSteps(int cycle, TaskService tasks, RuntimeService runtime, ManagementService management,
        IdentityService identity) {

    public Task openTask(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey(cycle, number)).list().get(0);
    }

    /** The user (e.g. {@code mps.focal}, in the group before the dot) claims the open task and completes it. */
    public void work(String number, String user, Map<String, Object> variables) {
        Task task = openTask(number);
        tasks.claim(task.getId(), user);
        identity.setAuthentication(user, List.of(user.substring(0, user.indexOf('.'))));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        executeJobs(number);
    }

    public void review(String number, boolean approved, String comment) {
        var variables = new HashMap<String, Object>(Map.of(VAR_APPROVED, String.valueOf(approved)));
        if (comment != null) {
            variables.put(VAR_REVIEW_COMMENT, comment);
        }
        work(number, "mofa.focal", variables);
    }

    /** What a round does for each recommendation it asks a report of. */
    public void requestReport(String number, String roundId, String roundName) {
        runtime.createMessageCorrelation(MESSAGE_REPORT_REQUESTED).processInstanceBusinessKey(businessKey(cycle, number))
                .setVariables(Map.of(VAR_ROUND_ID, roundId, VAR_ROUND_NAME, roundName,
                        VAR_AGENCY_DEADLINE, "2030-09-30", VAR_REPORT_DEADLINE, "2030-10-31"))
                .correlate();
        executeJobs(number);
    }

    /** The instance's due jobs (the job executor is off in tests), a few passes for the jobs they create. */
    public void executeJobs(String number) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(cycle, number))
                .singleResult().getId();
        for (int pass = 0; pass < 5; pass++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance).executable().list();
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
