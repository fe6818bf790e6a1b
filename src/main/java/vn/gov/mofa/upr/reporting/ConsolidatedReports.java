package vn.gov.mofa.upr.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.TaskGroups;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.reporting.ConsolidatedReport.Pending;
import vn.gov.mofa.upr.reporting.ReportingRounds.ReportStatus;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess.TargetScope;

/** Assembles a round's consolidated report from the registry and the reports approved in that round. */
@Service
public class ConsolidatedReports {

    private final ReportingRounds rounds;
    private final RecommendationRegistry registry;
    private final ApprovedReports approved;
    private final AgencyDirectory agencies;
    private final TaskGroups taskGroups;
    private final Clock clock;

    public ConsolidatedReports(ReportingRounds rounds, RecommendationRegistry registry, ApprovedReports approved,
            AgencyDirectory agencies, TaskGroups taskGroups, Clock clock) {
        this.rounds = rounds;
        this.registry = registry;
        this.approved = approved;
        this.agencies = agencies;
        this.taskGroups = taskGroups;
        this.clock = clock;
    }

    /**
     * The round's report as it stands now.
     *
     * @param visibleAgencies the agencies whose recommendations the reader may see; null for MOFA (all)
     */
    public Optional<ConsolidatedReport> of(String roundId, List<String> visibleAgencies, Edition edition) {
        return rounds.find(roundId).map(round -> of(round, visibleAgencies, edition));
    }

    public ConsolidatedReport of(ReportingRound round, List<String> visibleAgencies, Edition edition) {
        Map<String, ApprovedReport> reports = approved.latestIn(round.id());
        Map<String, ReportStatus> statuses = rounds.reportStatuses(round.id());
        List<Recommendation> requested = registry.followedBy(statuses.keySet(), visibleAgencies);
        List<ConsolidatedReport.Entry> entries = requested.stream()
                .map(r -> entry(r, reports.get(r.cycle() + "/" + r.number()), statuses.get(r.processInstanceId()))).toList();
        return new ConsolidatedReport(round.name(), round.kind(), round.agencyDeadline(), round.reportDeadline(), edition,
                scope(visibleAgencies), entries, notRequested(round, statuses.keySet(), visibleAgencies));
    }

    /** The still open recommendations in the round's scope that it did not ask: none had an approved plan when it opened. */
    private List<String> notRequested(ReportingRound round, Set<String> requested, List<String> visibleAgencies) {
        boolean byGroup = TargetScope.TASK_GROUP.name().equals(round.scope());
        boolean byAgency = TargetScope.AGENCY.name().equals(round.scope());
        return registry.tracked(byGroup ? round.scopeValue() : null, byAgency ? round.scopeValue() : null).stream()
                .filter(r -> r.finalStatus() == null && !requested.contains(r.processInstanceId()))
                .filter(r -> visibleAgencies == null || r.agencies().stream().anyMatch(visibleAgencies::contains))
                .sorted(Comparator.comparingInt(Recommendation::cycle)
                        .thenComparing(Recommendation::number, ConsolidatedReport::compareNumbers))
                .map(Recommendation::number).toList();
    }

    /** An agency's copy says that it holds, and counts, only that agency's part of the round. */
    private String scope(List<String> visibleAgencies) {
        return visibleAgencies == null ? null : "chỉ các khuyến nghị do " + agencies.namesOf(String.join(",", visibleAgencies))
                + " chủ trì hoặc phối hợp; các số liệu tổng hợp tính trên phạm vi này";
    }

    private ConsolidatedReport.Entry entry(Recommendation r, ApprovedReport report, ReportStatus status) {
        Pending pending = report != null ? null : status == ReportStatus.SUBMITTED ? Pending.IN_REVIEW : Pending.MISSING;
        return new ConsolidatedReport.Entry(r.cycle(), r.number(), r.text(), r.textVi(), r.recommendingStates(), r.taskGroup(),
                taskGroups.byCode(r.taskGroup()).map(TaskGroups.TaskGroup::nameVi).orElse(null), r.leadAgency(),
                r.leadAgency() == null ? null : agencies.namesOf(r.leadAgency()),
                r.coordinatingAgencies().stream().map(agencies::namesOf).toList(),
                report == null ? null : report.implementationStatus(), report == null ? null : report.results(),
                report == null ? null : report.figures(), report == null ? null : report.difficulties(),
                report == null ? null : report.proposals(), report == null ? null : report.approvedBy(),
                report == null ? null : LocalDate.ofInstant(report.approvedAt(), clock.getZone()), pending);
    }
}
