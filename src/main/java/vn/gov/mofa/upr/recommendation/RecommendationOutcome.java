package vn.gov.mofa.upr.recommendation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** How a recommendation's follow-up ended, kept in the registry after its instance is gone. */
@Component("recommendationOutcome")
public class RecommendationOutcome implements JavaDelegate {

    public static final String IMPLEMENTED = "FULLY_IMPLEMENTED";
    public static final String CYCLE_CLOSED = "CYCLE_CLOSED";

    private final RecommendationRegistry registry;

    public RecommendationOutcome(RecommendationRegistry registry) {
        this.registry = registry;
    }

    public void implemented(DelegateExecution execution) {
        registry.recordFinalStatus(execution.getProcessInstanceId(), IMPLEMENTED);
    }

    /** [RecordCycleClosed]: the cycle ended first; the last approved status stays as it was. */
    @Override
    public void execute(DelegateExecution execution) {
        registry.recordFinalStatus(execution.getProcessInstanceId(), CYCLE_CLOSED);
    }
}
