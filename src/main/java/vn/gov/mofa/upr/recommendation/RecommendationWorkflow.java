package vn.gov.mofa.upr.recommendation;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.VariableShapes;

/** Starts and updates the {@code upr-recommendation} instance of a recommendation. */
@Service
public class RecommendationWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AgencyAssignments assignments;
    private final ManagementService management;
    private final ProcessEngineConfigurationImpl engine;
    private final Deadlines deadlines;

    public RecommendationWorkflow(RuntimeService runtime, TaskService tasks, AgencyAssignments assignments,
            ManagementService management, ProcessEngineConfigurationImpl engine, Deadlines deadlines) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.assignments = assignments;
        this.management = management;
        this.engine = engine;
        this.deadlines = deadlines;
    }

    /**
     * Runs {@code work} (starts and updates of many instances) as one engine command in the caller's transaction:
     * the engine writes everything at the end in one flush, one JDBC batch per table, instead of one flush per
     * instance. Starting a cycle's 271 instances this way takes a fraction of the time (docs/benchmarks.md).
     */
    public <T> T inOneFlush(Supplier<T> work) {
        return engine.getCommandExecutorTxRequired().execute(commandContext -> work.get());
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
        return runtime.startProcessInstanceByKey(KEY, recommendation.businessKey(), variables).getId();
    }

    /** Started, but the job executor has not yet taken it on to its first task. */
    public boolean firstStepPending(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(TRACKED).count() > 0;
    }

    /**
     * A newer annex changed a running recommendation: its variables follow, and when the lead agency or the plan
     * deadline changed, the lead's open step starts again for the new lead and deadline (a fresh task, due date and
     * timers; the former lead loses the old task with its authorizations).
     */
    public void update(String processInstanceId, Recommendation recommendation, AgencyAssignment assignment) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return;
        }
        Map<String, Object> variables = new HashMap<>(describe(recommendation));
        boolean leadStepChanged = false;
        if (assignment != null) {
            Map<String, Object> assigned = assignments.variablesOf(assignment);
            leadStepChanged = !assigned.get(VAR_LEAD_AGENCY).equals(runtime.getVariable(processInstanceId, VAR_LEAD_AGENCY))
                    || !assignment.planDueDate().equals(deadlines.dateOf(runtime.getVariable(processInstanceId, VAR_PLAN_DUE_DATE)));
            variables.putAll(assigned);
            assignments.record(processInstanceId, assignment);
        }
        runtime.setVariables(processInstanceId, variables);
        if (leadStepChanged) {
            restartOpenLeadSteps(processInstanceId);
        }
    }

    private void restartOpenLeadSteps(String processInstanceId) {
        for (String step : new String[] {PREPARE_PLAN, PREPARE_REPORT}) {
            if (tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step).count() > 0) {
                runtime.createProcessInstanceModification(processInstanceId).cancelAllForActivity(step)
                        .startBeforeActivity(step).execute();
            }
        }
    }

    private static Map<String, Object> describe(Recommendation r) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CYCLE, r.cycle());
        variables.put(VAR_NUMBER, r.number());
        variables.put(VAR_NUMBER_ORDER, RecommendationNumber.orderKey(r.number()));
        variables.put(VAR_TEXT, r.textVi() == null || r.textVi().isBlank() ? r.text() : r.textVi() + "\n\n(" + r.text() + ")");
        variables.put(VAR_STATES, String.join(", ", r.recommendingStates()));
        variables.put(VAR_DUE_DATE, VariableShapes.date(r.dueDate()));
        variables.put(VAR_ANNEX_NOTE, r.annexNote());
        return variables;
    }

}
