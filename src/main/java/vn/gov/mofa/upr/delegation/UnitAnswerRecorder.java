package vn.gov.mofa.upr.delegation;

import static vn.gov.mofa.upr.workflow.UnitDelegationProcess.*;

import java.time.Clock;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * [RecordUnitAnswer]: an accepted answer is kept, and the agency's open step (plan, report or contribution) shows
 * every answer accepted so far in its form ({@code unitAnswers}, local to that task: a coordinating agency's
 * contribution task shows its own units only).
 */
@Component("unitAnswerRecorder")
class UnitAnswerRecorder implements JavaDelegate {

    private final UnitDelegations delegations;
    private final DelegationUnits units;
    private final TaskService tasks;
    private final HistoryService history;
    private final Clock clock;

    UnitAnswerRecorder(UnitDelegations delegations, DelegationUnits units, TaskService tasks, HistoryService history,
            Clock clock) {
        this.delegations = delegations;
        this.units = units;
        this.tasks = tasks;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String unit = (String) execution.getVariable(VAR_UNIT);
        delegations.accepted(execution.getProcessInstanceId(), unit, (String) execution.getVariable(VAR_UNIT_ANSWER),
                answeredBy(execution), clock.instant());
        String recommendation = (String) execution.getVariable(VAR_RECOMMENDATION_INSTANCE);
        String agency = (String) execution.getVariable(VAR_AGENCY);
        DelegatedPart part = DelegatedPart.valueOf((String) execution.getVariable(VAR_PART));
        Task step = tasks.createTaskQuery().processInstanceId(recommendation).taskDefinitionKey(part.step())
                .taskCandidateGroup(agency).singleResult();
        if (step != null) {
            String roundId = part == DelegatedPart.PLAN ? null : (String) execution.getVariable(RecommendationProcess.VAR_ROUND_ID);
            String answers = delegations.ofPart(recommendation, agency, part, roundId).stream()
                    .filter(UnitDelegation::accepted)
                    .map(d -> "— " + units.name(d.unitGroup()) + ": " + d.answer())
                    .collect(Collectors.joining("\n\n"));
            tasks.setVariableLocal(step.getId(), RecommendationProcess.VAR_UNIT_ANSWERS, answers);
        }
    }

    /** Who completed the unit's last answer in this branch. */
    private String answeredBy(DelegateExecution execution) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ANSWER).taskHadCandidateGroup((String) execution.getVariable(VAR_UNIT)).finished()
                .orderByHistoricTaskInstanceEndTime().desc().list().stream().findFirst()
                .map(HistoricTaskInstance::getAssignee).orElse(null);
    }
}
