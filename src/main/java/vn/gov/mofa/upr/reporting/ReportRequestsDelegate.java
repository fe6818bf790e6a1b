package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.ReportingRoundProcess.*;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * [RequestReports]: sends {@code ReportRequested} to every targeted recommendation waiting for a round. The
 * sending is a Camunda batch (one job per instance), so hundreds of instances never share one transaction and
 * a failing one becomes one incident in Cockpit instead of rolling the round back.
 */
@Component("reportRequests")
public class ReportRequestsDelegate implements JavaDelegate {

    private final RuntimeService runtime;
    private final RecommendationRegistry registry;

    public ReportRequestsDelegate(RuntimeService runtime, RecommendationRegistry registry) {
        this.runtime = runtime;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object agencyDeadline = execution.getVariable(RecommendationProcess.VAR_AGENCY_DEADLINE);
        Object reportDeadline = execution.getVariable(RecommendationProcess.VAR_REPORT_DEADLINE);
        if (Deadlines.parse(agencyDeadline).isAfter(Deadlines.parse(reportDeadline))) {
            throw new IllegalArgumentException("Hạn các cơ quan gửi báo cáo phải trước hạn trình báo cáo tổng hợp");
        }
        List<String> targets = targets(execution);
        if (!targets.isEmpty()) {
            runtime.createMessageCorrelationAsync(RecommendationProcess.MESSAGE_REPORT_REQUESTED)
                    .processInstanceIds(targets)
                    .setVariables(Map.of(
                            RecommendationProcess.VAR_ROUND_ID, execution.getProcessInstanceId(),
                            RecommendationProcess.VAR_ROUND_NAME, execution.getVariable(VAR_ROUND_NAME),
                            RecommendationProcess.VAR_AGENCY_DEADLINE, agencyDeadline,
                            RecommendationProcess.VAR_REPORT_DEADLINE, reportDeadline))
                    .correlateAllAsync();
        }
        execution.setVariable(VAR_REQUESTED_COUNT, targets.size());
    }

    /** Instances in their implementation phase (waiting for a round), narrowed to the round's scope. */
    private List<String> targets(DelegateExecution execution) {
        TargetScope scope = TargetScope.valueOf(String.valueOf(execution.getVariable(VAR_TARGET_SCOPE)));
        Set<String> inScope = new HashSet<>(registry.processInstanceIds(
                scope == TargetScope.TASK_GROUP ? (String) execution.getVariable(VAR_TARGET_TASK_GROUP) : null,
                scope == TargetScope.AGENCY ? (String) execution.getVariable(VAR_TARGET_AGENCY) : null));
        return runtime.createProcessInstanceQuery().processDefinitionKey(RecommendationProcess.KEY)
                .activityIdIn(RecommendationProcess.WAIT_FOR_REPORT_REQUEST).list().stream()
                .map(ProcessInstance::getId).filter(inScope::contains).toList();
    }
}
