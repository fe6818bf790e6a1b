package vn.gov.mofa.upr.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess;

/**
 * A national-report round from opening to the Prime Minister: reports come in (one returned then approved), the
 * agency deadline passes with reports missing, MOFA follows up, compiles the DOCX/XLSX, a MOFA leader returns and
 * then approves it, and the cycle closes.
 */
@ApplicationTest
class ReportingRoundFlowTest {

    static final int CYCLE = 77;

    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired RecommendationRegistry registry;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired org.camunda.bpm.engine.IdentityService identity;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aNationalReportRoundRunsToThePrimeMinisterAndClosesTheCycle() throws Exception {
        var fixture = new Recommendations(imports, runtime, management);
        for (String number : List.of("1", "2", "3")) {
            fixture.track(CYCLE, number, "Bảo đảm quyền của người cao tuổi " + number, "sbv", null, "4", "31/12/2030");
            complete(only(number), Map.of("planActions", "Kế hoạch " + number));
            complete(only(number), Map.of("approved", "true"));
        }

        String round = runtime.startProcessInstanceByKey(ReportingRoundProcess.KEY, Map.of("roundName", "Báo cáo quốc gia chu kỳ V",
                "roundKind", "NATIONAL_REPORT", "agencyDeadline", "15/03/2031", "reportDeadline", "31/03/2031",
                "targetScope", "AGENCY", "targetAgency", "sbv")).getId();
        executeJobsOf(null);

        // 77.1: returned once, then approved; 77.2: submitted, not yet reviewed; 77.3: nothing
        complete(only("1"), Map.of("implementationStatus", "IN_PROGRESS", "reportResults", "Đã ban hành thông tư"));
        identity.setAuthentication("mofa.focal", List.of("mofa"));
        complete(only("1"), Map.of("approved", "false", "reviewComment", "Bổ sung số liệu"));
        identity.clearAuthentication();
        complete(only("1"), Map.of("implementationStatus", "IN_PROGRESS", "reportResults", "Đã ban hành thông tư",
                "reportFigures", "12 tỉnh"));
        complete(only("1"), Map.of("approved", "true"));
        complete(only("2"), Map.of("implementationStatus", "NOT_STARTED", "reportResults", "Chưa có"));
        assertThat(runtime.getVariable(round, "approvedCount")).as("the round heard of the approval").isEqualTo(1);

        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2031-03-15T17:05:00+07:00").toInstant()));
        executeJobsOf(round);
        Task followUp = tasks.createTaskQuery().processInstanceId(round).singleResult();
        assertThat(followUp.getTaskDefinitionKey()).isEqualTo(ReportingRoundProcess.FOLLOW_UP_MISSING);
        assertThat((String) runtime.getVariable(round, "missingReportsSummary"))
                .isEqualTo("Ngân hàng Nhà nước Việt Nam (1): 3");
        assertThat(runtime.getVariable(round, "missingCount")).isEqualTo(1);
        assertThat(jdbc.queryForList("select recipient_email from outbox_mail where kind = 'missing-reports' and business_key = ?",
                String.class, round)).containsExactly("sbv.lead@upr.example.vn");

        tasks.complete(followUp.getId(), Map.of("followUpNote", "Đã gọi điện đôn đốc"));
        Task compile = tasks.createTaskQuery().processInstanceId(round).singleResult();
        assertThat(compile.getTaskDefinitionKey()).isEqualTo(ReportingRoundProcess.COMPILE_REPORT);

        byte[] docx = http.withBasicAuth("mofa.focal", "demo").getForObject("/api/reporting-rounds/" + round + "/report.docx", byte[].class);
        try (var document = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(document.getText()).contains("Báo cáo quốc gia chu kỳ V", "Khuyến nghị 1", "Đã ban hành thông tư",
                    "12 tỉnh", "Chưa có báo cáo được duyệt", "Ngân hàng Nhà nước Việt Nam", "DỰ THẢO (tạo lúc",
                    "Khuyến nghị 2 đã có báo cáo của cơ quan chủ trì, đang chờ Bộ Ngoại giao thẩm định.",
                    "Khuyến nghị 3 đã được yêu cầu báo cáo nhưng cơ quan chủ trì chưa gửi báo cáo");
            assertThat(document.getText()).as("MOFA's copy is the whole round").doesNotContain("Phạm vi:");
        }
        byte[] xlsx = http.withBasicAuth("mofa.focal", "demo").getForObject("/api/reporting-rounds/" + round + "/report.xlsx", byte[].class);
        String dashboard = http.withBasicAuth("mofa.focal", "demo").getForObject("/api/dashboard", String.class);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var rows = workbook.getSheet(ConsolidatedReportWorkbook.SHEET_RECOMMENDATIONS);
            assertThat(rows.getLastRowNum()).isEqualTo(3);
            int statusColumn = -1;
            for (var cell : rows.getRow(0)) {
                if ("Tình trạng".equals(cell.getStringCellValue())) {
                    statusColumn = cell.getColumnIndex();
                }
            }
            long withApprovedReport = 0;
            for (int r = 1; r <= rows.getLastRowNum(); r++) {
                if (!ImplementationStatus.NO_APPROVED_REPORT.label().equals(rows.getRow(r).getCell(statusColumn).getStringCellValue())) {
                    withApprovedReport++;
                }
            }
            assertThat(dashboard).as("the dashboard's round row counts what the workbook lists")
                    .contains("\"requested\":3,\"submitted\":1,\"returned\":0,\"approved\":" + withApprovedReport + "}");
        }
        assertThat(http.withBasicAuth("mps.focal", "demo").getForObject("/api/reporting-rounds/" + round + "/report.docx", byte[].class))
                .as("another agency's user gets a report without sbv's recommendations")
                .satisfies(bytes -> assertThat(new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(bytes))).getText())
                        .doesNotContain("Đã ban hành thông tư")
                        .as("and says its counts cover only its part").contains(
                                "Phạm vi: chỉ các khuyến nghị do Bộ Công an chủ trì hoặc phối hợp; các số liệu tổng hợp tính trên phạm vi này"));

        tasks.complete(compile.getId(), Map.of("compilationNote", "Kính trình", "closeCycle", true));
        Task approval = tasks.createTaskQuery().processInstanceId(round).singleResult();
        assertThat(approval.getTaskDefinitionKey()).isEqualTo(ReportingRoundProcess.APPROVE_CONSOLIDATED_REPORT);
        assertThat(tasks.createTaskQuery().taskId(approval.getId()).taskCandidateGroup("mofa-leaders").count()).isEqualTo(1);
        tasks.complete(approval.getId(), Map.of("consolidatedApproved", false, "leaderComment", "Bổ sung phần khó khăn"));
        compile = tasks.createTaskQuery().processInstanceId(round).singleResult();
        assertThat(compile.getTaskDefinitionKey()).as("returned for revision").isEqualTo(ReportingRoundProcess.COMPILE_REPORT);
        tasks.complete(compile.getId(), Map.of("compilationNote", "Đã bổ sung", "closeCycle", true));
        if (identity.createUserQuery().userId("mofa.thutruong77").count() == 0) {
            var leader = identity.newUser("mofa.thutruong77");
            leader.setFirstName("Đỗ Hùng");
            leader.setLastName("Việt");
            identity.saveUser(leader);
        }
        identity.setAuthentication("mofa.thutruong77", List.of("mofa-leaders"));
        try {
            tasks.complete(tasks.createTaskQuery().processInstanceId(round).singleResult().getId(), Map.of("consolidatedApproved", true));
        } finally {
            identity.clearAuthentication();
        }

        var approvedDocx = http.withBasicAuth("mofa.focal", "demo").getForEntity("/api/reporting-rounds/" + round + "/report.docx", byte[].class);
        assertThat(approvedDocx.getHeaders().getFirst("Content-Disposition")).as("the name says round and edition")
                .matches("attachment; filename=\"bao-cao-quoc-gia-dot-\\d+-da-duyet-\\d{4}-\\d{2}-\\d{2}\\.docx\"; "
                        + "filename\\*=UTF-8''bao-cao-quoc-gia-dot-\\d+-da-duyet-\\d{4}-\\d{2}-\\d{2}\\.docx");
        String keptSha = jdbc.queryForObject("select docx_sha256 from report_edition where round_id = ? and kind = 'APPROVED'",
                String.class, round);
        assertThat(ConsolidatedReportEditions.sha256(approvedDocx.getBody())).as("MOFA gets the kept approved edition").isEqualTo(keptSha);
        try (var document = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(approvedDocx.getBody())))) {
            assertThat(document.getText()).contains("Đỗ Hùng Việt", "Kính gửi: Thủ tướng Chính phủ")
                    .doesNotContain("mofa.thutruong77").doesNotContainIgnoringCase("dự thảo");
        }
        assertThat(jdbc.queryForObject("select leader_comment from report_edition where round_id = ? and kind = 'RETURNED'",
                String.class, round)).as("the returned draft is kept with the leader's comment").isEqualTo("Bổ sung phần khó khăn");
        String rounds = http.withBasicAuth("mofa.lead", "demo").getForObject("/api/reporting-rounds/all", String.class);
        assertThat(rounds).contains(round, "\"kind\":\"APPROVED\"", "\"decidedByName\":\"Đỗ Hùng Việt\"", "\"kind\":\"RETURNED\"");
        assertThat(http.withBasicAuth("mps.focal", "demo").getForObject("/api/reporting-rounds/all", String.class))
                .as("an agency sees the round, not the kept editions").contains(round).doesNotContain("APPROVED");
        assertThat(http.withBasicAuth("mofa.focal", "demo").getForObject("/rounds", String.class))
                .contains("Báo cáo quốc gia chu kỳ V", "Đỗ Hùng Việt", keptSha);

        // a later report approved in the round's name changes the live data, never the approved edition
        jdbc.update("insert into approved_report (cycle, number, round_id, round_name, agency, implementation_status, results, "
                + "approved_by, approved_at) values (?, '3', ?, 'x', 'sbv', 'FULLY_IMPLEMENTED', 'Báo cáo muộn', 'mofa.focal', now())",
                CYCLE, round);
        byte[] later = http.withBasicAuth("mofa.focal", "demo").getForObject("/api/reporting-rounds/" + round + "/report.docx", byte[].class);
        assertThat(ConsolidatedReportEditions.sha256(later)).isEqualTo(keptSha);
        assertThat(jdbc.queryForObject("select docx_sha256 from report_edition where round_id = ? and kind = 'APPROVED'",
                String.class, round)).isEqualTo(keptSha);

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(round).singleResult().getEndActivityId())
                .isEqualTo("SubmittedToPrimeMinister");
        executeJobsOf(null);
        for (String number : List.of("1", "2", "3")) {
            assertThat(registry.find(CYCLE, number)).get().satisfies(r -> assertThat(r.finalStatus()).isEqualTo("CYCLE_CLOSED"));
        }
        assertThat(registry.find(CYCLE, "1").get().implementationStatus()).as("the last approved status stays").isEqualTo("IN_PROGRESS");
        assertThat(jdbc.queryForObject("select status from reporting_round where id = ?", String.class, round)).isEqualTo("SUBMITTED");

        String audit = http.withBasicAuth("mofa.focal", "demo").getForObject("/api/recommendations/" + CYCLE + "/1", String.class);
        assertThat(audit).as("who decided what is on the recommendation's API")
                .contains("\"decision\":\"Trả lại: Bổ sung số liệu\"", "\"user\":\"mofa.focal\"", "Thẩm định báo cáo — KN 1",
                        "\"decision\":\"Phê duyệt\"");
    }

    private Task only(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey("UPR" + CYCLE + "-" + number).singleResult();
    }

    private void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), variables);
    }

    /** Executes due jobs (of one process instance, or all: batches have none) until none is left. */
    private void executeJobsOf(String processInstanceId) {
        for (int pass = 0; pass < 10; pass++) {
            var query = management.createJobQuery().executable();
            List<Job> due = processInstanceId == null ? query.list() : query.processInstanceId(processInstanceId).list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
