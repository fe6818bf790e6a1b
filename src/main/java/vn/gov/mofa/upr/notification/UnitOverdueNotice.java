package vn.gov.mofa.upr.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.workflow.UnitDelegationProcess;

/** [EscalateToAgency]: units are past their internal deadline; their agency's focal points hear of each late one. */
@Component("unitOverdueNotice")
class UnitOverdueNotice implements JavaDelegate {

    private final DeadlineNotices notices;

    UnitOverdueNotice(DeadlineNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.escalateToAgency(execution.getProcessInstanceId(), UnitDelegationProcess.ANSWER,
                (String) execution.getVariable(UnitDelegationProcess.VAR_AGENCY));
    }
}
