package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.ReportingRoundProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * [RefreshRoundProgress]: copies the round's counts into its variables (read from the table, so a missed or
 * repeated message never makes them wrong).
 */
@Component
public class RoundProgressRefresh implements JavaDelegate {

    private final ReportingRounds rounds;

    public RoundProgressRefresh(ReportingRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        refresh(execution);
    }

    RoundProgress refresh(DelegateExecution execution) {
        RoundProgress progress = rounds.progress(execution.getProcessInstanceId(), null);
        execution.setVariable(VAR_REQUESTED_COUNT, progress.requested());
        execution.setVariable(VAR_SUBMITTED_COUNT, progress.submitted());
        execution.setVariable(VAR_RETURNED_COUNT, progress.returned());
        execution.setVariable(VAR_APPROVED_COUNT, progress.approved());
        execution.setVariable(VAR_MISSING_COUNT, progress.missing());
        return progress;
    }
}
