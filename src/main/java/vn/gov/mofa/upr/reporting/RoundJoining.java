package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.VAR_ROUND_AWAITING;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.monitoring.BusinessEvent;

/**
 * [JoinOpenRound], right after a plan is approved: if an open round recorded this recommendation as awaiting its
 * plan (MOFA opened it with {@code includeOpenPlans}), the recommendation joins it now: it gets the round's variables
 * exactly as the opening's {@code ReportRequested} sets them, the round counts it as requested, and
 * {@code roundAwaiting} is true so the process goes on to the report instead of waiting for the next round. A round
 * whose agency deadline has passed is joined all the same: the report task opens overdue and its mail says so.
 */
@Component("roundJoining")
public class RoundJoining implements JavaDelegate {

    private final ReportingRounds rounds;
    private final RoundNews news;

    public RoundJoining(ReportingRounds rounds, RoundNews news) {
        this.rounds = rounds;
        this.news = news;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<ReportingRound> round = rounds.join(execution.getProcessInstanceId());
        round.ifPresent(joined -> {
            execution.setVariables(joined.recommendationVariables());
            BusinessEvent.ROUND_JOINED.log(execution.getProcessBusinessKey(), "joined round {} once its plan was approved",
                    joined.id());
            news.afterCommit(joined.id());
        });
        execution.setVariable(VAR_ROUND_AWAITING, round.isPresent());
    }
}
