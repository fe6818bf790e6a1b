package vn.gov.mofa.upr.recommendation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * [RecordImplemented], [RecordCycleClosed]: how a recommendation's follow-up ended, kept in the registry after its
 * instance is gone. The task names the outcome in its input {@value #OUTCOME}.
 */
@Component
public class RecommendationOutcome implements JavaDelegate {

    public static final String IMPLEMENTED = "FULLY_IMPLEMENTED";
    public static final String CYCLE_CLOSED = "CYCLE_CLOSED";
    static final String OUTCOME = "outcome";

    private final RecommendationRegistry registry;

    public RecommendationOutcome(RecommendationRegistry registry) {
        this.registry = registry;
    }

    /** Version 1's [RecordCycleClosed] has no input: the cycle ended first, the last approved status stays. */
    @Override
    public void execute(DelegateExecution execution) {
        Object outcome = execution.getVariableLocal(OUTCOME);
        registry.recordFinalStatus(execution.getProcessInstanceId(), outcome == null ? CYCLE_CLOSED : outcome.toString());
    }

    /** Version 1 only: the listener of its end event [RecommendationImplemented]. */
    public void implemented(DelegateExecution execution) {
        registry.recordFinalStatus(execution.getProcessInstanceId(), IMPLEMENTED);
    }
}
