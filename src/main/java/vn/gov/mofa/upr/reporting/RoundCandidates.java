package vn.gov.mofa.upr.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess.TargetScope;

/**
 * Which recommendations of a round's scope it can ask, and why the others are left out, from where their instances
 * of {@code upr-recommendation} stand. The same answer serves the preview MOFA confirms and the opening itself.
 */
@Service
public class RoundCandidates {

    /** The recommendations of a scope, sorted by what a round can do with them. */
    public record Survey(List<Recommendation> requestable, List<Recommendation> planOpen, int noAgencies, int closed,
            int inOtherRound) {

        /** {@code includeOpenPlans}: the open plans are recorded with the round instead of being left out. */
        public RoundCoverage coverage(boolean includeOpenPlans) {
            return new RoundCoverage(includeOpenPlans, requestable.size(), includeOpenPlans ? planOpen.size() : 0, noAgencies,
                    includeOpenPlans ? 0 : planOpen.size(), closed, inOtherRound);
        }
    }

    private final RuntimeService runtime;
    private final RecommendationRegistry registry;

    public RoundCandidates(RuntimeService runtime, RecommendationRegistry registry) {
        this.runtime = runtime;
        this.registry = registry;
    }

    /** @param scopeValue the task group or the lead agency; ignored for {@link TargetScope#ALL} */
    public Survey survey(TargetScope scope, String scopeValue) {
        List<Recommendation> inScope = registry.tracked(scope == TargetScope.TASK_GROUP ? scopeValue : null,
                scope == TargetScope.AGENCY ? scopeValue : null);
        Set<String> waiting = at(RecommendationProcess.WAIT_FOR_REPORT_REQUEST);
        Set<String> planning = at(RecommendationProcess.PREPARE_PLAN, RecommendationProcess.REVIEW_PLAN);
        // the start is asynchronous: an instance still at its start event has not reached the assignment yet
        Set<String> assigning = at(RecommendationProcess.TRACKED, RecommendationProcess.ASSIGN_AGENCIES);
        Set<String> running = running(inScope.stream().map(Recommendation::processInstanceId).toList());
        List<Recommendation> requestable = new ArrayList<>();
        List<Recommendation> planOpen = new ArrayList<>();
        int noAgencies = 0;
        int closed = 0;
        int inOtherRound = 0;
        // in this order: an instance waiting for a round may also hold a follow-up task, a plan may be escalated
        for (Recommendation r : inScope) {
            String instance = r.processInstanceId();
            if (waiting.contains(instance)) {
                requestable.add(r);
            } else if (planning.contains(instance)) {
                planOpen.add(r);
            } else if (assigning.contains(instance)) {
                noAgencies++;
            } else if (!running.contains(instance)) {
                closed++;
            } else {
                inOtherRound++;
            }
        }
        return new Survey(requestable, planOpen, noAgencies, closed, inOtherRound);
    }

    private Set<String> at(String... activities) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(RecommendationProcess.KEY).activityIdIn(activities)
                .list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    private Set<String> running(Collection<String> instances) {
        if (instances.isEmpty()) {
            return Set.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(instances)).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
    }
}
