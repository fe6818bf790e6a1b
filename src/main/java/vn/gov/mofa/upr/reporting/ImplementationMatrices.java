package vn.gov.mofa.upr.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.TaskGroups;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;

/**
 * The English implementation matrix of a round (its requested recommendations, with the status approved in it) or of a
 * whole cycle (its tracked recommendations, with the last approved status), over the recommendations the reader may see.
 */
@Service
public class ImplementationMatrices {

    private final ReportingRounds rounds;
    private final RecommendationRegistry registry;
    private final ApprovedReports approved;
    private final AgencyDirectory agencies;
    private final TaskGroups taskGroups;
    private final ReportFileNames names;
    private final MatrixDocument document;
    private final MatrixWorkbook workbook;
    private final Clock clock;

    public ImplementationMatrices(ReportingRounds rounds, RecommendationRegistry registry, ApprovedReports approved,
            AgencyDirectory agencies, TaskGroups taskGroups, ReportFileNames names, MatrixDocument document,
            MatrixWorkbook workbook, Clock clock) {
        this.rounds = rounds;
        this.registry = registry;
        this.approved = approved;
        this.agencies = agencies;
        this.taskGroups = taskGroups;
        this.names = names;
        this.document = document;
        this.workbook = workbook;
        this.clock = clock;
    }

    public Optional<ReportDownload> ofRound(String roundId, List<String> visibleAgencies, ReportFormat format) {
        return rounds.find(roundId).map(round -> {
            Map<String, ApprovedReport> reports = approved.latestIn(roundId);
            List<ImplementationMatrix.Row> rows = registry.followedBy(rounds.processInstances(roundId), visibleAgencies).stream()
                    .map(r -> {
                        return row(r, reports.get(r.cycle() + "/" + r.number()));
                    }).toList();
            LocalDate today = LocalDate.now(clock);
            return download(new ImplementationMatrix("UPR implementation matrix — " + round.name(), today, rows),
                    names.matrix(round, today, format), format);
        });
    }

    public ReportDownload ofCycle(int cycle, List<String> visibleAgencies, ReportFormat format) {
        Map<String, ApprovedReport> reports = approved.latestOf(cycle);
        List<ImplementationMatrix.Row> rows = registry.tracked(null, null).stream()
                .filter(r -> r.cycle() == cycle)
                .filter(r -> visibleAgencies == null || r.agencies().stream().anyMatch(visibleAgencies::contains))
                .map(r -> row(r, reports.get(r.number()))).toList();
        LocalDate today = LocalDate.now(clock);
        return download(new ImplementationMatrix("UPR implementation matrix — cycle " + cycle, today, rows),
                ReportFileNames.cycleMatrix(cycle, today, format), format);
    }

    private ReportDownload download(ImplementationMatrix matrix, String fileName, ReportFormat format) {
        return format == ReportFormat.DOCX ? new ReportDownload(fileName, ConsolidatedReportDocument.CONTENT_TYPE, document.bytesOf(matrix))
                : new ReportDownload(fileName, ConsolidatedReportWorkbook.CONTENT_TYPE, workbook.bytesOf(matrix));
    }

    /** @param report the latest approved report, null when there is none */
    private ImplementationMatrix.Row row(Recommendation r, ApprovedReport report) {
        String status = report == null ? null : report.implementationStatus();
        String assessment = report == null || report.summaryEn() == null || report.summaryEn().isBlank()
                ? ImplementationMatrix.NO_SUMMARY : report.summaryEn().strip();
        String group = taskGroups.byCode(r.taskGroup()).map(g -> "Group " + g.code() + ": " + g.nameEn()).orElse("");
        String themes = String.join(", ", r.themes());
        String theme = group.isEmpty() ? themes : themes.isEmpty() ? group : themes + " (" + group + ")";
        String lead = r.leadAgency() == null ? "Not yet assigned"
                : agencies.byCode(r.leadAgency()).map(Agency::nameEn).orElse(r.leadAgency());
        return new ImplementationMatrix.Row(r.cycle(), r.number(), r.text(), r.recommendingStates(), theme, lead,
                ImplementationStatus.of(status), assessment);
    }
}
