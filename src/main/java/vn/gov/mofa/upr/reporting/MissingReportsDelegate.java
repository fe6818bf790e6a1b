package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.ReportingRoundProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.notification.MissingReportNotices;

/**
 * [CheckMissingReports], at the agency deadline: the list of missing reports by agency for MOFA's
 * [FollowUpMissing], and a mail to each late agency's leaders.
 */
@Component
public class MissingReportsDelegate implements JavaDelegate {

    private final ReportingRounds rounds;
    private final RoundProgressRefresh progress;
    private final AgencyDirectory agencies;
    private final MissingReportNotices notices;

    public MissingReportsDelegate(ReportingRounds rounds, RoundProgressRefresh progress, AgencyDirectory agencies,
            MissingReportNotices notices) {
        this.rounds = rounds;
        this.progress = progress;
        this.agencies = agencies;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.refresh(execution);
        Map<String, List<String>> missing = rounds.missingByAgency(execution.getProcessInstanceId());
        var summary = new StringBuilder();
        missing.forEach((agency, numbers) -> summary.append(agencies.namesOf(agency)).append(" (").append(numbers.size())
                .append("): ").append(String.join(", ", numbers)).append('\n'));
        execution.setVariable(VAR_MISSING_SUMMARY, summary.toString().strip());
        String roundName = (String) execution.getVariable(VAR_ROUND_NAME);
        missing.forEach((agency, numbers) -> notices.reportsMissing(agency, roundName, numbers, execution.getProcessInstanceId()));
    }
}
