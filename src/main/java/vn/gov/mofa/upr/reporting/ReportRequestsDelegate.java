package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.ReportingRoundProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.monitoring.BusinessEvent;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * [RequestReports]: records the round and sends {@code ReportRequested} to every targeted recommendation waiting
 * for a round. The sending is a Camunda batch (one job per instance), so hundreds of instances never share one
 * transaction and a failing one becomes one incident in Cockpit instead of rolling the round back.
 */
@Component
public class ReportRequestsDelegate implements JavaDelegate {

    private final RuntimeService runtime;
    private final RecommendationRegistry registry;
    private final ReportingRounds rounds;
    private final Deadlines deadlines;
    private final Clock clock;

    public ReportRequestsDelegate(RuntimeService runtime, RecommendationRegistry registry, ReportingRounds rounds,
            Deadlines deadlines, Clock clock) {
        this.runtime = runtime;
        this.registry = registry;
        this.rounds = rounds;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object agencyDeadline = execution.getVariable(RecommendationProcess.VAR_AGENCY_DEADLINE);
        Object reportDeadline = execution.getVariable(RecommendationProcess.VAR_REPORT_DEADLINE);
        LocalDate agencyDue = deadlines.dateOf(agencyDeadline);
        LocalDate reportDue = deadlines.dateOf(reportDeadline);
        if (agencyDue.isAfter(reportDue)) {
            throw new IllegalArgumentException("Hạn các cơ quan gửi báo cáo phải trước hạn trình báo cáo tổng hợp");
        }
        TargetScope scope = TargetScope.valueOf(String.valueOf(execution.getVariable(VAR_TARGET_SCOPE)));
        String scopeValue = switch (scope) {
            case ALL -> null;
            case TASK_GROUP -> (String) execution.getVariable(VAR_TARGET_TASK_GROUP);
            case AGENCY -> (String) execution.getVariable(VAR_TARGET_AGENCY);
        };
        if (scope != TargetScope.ALL && (scopeValue == null || scopeValue.isBlank())) {
            throw new IllegalArgumentException("Cần chọn " + (scope == TargetScope.AGENCY ? "cơ quan chủ trì" : "nhóm nhiệm vụ")
                    + " cho đợt báo cáo");
        }
        List<Recommendation> targets = targets(scope, scopeValue);
        rounds.open(new ReportingRound(execution.getProcessInstanceId(), (String) execution.getVariable(VAR_ROUND_NAME),
                String.valueOf(execution.getVariable(VAR_ROUND_KIND)), agencyDue, reportDue, scope.name(), scopeValue,
                ReportingRound.OPEN, (String) execution.getVariable(VAR_OPENED_BY), clock.instant()), targets);
        BusinessEvent.ROUND_OPENED.log(execution.getProcessInstanceId(), "{} reports requested, agencies due {}, report due {}, by {}",
                targets.size(), agencyDue, reportDue, execution.getVariable(VAR_OPENED_BY));
        if (!targets.isEmpty()) {
            runtime.createMessageCorrelationAsync(RecommendationProcess.MESSAGE_REPORT_REQUESTED)
                    .processInstanceIds(targets.stream().map(Recommendation::processInstanceId).toList())
                    .setVariables(Map.of(
                            RecommendationProcess.VAR_ROUND_ID, execution.getProcessInstanceId(),
                            RecommendationProcess.VAR_ROUND_NAME, execution.getVariable(VAR_ROUND_NAME),
                            RecommendationProcess.VAR_AGENCY_DEADLINE, agencyDeadline,
                            RecommendationProcess.VAR_REPORT_DEADLINE, reportDeadline))
                    .correlateAllAsync();
        }
        execution.setVariable(RecommendationProcess.VAR_ROUND_ID, execution.getProcessInstanceId());
        execution.setVariable(VAR_REQUESTED_COUNT, targets.size());
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
