package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.ReportingRoundProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/** {@code /api/reporting-rounds}: MOFA opens a round without Tasklist; everyone sees the open rounds' progress. */
@RestController
public class ReportingRoundController {

    /** What MOFA sends to open a round; {@code scope} ALL (default), TASK_GROUP with {@code taskGroup}, AGENCY with {@code agency}. */
    public record RoundRequest(String name, String kind, String agencyDeadline, String reportDeadline, String scope,
            String taskGroup, String agency) {
    }

    public record OpenedRound(String id, String name, int requestedCount) {
    }

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ReportingRounds rounds;
    private final ConsolidatedReports reports;
    private final ConsolidatedReportDocument document;
    private final ConsolidatedReportWorkbook workbook;

    public ReportingRoundController(RuntimeService runtime, HistoryService history, ReportingRounds rounds, ConsolidatedReports reports, ConsolidatedReportDocument document,
            ConsolidatedReportWorkbook workbook) {
        this.runtime = runtime;
        this.history = history;
        this.rounds = rounds;
        this.reports = reports;
        this.document = document;
        this.workbook = workbook;
    }

    /** The consolidated report as a Word draft; an agency's user gets its own recommendations only. */
    @GetMapping("/api/reporting-rounds/{id}/report.docx")
    public ResponseEntity<byte[]> docx(@PathVariable String id, HttpServletRequest http) {
        return download(document, report(id, http), "bao-cao-tong-hop.docx");
    }

    @GetMapping("/api/reporting-rounds/{id}/report.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable String id, HttpServletRequest http) {
        return download(workbook, report(id, http), "bang-tong-hop.xlsx");
    }

    private ConsolidatedReport report(String id, HttpServletRequest http) {
        return reports.of(id, CurrentUser.of(http).visibleAgencies())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có đợt báo cáo " + id));
    }

    private static ResponseEntity<byte[]> download(ReportFile format, ConsolidatedReport report, String filename) {
        byte[] content = format.bytesOf(report);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(content);
    }

    @PostMapping("/api/reporting-rounds")
    public OpenedRound open(@RequestBody RoundRequest request, HttpServletRequest http) {
        CurrentUser user = CurrentUser.mofaOfficer(http, "Chỉ Bộ Ngoại giao mở đợt báo cáo");
        Map<String, Object> variables = variables(request);
        variables.put(VAR_OPENED_BY, user.userId());
        String id;
        try {
            id = runtime.startProcessInstanceByKey(KEY, variables).getId();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        Object requested = history.createHistoricVariableInstanceQuery().processInstanceId(id)
                .variableName(VAR_REQUESTED_COUNT).singleResult().getValue();
        return new OpenedRound(id, request.name(), (Integer) requested);
    }

    @GetMapping("/api/reporting-rounds")
    public List<RoundState> open(HttpServletRequest http) {
        return rounds.openWithProgress(CurrentUser.of(http).visibleAgencies());
    }

    private static Map<String, Object> variables(RoundRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw badRequest("Cần tên đợt báo cáo (name)");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_ROUND_NAME, request.name().strip());
        variables.put(VAR_ROUND_KIND, parse(RoundKind.class, request.kind(), "kind").name());
        variables.put(RecommendationProcess.VAR_AGENCY_DEADLINE, date(request.agencyDeadline(), "agencyDeadline"));
        variables.put(RecommendationProcess.VAR_REPORT_DEADLINE, date(request.reportDeadline(), "reportDeadline"));
        TargetScope scope = request.scope() == null ? TargetScope.ALL : parse(TargetScope.class, request.scope(), "scope");
        variables.put(VAR_TARGET_SCOPE, scope.name());
        if (scope == TargetScope.TASK_GROUP) {
            variables.put(VAR_TARGET_TASK_GROUP, required(request.taskGroup(), "taskGroup"));
        }
        if (scope == TargetScope.AGENCY) {
            variables.put(VAR_TARGET_AGENCY, required(request.agency(), "agency"));
        }
        return variables;
    }

    private static String date(String value, String field) {
        try {
            return Deadlines.parse(required(value, field)).toString();
        } catch (IllegalArgumentException e) {
            throw badRequest(field + ": " + e.getMessage());
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, required(value, field));
        } catch (IllegalArgumentException e) {
            throw badRequest(field + " không hợp lệ: '" + value + "'");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw badRequest("Thiếu " + field);
        }
        return value.strip();
    }

    private static ResponseStatusException badRequest(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
