package vn.gov.mofa.upr.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.monitoring.BusinessEvent;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess.TargetScope;

/**
 * A round opens: it is recorded with the recommendations it asks, and {@code ReportRequested} goes to each of them
 * that waits for a round. Those whose plan is still open are recorded as awaiting it when MOFA included them
 * ({@code includeOpenPlans}); they join the round when their plan is approved ({@link RoundJoining}). The sending is a Camunda batch (one job per instance), so hundreds of instances never share
 * one transaction and a failing one becomes one incident in Cockpit instead of rolling the round back.
 */
@Service
public class RoundOpening {

    /** What MOFA asked for when it opened the round; deadlines as the engine holds them. */
    public record Request(String roundId, String name, String kind, Object agencyDeadline, Object reportDeadline,
            TargetScope scope, String scopeValue, boolean includeOpenPlans, String openedBy) {
    }

    private final RuntimeService runtime;
    private final RoundCandidates candidates;
    private final ReportingRounds rounds;
    private final Deadlines deadlines;
    private final Clock clock;

    public RoundOpening(RuntimeService runtime, RoundCandidates candidates, ReportingRounds rounds,
            Deadlines deadlines, Clock clock) {
        this.runtime = runtime;
        this.candidates = candidates;
        this.rounds = rounds;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** @return what the round covers: how many recommendations were asked for their report, and the others */
    public RoundCoverage open(Request request) {
        LocalDate agencyDue = deadlines.dateOf(request.agencyDeadline());
        LocalDate reportDue = deadlines.dateOf(request.reportDeadline());
        if (agencyDue.isAfter(reportDue)) {
            throw new IllegalArgumentException("Hạn các cơ quan gửi báo cáo phải trước hạn trình báo cáo tổng hợp");
        }
        if (request.scope() != TargetScope.ALL && (request.scopeValue() == null || request.scopeValue().isBlank())) {
            throw new IllegalArgumentException("Cần chọn " + (request.scope() == TargetScope.AGENCY ? "cơ quan chủ trì"
                    : "nhóm nhiệm vụ") + " cho đợt báo cáo");
        }
        RoundCandidates.Survey survey = candidates.survey(request.scope(), request.scopeValue());
        List<Recommendation> targets = survey.requestable();
        RoundCoverage coverage = survey.coverage(request.includeOpenPlans());
        ReportingRound round = new ReportingRound(request.roundId(), request.name(), request.kind(), agencyDue, reportDue,
                request.scope().name(), request.scopeValue(), ReportingRound.OPEN, request.openedBy(), clock.instant());
        rounds.open(round, targets, request.includeOpenPlans() ? survey.planOpen() : List.of(), coverage);
        BusinessEvent.ROUND_OPENED.log(request.roundId(), "{} reports requested, {} awaiting their plan, {} left out, "
                + "agencies due {}, report due {}, by {}", targets.size(), coverage.awaitingPlan(), coverage.leftOut(),
                agencyDue, reportDue, request.openedBy());
        if (!targets.isEmpty()) {
            runtime.createMessageCorrelationAsync(RecommendationProcess.MESSAGE_REPORT_REQUESTED)
                    .processInstanceIds(targets.stream().map(Recommendation::processInstanceId).toList())
                    .setVariables(round.recommendationVariables())
                    .correlateAllAsync();
        }
        return coverage;
    }
}
