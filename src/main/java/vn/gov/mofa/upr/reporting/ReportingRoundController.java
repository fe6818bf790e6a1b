package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.ReportingRoundProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/** {@code /api/reporting-rounds}: MOFA opens a round without Tasklist; everyone sees the open rounds' progress. */
@RestController
public class ReportingRoundController {

    /**
     * What MOFA sends to open a round; {@code scope} ALL (default), TASK_GROUP with {@code taskGroup}, AGENCY with
     * {@code agency}; {@code includeOpenPlans} true: the recommendations whose plan is still open join once it is approved.
     */
    public record RoundRequest(String name, String kind, String agencyDeadline, String reportDeadline, String scope,
            String taskGroup, String agency, Boolean includeOpenPlans) {
    }

    /** What a round of that scope would cover if opened now, and the same in sentences with the question to confirm. */
    public record Preview(RoundCoverage coverage, List<String> sentences, String question) {
    }

    public record OpenedRound(String id, String name, int requestedCount) {
    }

    /**
     * A round with its progress and, for MOFA, its kept editions (agencies get none: they hold every agency's work), what
     * it covered when it opened (null for rounds opened before that was recorded) and how many recommendations it still
     * waits on to approve their plan.
     */
    public record RoundRecord(ReportingRound round, RoundProgress progress, List<StoredEdition> editions,
            RoundCoverage coverage, int awaitingPlan) {
    }

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ReportingRounds rounds;
    private final ConsolidatedReportEditions reports;
    private final ReportEditions editions;
    private final ImplementationMatrices matrices;
    private final RoundCandidates candidates;
    private final CoverageSentences sentences;
    private final MessageSource messages;

    public ReportingRoundController(RuntimeService runtime, HistoryService history, ReportingRounds rounds,
            ConsolidatedReportEditions reports, ReportEditions editions, ImplementationMatrices matrices,
            RoundCandidates candidates, CoverageSentences sentences, MessageSource messages) {
        this.runtime = runtime;
        this.history = history;
        this.rounds = rounds;
        this.reports = reports;
        this.editions = editions;
        this.matrices = matrices;
        this.candidates = candidates;
        this.sentences = sentences;
        this.messages = messages;
    }

    /**
     * What a round would cover if MOFA opened it now with this scope (the start form's fields): how many
     * recommendations are asked, and why the others are not. MOFA officers only: it counts every agency's work.
     */
    @GetMapping("/api/reporting-rounds/preview")
    public Preview preview(@RequestParam(required = false) String scope, @RequestParam(required = false) String taskGroup,
            @RequestParam(required = false) String agency, @RequestParam(defaultValue = "false") boolean includeOpenPlans,
            HttpServletRequest http) {
        CurrentUser.mofaOfficer(http, "Chỉ Bộ Ngoại giao mở đợt báo cáo và xem trước phạm vi của đợt");
        TargetScope target = scope == null || scope.isBlank() ? TargetScope.ALL : parse(TargetScope.class, scope, "scope");
        String value = switch (target) {
            case ALL -> null;
            case TASK_GROUP -> required(taskGroup, "taskGroup");
            case AGENCY -> required(agency, "agency");
        };
        RoundCoverage coverage = candidates.survey(target, value).coverage(includeOpenPlans);
        Locale locale = LocaleContextHolder.getLocale();
        return new Preview(coverage, sentences.of(coverage, locale),
                messages.getMessage("round.coverage.question", null, locale));
    }

    /**
     * The consolidated report as a Word document: for MOFA the approved edition once there is one, else a draft; an
     * agency's user gets an extract of its own recommendations only.
     */
    @GetMapping("/api/reporting-rounds/{id}/report.docx")
    public ResponseEntity<byte[]> docx(@PathVariable String id, HttpServletRequest http) {
        return report(id, ReportFormat.DOCX, http);
    }

    @GetMapping("/api/reporting-rounds/{id}/report.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable String id, HttpServletRequest http) {
        return report(id, ReportFormat.XLSX, http);
    }

    /** A kept edition (approved or returned) as stored at the leader's decision: MOFA and administrators only. */
    @GetMapping("/api/report-editions/{id}/report.docx")
    public ResponseEntity<byte[]> editionDocx(@PathVariable long id, HttpServletRequest http) {
        return edition(id, ReportFormat.DOCX, http);
    }

    @GetMapping("/api/report-editions/{id}/report.xlsx")
    public ResponseEntity<byte[]> editionXlsx(@PathVariable long id, HttpServletRequest http) {
        return edition(id, ReportFormat.XLSX, http);
    }

    /** The implementation matrix in English (OHCHR's layout) of one round; an agency's user gets its own rows. */
    @GetMapping("/api/reporting-rounds/{id}/matrix.docx")
    public ResponseEntity<byte[]> roundMatrixDocx(@PathVariable String id, HttpServletRequest http) {
        return download(matrices.ofRound(id, CurrentUser.of(http).visibleAgencies(), ReportFormat.DOCX).orElseThrow(() -> noRound(id)));
    }

    @GetMapping("/api/reporting-rounds/{id}/matrix.xlsx")
    public ResponseEntity<byte[]> roundMatrixXlsx(@PathVariable String id, HttpServletRequest http) {
        return download(matrices.ofRound(id, CurrentUser.of(http).visibleAgencies(), ReportFormat.XLSX).orElseThrow(() -> noRound(id)));
    }

    /** The implementation matrix in English of a whole cycle: every recommendation of it the reader may see. */
    @GetMapping("/api/cycles/{cycle}/matrix.docx")
    public ResponseEntity<byte[]> cycleMatrixDocx(@PathVariable int cycle, HttpServletRequest http) {
        return download(matrices.ofCycle(cycle, CurrentUser.of(http).visibleAgencies(), ReportFormat.DOCX));
    }

    @GetMapping("/api/cycles/{cycle}/matrix.xlsx")
    public ResponseEntity<byte[]> cycleMatrixXlsx(@PathVariable int cycle, HttpServletRequest http) {
        return download(matrices.ofCycle(cycle, CurrentUser.of(http).visibleAgencies(), ReportFormat.XLSX));
    }

    /** Every round, open or closed, newest first; progress over the reader's agencies; editions for MOFA only. */
    @GetMapping("/api/reporting-rounds/all")
    public List<RoundRecord> all(HttpServletRequest http) {
        return records(CurrentUser.of(http));
    }

    public List<RoundRecord> records(CurrentUser user) {
        return rounds.allWithProgress(user.visibleAgencies()).stream()
                .map(state -> new RoundRecord(state.round(), state.progress(),
                        user.seesEverything() ? editions.of(state.round().id()) : List.of(),
                        rounds.coverage(state.round().id()).orElse(null), rounds.awaitingPlan(state.round().id())))
                .toList();
    }

    private ResponseEntity<byte[]> report(String id, ReportFormat format, HttpServletRequest http) {
        return download(reports.current(id, CurrentUser.of(http).visibleAgencies(), format).orElseThrow(() -> noRound(id)));
    }

    private ResponseEntity<byte[]> edition(long id, ReportFormat format, HttpServletRequest http) {
        if (!CurrentUser.of(http).seesEverything()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Chỉ Bộ Ngoại giao tải các bản báo cáo tổng hợp đã lưu; cơ quan tải bản trích của mình tại đợt báo cáo");
        }
        StoredEdition edition = editions.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có bản báo cáo số " + id));
        return download(reports.stored(edition, format));
    }

    private static ResponseStatusException noRound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có đợt báo cáo " + id);
    }

    private static ResponseEntity<byte[]> download(ReportDownload file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ReportFileNames.contentDisposition(file.fileName()))
                .body(file.content());
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
        variables.put(VAR_INCLUDE_OPEN_PLANS, Boolean.TRUE.equals(request.includeOpenPlans()));
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
