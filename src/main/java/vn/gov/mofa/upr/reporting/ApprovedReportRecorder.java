package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.recommendation.RecommendationRegistry;

/**
 * [RecordApprovedReport]: keeps the approved report in the application's tables for compiling, and closes the round's
 * contributions still open ([ReportApprovedFirst]).
 */
@Component("approvedReportRecorder")
class ApprovedReportRecorder implements JavaDelegate {

    private final ApprovedReports reports;
    private final RecommendationRegistry registry;
    private final Clock clock;

    public ApprovedReportRecorder(ApprovedReports reports, RecommendationRegistry registry, Clock clock) {
        this.reports = reports;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String status = string(execution, VAR_IMPLEMENTATION_STATUS);
        reports.add(new ApprovedReport((Integer) execution.getVariable(VAR_CYCLE), string(execution, VAR_NUMBER),
                string(execution, VAR_ROUND_ID), string(execution, VAR_ROUND_NAME), string(execution, VAR_LEAD_AGENCY),
                status, string(execution, VAR_REPORT_RESULTS), string(execution, VAR_REPORT_FIGURES),
                string(execution, VAR_REPORT_DIFFICULTIES), string(execution, VAR_REPORT_PROPOSALS),
                string(execution, VAR_CONTRIBUTIONS), string(execution, VAR_REVIEWED_BY), clock.instant(),
                string(execution, VAR_REPORT_SUMMARY_EN)));
        registry.recordImplementationStatus(execution.getProcessInstanceId(), status);
        execution.setVariable(VAR_ROUND_REPORT_APPROVED, true);
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
