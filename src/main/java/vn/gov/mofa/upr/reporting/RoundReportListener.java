package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.reporting.ReportingRounds.ReportStatus;

/**
 * Keeps the round's record of this recommendation's report current (submitted, returned, approved) in the same
 * transaction, and afterwards tells the round process ({@link RoundNews}).
 */
@Component
public class RoundReportListener implements TaskListener {

    private final ReportingRounds rounds;
    private final RoundNews news;

    public RoundReportListener(ReportingRounds rounds, RoundNews news) {
        this.rounds = rounds;
        this.news = news;
    }

    @Override
    public void notify(DelegateTask task) {
        String roundId = (String) task.getVariable(VAR_ROUND_ID);
        if (roundId == null) {
            return;
        }
        ReportStatus status = PREPARE_REPORT.equals(task.getTaskDefinitionKey()) ? ReportStatus.SUBMITTED
                : Boolean.TRUE.equals(task.getVariable(VAR_APPROVED)) ? ReportStatus.APPROVED : ReportStatus.RETURNED;
        rounds.mark(roundId, task.getProcessInstanceId(), status);
        news.afterCommit(roundId);
    }
}
