package vn.gov.mofa.upr.delegation;

import static vn.gov.mofa.upr.workflow.UnitDelegationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The agency sent its plan, report or contribution: what its units still have open for that part closes (their
 * tasks disappear; the rows say CLOSED). A late unit never holds the agency back.
 */
@Component("delegationClosing")
class DelegationClosing implements TaskListener {

    private final UnitDelegations delegations;

    DelegationClosing(UnitDelegations delegations) {
        this.delegations = delegations;
    }

    @Override
    public void notify(DelegateTask task) {
        String agency = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse(null);
        if (agency == null) {
            return;
        }
        DelegatedPart part = DelegatedPart.ofStep(task.getTaskDefinitionKey());
        var runtime = task.getProcessEngineServices().getRuntimeService();
        runtime.createMessageCorrelation(MESSAGE_AGENCY_PART_SENT)
                .processInstanceVariableEquals(VAR_RECOMMENDATION_INSTANCE, task.getProcessInstanceId())
                .processInstanceVariableEquals(VAR_AGENCY, agency)
                .processInstanceVariableEquals(VAR_PART, part.name())
                .correlateAllWithResult();
        delegations.closeOpen(task.getProcessInstanceId(), agency, part);
    }
}
