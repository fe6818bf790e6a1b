package vn.gov.mofa.upr.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.TaskGroups;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;

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

    /** @param visibleAgencies the agencies whose recommendations the reader may see; null for MOFA (all) */
    public java.util.Optional<ConsolidatedReport> of(String roundId, List<String> visibleAgencies) {
        return rounds.find(roundId).map(round -> {
            Map<String, ApprovedReport> reports = approved.latestIn(roundId);
            List<ConsolidatedReport.Entry> entries = registry.followedBy(rounds.processInstances(roundId), visibleAgencies).stream()
                    .map(r -> entry(r, reports.get(r.cycle() + "/" + r.number()))).toList();
            LocalDate today = LocalDate.now(clock);
            return new ConsolidatedReport(round.name(), round.kind(), round.agencyDeadline(), round.reportDeadline(),
                    today, scope(visibleAgencies), entries);
        });
    }

    /** An agency's copy says that it holds, and counts, only that agency's part of the round. */
    private String scope(List<String> visibleAgencies) {
        return visibleAgencies == null ? null : "chỉ các khuyến nghị do " + agencies.namesOf(String.join(",", visibleAgencies))
                + " chủ trì hoặc phối hợp; các số liệu tổng hợp tính trên phạm vi này";
    }

    private ConsolidatedReport.Entry entry(Recommendation r, ApprovedReport report) {
        return new ConsolidatedReport.Entry(r.cycle(), r.number(), r.text(), r.recommendingStates(), r.taskGroup(),
                taskGroups.byCode(r.taskGroup()).map(TaskGroups.TaskGroup::nameVi).orElse(null), r.leadAgency(),
                r.leadAgency() == null ? null : agencies.namesOf(r.leadAgency()),
                r.coordinatingAgencies().stream().map(agencies::namesOf).toList(),
                report == null ? null : report.implementationStatus(), report == null ? null : report.results(),
                report == null ? null : report.figures(), report == null ? null : report.difficulties(),
                report == null ? null : report.proposals(), report == null ? null : report.approvedBy(),
                report == null ? null : LocalDate.ofInstant(report.approvedAt(), clock.getZone()));
    }
}
