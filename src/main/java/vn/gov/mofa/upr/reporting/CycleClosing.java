package vn.gov.mofa.upr.reporting;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * [CloseCycle]: after the national report, MOFA chose to close the cycle: every open recommendation gets
 * {@code CycleClosed} (as a Camunda batch, one job per instance) and ends with its last approved status.
 */
@Component("cycleClosing")
public class CycleClosing implements JavaDelegate {

    private final RuntimeService runtime;

    public CycleClosing(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var open = runtime.createProcessInstanceQuery().processDefinitionKey(RecommendationProcess.KEY).list().stream()
                .map(instance -> instance.getId()).toList();
        if (!open.isEmpty()) {
            runtime.createMessageCorrelationAsync(RecommendationProcess.MESSAGE_CYCLE_CLOSED).processInstanceIds(open)
                    .correlateAllAsync();
        }
    }
}
