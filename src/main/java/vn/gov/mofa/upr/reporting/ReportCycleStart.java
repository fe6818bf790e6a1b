package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.workflow.Deadlines;

/**
 * A round asked for a report: contributions start empty and are due before the agency deadline; the lead agency's
 * report starts at the same time, and the contributions still open close when it is approved.
 */
@Component("reportCycleStart")
class ReportCycleStart implements JavaDelegate {

    private final Deadlines deadlines;

    public ReportCycleStart(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_CONTRIBUTION_DUE_DATE, deadlines.contributionDueDate(execution.getVariable(VAR_AGENCY_DEADLINE)));
        execution.setVariable(VAR_CONTRIBUTIONS, "[]");
        execution.setVariable(VAR_CONTRIBUTIONS_SUMMARY, "");
        execution.setVariable(VAR_REVIEW_COMMENT, null);
        execution.setVariable(VAR_ROUND_REPORT_APPROVED, false);
    }
}
