package vn.gov.mofa.upr.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * Real reports are long: every text an agency writes may hold {@link #LENGTH} characters of Vietnamese, and the
 * two coordinating agencies' contributions, collected into one variable, grow to six times that. They travel
 * through the forms' REST calls, the process, its history, the application's tables and the consolidated DOCX and
 * XLSX, unshortened. Run on H2 ({@code LongTextsTest}) and PostgreSQL ({@code LongTextsPostgresIT}).
 */
abstract class LongTexts {

    static final int LENGTH = 20_000;
    static final int CYCLE = 67;

    @Autowired RecommendationImport imports;
    @Autowired RecommendationRegistry registry;
    @Autowired ReportingRounds rounds;
    @Autowired ApprovedReports approved;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @Test
    void aReportOfTwentyThousandCharactersPerFieldReachesTheConsolidatedReportWhole() throws Exception {
        ProcessInstance pi = new Recommendations(imports, runtime, management)
                .track(CYCLE, "LT.1", "Bảo đảm quyền của người khuyết tật", "mps", "moj, moh", "3", "31/12/2030");
        String plan = text("Kế hoạch");
        complete(only(pi, RecommendationProcess.PREPARE_PLAN), "mps.focal", Map.of("planActions", plan,
                "focalPointName", "Nguyễn Văn An", "focalPointEmail", "an@bca.gov.vn", "planDeadline", "31/12/2030",
                "expectedOutput", text("Sản phẩm")));
        tasks.complete(only(pi, RecommendationProcess.REVIEW_PLAN).getId(), Map.of("approved", "true"));

        String round = "long-texts-" + pi.getId();
        rounds.open(new ReportingRound(round, "Báo cáo dài", "AD_HOC", LocalDate.of(2030, 6, 1), LocalDate.of(2030, 6, 30),
                "AGENCY", "mps", ReportingRound.OPEN, "mofa.focal", Instant.now()),
                List.of(registry.find(CYCLE, "LT.1").orElseThrow()));
        runtime.createMessageCorrelation(RecommendationProcess.MESSAGE_REPORT_REQUESTED).processInstanceId(pi.getId())
                .setVariables(Map.of(RecommendationProcess.VAR_ROUND_ID, round, RecommendationProcess.VAR_ROUND_NAME,
                        "Báo cáo dài", RecommendationProcess.VAR_AGENCY_DEADLINE, "2030-06-01",
                        RecommendationProcess.VAR_REPORT_DEADLINE, "2030-06-30"))
                .correlate();
        for (String agency : List.of("moj", "moh")) {
            Task contribution = tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(agency).singleResult();
            complete(contribution, agency + ".focal", Map.of("contributionResults", text("Kết quả " + agency),
                    "contributionFigures", text("Số liệu " + agency), "contributionDifficulties", text("Khó khăn " + agency)));
        }
        Map<String, String> report = new LinkedHashMap<>();
        report.put("implementationStatus", "IN_PROGRESS");
        for (String field : List.of("reportResults", "reportFigures", "reportDifficulties", "reportProposals")) {
            report.put(field, text(field));
        }
        complete(only(pi, RecommendationProcess.PREPARE_REPORT), "mps.focal", report);
        tasks.complete(only(pi, RecommendationProcess.REVIEW_REPORT).getId(), Map.of("approved", "true"));

        assertThat(approved.of(CYCLE, "LT.1")).singleElement().satisfies(r -> {
            assertThat(r.results()).isEqualTo(report.get("reportResults"));
            assertThat(r.proposals()).isEqualTo(report.get("reportProposals"));
            assertThat(r.contributions()).hasSizeGreaterThan(6 * LENGTH)
                    .contains(text("Kết quả moj"), text("Khó khăn moh"));
        });
        assertThat(historic(pi, "planActions")).as("kept in history").isEqualTo(plan);
        assertThat(historic(pi, "reportResults")).isEqualTo(report.get("reportResults"));
        assertThat(historic(pi, RecommendationProcess.VAR_CONTRIBUTIONS_SUMMARY)).contains(text("Số liệu moj"));

        byte[] docx = http.withBasicAuth("mofa.focal", "demo").getForObject("/api/reporting-rounds/" + round + "/report.docx",
                byte[].class);
        try (var document = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(document.getText()).contains(report.get("reportResults"), report.get("reportDifficulties"));
        }
        byte[] xlsx = http.withBasicAuth("mofa.focal", "demo").getForObject("/api/reporting-rounds/" + round + "/report.xlsx",
                byte[].class);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = workbook.getSheet(ConsolidatedReportWorkbook.SHEET_RECOMMENDATIONS).getRow(1);
            List<String> cells = new java.util.ArrayList<>();
            row.forEach(cell -> cells.add(cell.toString()));
            assertThat(cells).as("a cell holds 32,767 characters: the whole text").contains(report.get("reportResults"));
        }
    }

    /** What the form sends when the user presses "Hoàn thành": every field as a String. */
    private void complete(Task task, String user, Map<String, String> fields) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> completed = http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId()
                + "/complete", new HttpEntity<>(json.writeValueAsString(Map.of("variables", variables)), headers), String.class);
        assertThat(completed.getStatusCode().value()).as("%s completes %s: %s", user, task.getTaskDefinitionKey(),
                completed.getBody()).isEqualTo(204);
    }

    private Task only(ProcessInstance pi, String step) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult();
    }

    private String historic(ProcessInstance pi, String name) {
        return (String) history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
                .singleResult().getValue();
    }

    /**
     * {@link #LENGTH} characters of Vietnamese words in an order drawn from {@code label}, so that each field's text
     * is its own (and does not compress like a zip bomb, which the test's reading of the XLSX would refuse).
     */
    static String text(String label) {
        String[] words = ("Bộ đã tổ chức tập huấn về quyền con người cho cán bộ công chức ở các tỉnh miền núi phía Bắc, "
                + "ban hành văn bản hướng dẫn thi hành luật, kiểm tra giám sát việc thực hiện và bảo đảm kinh phí.").split(" ");
        var random = new java.util.Random(label.hashCode());
        var text = new StringBuilder(label).append(':');
        while (text.length() < LENGTH) {
            text.append(' ').append(words[random.nextInt(words.length)]);
        }
        return text.substring(0, LENGTH - 1) + "."; // forms strip the spaces at the ends
    }
}
