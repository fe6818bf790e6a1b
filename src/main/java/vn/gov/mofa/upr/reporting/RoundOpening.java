package vn.gov.mofa.upr.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.monitoring.BusinessEvent;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess.TargetScope;

/**
 * A round opens: it is recorded with the recommendations it asks, and {@code ReportRequested} goes to each of them
 * that waits for a round. The sending is a Camunda batch (one job per instance), so hundreds of instances never share
 * one transaction and a failing one becomes one incident in Cockpit instead of rolling the round back.
 */
@Service
public class RoundOpening {

    /** What MOFA asked for when it opened the round; deadlines as the engine holds them. */
    public record Request(String roundId, String name, String kind, Object agencyDeadline, Object reportDeadline,
            TargetScope scope, String scopeValue, String openedBy) {
    }

    private final RuntimeService runtime;
    private final RecommendationRegistry registry;
    private final ReportingRounds rounds;
    private final Deadlines deadlines;
    private final Clock clock;

    public RoundOpening(RuntimeService runtime, RecommendationRegistry registry, ReportingRounds rounds,
            Deadlines deadlines, Clock clock) {
        this.runtime = runtime;
        this.registry = registry;
        this.rounds = rounds;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** @return how many recommendations were asked for their report */
    public int open(Request request) {
        LocalDate agencyDue = deadlines.dateOf(request.agencyDeadline());
        LocalDate reportDue = deadlines.dateOf(request.reportDeadline());
        if (agencyDue.isAfter(reportDue)) {
            throw new IllegalArgumentException("Hạn các cơ quan gửi báo cáo phải trước hạn trình báo cáo tổng hợp");
        }
        if (request.scope() != TargetScope.ALL && (request.scopeValue() == null || request.scopeValue().isBlank())) {
            throw new IllegalArgumentException("Cần chọn " + (request.scope() == TargetScope.AGENCY ? "cơ quan chủ trì"
                    : "nhóm nhiệm vụ") + " cho đợt báo cáo");
        }
        List<Recommendation> targets = targets(request.scope(), request.scopeValue());
        rounds.open(new ReportingRound(request.roundId(), request.name(), request.kind(), agencyDue, reportDue,
                request.scope().name(), request.scopeValue(), ReportingRound.OPEN, request.openedBy(), clock.instant()),
                targets);
        BusinessEvent.ROUND_OPENED.log(request.roundId(), "{} reports requested, agencies due {}, report due {}, by {}",
                targets.size(), agencyDue, reportDue, request.openedBy());
        if (!targets.isEmpty()) {
            runtime.createMessageCorrelationAsync(RecommendationProcess.MESSAGE_REPORT_REQUESTED)
                    .processInstanceIds(targets.stream().map(Recommendation::processInstanceId).toList())
                    .setVariables(Map.of(
                            RecommendationProcess.VAR_ROUND_ID, request.roundId(),
                            RecommendationProcess.VAR_ROUND_NAME, request.name(),
                            RecommendationProcess.VAR_AGENCY_DEADLINE, request.agencyDeadline(),
                            RecommendationProcess.VAR_REPORT_DEADLINE, request.reportDeadline()))
                    .correlateAllAsync();
        }
        return targets.size();
    }

    /** Recommendations in their implementation phase (waiting for a round), narrowed to the round's scope. */
    private List<Recommendation> targets(TargetScope scope, String scopeValue) {
        Set<String> waiting = runtime.createProcessInstanceQuery().processDefinitionKey(RecommendationProcess.KEY)
                .activityIdIn(RecommendationProcess.WAIT_FOR_REPORT_REQUEST).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
        return registry.tracked(scope == TargetScope.TASK_GROUP ? scopeValue : null, scope == TargetScope.AGENCY ? scopeValue : null)
                .stream().filter(r -> waiting.contains(r.processInstanceId())).toList();
    }
}
