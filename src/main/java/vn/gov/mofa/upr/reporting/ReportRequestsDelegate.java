package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.ReportingRoundProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.workflow.RecommendationProcess;

/** [RequestReports]: the round opens ({@link RoundOpening}). */
@Component
public class ReportRequestsDelegate implements JavaDelegate {

    private final RoundOpening opening;

    public ReportRequestsDelegate(RoundOpening opening) {
        this.opening = opening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TargetScope scope = TargetScope.valueOf(String.valueOf(execution.getVariable(VAR_TARGET_SCOPE)));
        String scopeValue = switch (scope) {
            case ALL -> null;
            case TASK_GROUP -> (String) execution.getVariable(VAR_TARGET_TASK_GROUP);
            case AGENCY -> (String) execution.getVariable(VAR_TARGET_AGENCY);
        };
        RoundCoverage coverage = opening.open(new RoundOpening.Request(execution.getProcessInstanceId(),
                (String) execution.getVariable(VAR_ROUND_NAME), String.valueOf(execution.getVariable(VAR_ROUND_KIND)),
                execution.getVariable(RecommendationProcess.VAR_AGENCY_DEADLINE),
                execution.getVariable(RecommendationProcess.VAR_REPORT_DEADLINE), scope, scopeValue,
                Boolean.TRUE.equals(execution.getVariable(VAR_INCLUDE_OPEN_PLANS)), (String) execution.getVariable(VAR_OPENED_BY)));
        execution.setVariable(RecommendationProcess.VAR_ROUND_ID, execution.getProcessInstanceId());
        execution.setVariable(VAR_REQUESTED_COUNT, coverage.requested());
    }
}
