package vn.gov.mofa.upr.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The round's end: its consolidated report went to the Prime Minister. */
@Component("roundSubmitted")
public class RoundSubmitted implements ExecutionListener {

    private final ReportingRounds rounds;

    public RoundSubmitted(ReportingRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void notify(DelegateExecution execution) {
        rounds.close(execution.getProcessInstanceId());
    }
}
