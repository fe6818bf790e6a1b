package vn.gov.mofa.upr.recommendation;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.monitoring.BusinessEvent;
import vn.gov.mofa.upr.workflow.Deadlines;

/** Completing [AssignAgencies]: MOFA's choice is checked, written back in canonical form and recorded. */
@Component
class AgencyAssignmentListener implements TaskListener {

    private final AgencyAssignments assignments;

    public AgencyAssignmentListener(AgencyAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public void notify(DelegateTask task) {
        AgencyAssignment assignment = assignments.validate(
                (String) task.getVariable(VAR_LEAD_AGENCY),
                AgencyDirectory.codesOf(task.getVariable(VAR_COORDINATING_AGENCIES)),
                (String) task.getVariable(VAR_TASK_GROUP),
                task.getVariable(VAR_PLAN_DUE_DATE));
        var variables = assignments.variablesOf(assignment);
        task.getExecution().setVariables(variables);
        task.setVariableLocal(VAR_DECISION, "Chủ trì: " + variables.get(VAR_LEAD_AGENCY_NAME) + "; phối hợp: "
                + variables.get(VAR_COORDINATING_AGENCY_NAMES) + "; nhóm " + assignment.taskGroup() + "; hạn kế hoạch "
                + Deadlines.format(assignment.planDueDate()));
        task.setVariableLocal(VAR_DECIDED_BY, ReviewDecisionListener.reviewer(task));
        assignments.record(task.getProcessInstanceId(), assignment);
        BusinessEvent.ASSIGNED.log(task.getExecution().getProcessBusinessKey(), "lead {}, coordinating {}, task group {}, plan due {}",
                assignment.leadAgency(), assignment.coordinatingAgencies(), assignment.taskGroup(), assignment.planDueDate());
    }
}
