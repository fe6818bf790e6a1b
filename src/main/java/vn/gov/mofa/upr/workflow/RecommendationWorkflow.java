package vn.gov.mofa.upr.workflow;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.recommendation.AgencyAssignment;
import vn.gov.mofa.upr.recommendation.AgencyAssignments;
import vn.gov.mofa.upr.recommendation.Recommendation;

/** Starts and updates the {@code upr-recommendation} instance of a recommendation. */
@Service
public class RecommendationWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AgencyAssignments assignments;

    public RecommendationWorkflow(RuntimeService runtime, TaskService tasks, AgencyAssignments assignments) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.assignments = assignments;
    }

    /**
     * @param assignment the agencies when the annex names them; otherwise MOFA assigns them in [AssignAgencies],
     *                   starting from {@code suggestion} (may be empty)
     */
    public String start(Recommendation recommendation, AgencyAssignment assignment, Map<String, Object> suggestion) {
        Map<String, Object> variables = new HashMap<>(describe(recommendation));
        if (assignment != null) {
            variables.putAll(assignments.variablesOf(assignment));
        } else {
            variables.putAll(suggestion);
            variables.put(VAR_ASSIGNMENT_CONFIRMED, false);
        }
        String id = runtime.startProcessInstanceByKey(KEY, recommendation.businessKey(), variables).getId();
        if (assignment != null) {
            assignments.record(id, assignment);
        }
        return id;
    }

    /**
     * A newer annex changed a running recommendation: its variables follow, and when the lead agency changed,
     * its open tasks move to the new lead (who alone can then see them).
     */
    public void update(String processInstanceId, Recommendation recommendation, AgencyAssignment assignment,
            String previousLead) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return;
        }
        Map<String, Object> variables = new HashMap<>(describe(recommendation));
        if (assignment != null) {
            variables.putAll(assignments.variablesOf(assignment));
            assignments.record(processInstanceId, assignment);
            if (previousLead != null && !previousLead.equals(assignment.leadAgency())) {
                moveOpenTasks(processInstanceId, previousLead, assignment.leadAgency());
            }
        }
        runtime.setVariables(processInstanceId, variables);
    }

    private void moveOpenTasks(String processInstanceId, String from, String to) {
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskCandidateGroup(from).list()) {
            tasks.deleteCandidateGroup(task.getId(), from);
            tasks.addCandidateGroup(task.getId(), to);
        }
    }

    private static Map<String, Object> describe(Recommendation r) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CYCLE, r.cycle());
        variables.put(VAR_NUMBER, r.number());
        variables.put(VAR_TEXT, r.textVi() == null || r.textVi().isBlank() ? r.text() : r.textVi() + "\n\n(" + r.text() + ")");
        variables.put(VAR_STATES, String.join(", ", r.recommendingStates()));
        variables.put(VAR_DUE_DATE, r.dueDate() == null ? null : Deadlines.format(r.dueDate()));
        return variables;
    }

}
