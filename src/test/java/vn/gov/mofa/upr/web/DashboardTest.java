package vn.gov.mofa.upr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.casefile.CaseSteps;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.reporting.ReportingRound;
import vn.gov.mofa.upr.reporting.ReportingRounds;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * The dashboard as a director reads it: every number opens the list of exactly that many recommendations, for MOFA and
 * for an agency; one cycle or all; the late tasks with their agency, step and days late; what changed since a day;
 * closed rounds still listed with their files.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    static final int CYCLE = 88;
    /** A number on the dashboard and the list it links to (the number may sit in a {@code <strong>}). */
    static final Pattern LINKED_NUMBER = Pattern.compile("<a href=\"(/recommendations\\?[^\"]+)\"[^>]*>\\s*(?:<strong[^>]*>)?\\s*(\\d+)\\s*<");
    static final Pattern TOTAL = Pattern.compile("<strong id=\"total\">(\\d+)</strong>");

    @Autowired TestRestTemplate http;
    @Autowired RecommendationImport imports;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ReportingRounds rounds;
    @Autowired ObjectMapper json;
    @Autowired Clock clock;

    @BeforeAll
    void aCycleAtEveryStageAndOneInTheNext() {
        String csv = Recommendations.HEADER + "\n"
                + "88.1,Train police officers,Sweden,Supported,88,1,mps,,31/12/2030\n"
                + "88.2,Register every birth,France,Supported,88,2,moj,mps,31/12/2030\n"
                + "88.3,Ratify the optional protocol,Chile,Supported,88,,,,31/12/2030\n"
                + "88.4,Consider abolishing the death penalty,Peru,Noted,88,,,,\n"
                + "88.5,Expand legal aid,Peru,Supported,88,1,mps,,31/12/2030\n"
                + "89.1,Another cycle's recommendation,Peru,Supported,89,1,mps,,31/12/2030\n";
        assertThat(imports.importFile("dashboard.csv", csv.getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal").errors())
                .isEmpty();
        Recommendations.continueStarts(management);
        // 88.1: plan submitted and approved, a report on it approved (IN_PROGRESS)
        var steps = new CaseSteps(CYCLE, tasks, runtime, management, identity);
        steps.work("88.1", "mps.focal", Map.of("focalPointName", "Nguyễn Văn An", "planActions", "Tập huấn", "planDeadline", "2030-06-30"));
        steps.review("88.1", true, null);
        steps.requestReport("88.1", "dashboard-round", "Đợt thử bảng theo dõi");
        steps.work("88.1", "mps.focal", Map.of("implementationStatus", "IN_PROGRESS", "reportResults", "Đã tập huấn"));
        steps.review("88.1", true, null);
        // 88.2: the Ministry of Justice's plan is 3 days late; 88.3: MOFA's assignment 10 days late
        lateBy("88.2", 3);
        lateBy("88.3", 10);
        // a round that has closed, over none of these
        rounds.open(new ReportingRound("dashboard-closed-round", "Đợt đã kết thúc 88", "AD_HOC", LocalDate.of(2030, 3, 15),
                LocalDate.of(2030, 3, 31), "ALL", null, ReportingRound.OPEN, "mofa.focal", Instant.now(clock)), List.<Recommendation>of());
        rounds.close("dashboard-closed-round");
    }

    private void lateBy(String number, int days) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(RecommendationProcess.businessKey(CYCLE, number)).singleResult();
        task.setDueDate(Date.from(LocalDate.now(clock).minusDays(days).atTime(12, 0).atZone(clock.getZone()).toInstant()));
        tasks.saveTask(task);
    }

    @Test
    void everyNumberOpensTheListOfExactlyThatMany() {
        for (String user : List.of("mofa.focal", "mofa.lead", "mps.focal", "moj.focal")) {
            Map<String, Long> links = linkedNumbers(page(user, "/dashboard?cycle=88&since=2020-01-01"));
            assertThat(links.size()).as(user + ": links followed").isGreaterThanOrEqualTo(user.startsWith("mofa") ? 20 : 8);
            links.forEach((link, shown) -> assertThat(total(page(user, link))).as(user + " " + link).isEqualTo(shown));
        }
    }

    @Test
    void theFiguresOfOneCycle() throws Exception {
        JsonNode mofa = dashboard("mofa.focal", "cycle=88");
        assertThat(mofa.at("/tracked/count").asLong()).as("the noted one is not followed up").isEqualTo(4);
        assertThat(mofa.at("/overdue/count").asLong()).isEqualTo(2);
        assertThat(countOf(mofa.get("byStatus"), "IN_PROGRESS")).isEqualTo(1);
        assertThat(countOf(mofa.get("byStatus"), "NO_APPROVED_REPORT")).isEqualTo(3);
        JsonNode unassigned = rowOf(mofa.at("/byLeadAgency/rows"), "Chưa phân công");
        assertThat(unassigned.at("/total/count").asLong()).isEqualTo(1);
        assertThat(unassigned.at("/total/link").asText()).isEqualTo("/recommendations?cycle=88&lead=none&tracked=true");
        JsonNode mps = rowOf(mofa.at("/byLeadAgency/rows"), "Bộ Công an");
        assertThat(mps.at("/total/count").asLong()).isEqualTo(2);
        assertThat(mps.at("/cells/1/count/count").asLong()).as("in progress").isEqualTo(1);
        assertThat(mps.at("/cells/1/percent").asInt()).isEqualTo(50);
        assertThat(rowOf(mofa.at("/byTaskGroup/rows"), "Chưa phân nhóm").at("/total/count").asLong()).isEqualTo(1);

        JsonNode agency = dashboard("mps.focal", "cycle=88");
        assertThat(agency.at("/tracked/count").asLong()).as("mps leads two and coordinates one").isEqualTo(3);
        assertThat(agency.at("/byLeadAgency/rows").toString()).doesNotContain("Chưa phân công");

        JsonNode allCycles = dashboard("mofa.focal", "");
        assertThat(allCycles.at("/tracked/count").asLong()).isGreaterThan(4);
        assertThat(allCycles.at("/tracked/link").asText()).isEqualTo("/recommendations?tracked=true");
        assertThat(allCycles.get("cycles").toString()).contains("88");

        ResponseEntity<String> refused = http.withBasicAuth("mofa.focal", "demo").getForEntity("/dashboard?cycle=ba", String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("'Chu kỳ' không nhận giá trị 'ba'");
    }

    @Test
    void lateTasksNameTheAgencyTheStepAndTheDaysLate() throws Exception {
        String page = page("mofa.focal", "/dashboard?cycle=88");
        String late = page.substring(page.indexOf("id=\"late-tasks\""), page.indexOf("</table>", page.indexOf("id=\"late-tasks\"")));
        assertThat(late.replaceAll("\\s+", " ")).containsSubsequence(
                "Bộ Ngoại giao", "href=\"/recommendations/88/88.3\"", "Chờ phân công", ">10<",
                "Bộ Tư pháp", "href=\"/recommendations/88/88.2\"", "Lập kế hoạch", ">3<");
        JsonNode overdue = dashboard("mofa.focal", "cycle=88").get("overdueByAgency");
        assertThat(countOf(overdue, "moj")).isEqualTo(1);
        assertThat(countOf(overdue, "mofa")).isEqualTo(1);

        String agency = page("mps.focal", "/dashboard?cycle=88");
        assertThat(agency).as("an agency sees its own late work only").doesNotContain("/recommendations/88/88.3")
                .contains("Không có việc nào quá hạn");
        String justice = page("moj.focal", "/dashboard?cycle=88");
        assertThat(justice).contains("href=\"/recommendations/88/88.2\"").doesNotContain("88.3");
    }

    @Test
    void whatChangedSinceADay() throws Exception {
        LocalDate today = LocalDate.now(clock);
        JsonNode lastWeek = dashboard("mofa.focal", "cycle=88&since=" + today.minusDays(5)).get("changes");
        assertThat(countOf(lastWeek, "report-approved")).isEqualTo(1);
        assertThat(countOf(lastWeek, "plan-submitted")).isEqualTo(1);
        assertThat(countOf(lastWeek, "new-overdue")).as("88.2 fell due 3 days ago, 88.3 10 days ago").isEqualTo(1);
        JsonNode longAgo = dashboard("mofa.focal", "cycle=88&since=2020-01-01").get("changes");
        assertThat(countOf(longAgo, "new-overdue")).isEqualTo(2);
        JsonNode tomorrow = dashboard("mofa.focal", "cycle=88&since=" + today.plusDays(1)).get("changes");
        assertThat(tomorrow.findValues("count")).allSatisfy(n -> assertThat(n.asLong()).isZero());
        assertThat(numbers(page("mofa.focal", "/recommendations?cycle=88&change=plan-submitted&since=" + today.minusDays(5))))
                .containsExactly("88.1");
        assertThat(dashboard("mofa.focal", "cycle=88").get("since").asText()).as("a week back unless chosen")
                .isEqualTo(today.minusDays(7).toString());

        ResponseEntity<String> refused = http.withBasicAuth("mofa.focal", "demo")
                .getForEntity("/recommendations?change=plan-submitted", String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("'Thay đổi' cần kèm 'Từ ngày'");
    }

    @Test
    void closedRoundsStayListedWithTheirFiles() {
        String page = page("mofa.focal", "/dashboard");
        String closed = page.substring(page.indexOf("Đợt báo cáo đã kết thúc"));
        assertThat(closed).contains("Đợt đã kết thúc 88", "/api/reporting-rounds/dashboard-closed-round/report.docx",
                "/api/reporting-rounds/dashboard-closed-round/report.xlsx");
        assertThat(page.substring(page.indexOf("Đợt báo cáo đang mở"), page.indexOf("Đợt báo cáo đã kết thúc")))
                .doesNotContain("Đợt đã kết thúc 88");
        for (String format : List.of("docx", "xlsx")) {
            assertThat(http.withBasicAuth("mofa.focal", "demo").getForEntity(
                    "/api/reporting-rounds/dashboard-closed-round/report." + format, byte[].class).getStatusCode().value())
                    .isEqualTo(200);
        }
    }

    private String page(String user, String path) {
        ResponseEntity<String> answer = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
        return answer.getBody();
    }

    private JsonNode dashboard(String user, String query) throws Exception {
        return json.readTree(page(user, "/api/dashboard?" + query));
    }

    /** Every number the page links to a list, by its link. */
    private static Map<String, Long> linkedNumbers(String page) {
        Map<String, Long> links = new LinkedHashMap<>();
        Matcher m = LINKED_NUMBER.matcher(page);
        while (m.find()) {
            links.put(m.group(1).replace("&amp;", "&"), Long.parseLong(m.group(2)));
        }
        return links;
    }

    private static long total(String listPage) {
        Matcher m = TOTAL.matcher(listPage);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<String> numbers(String listPage) {
        List<String> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("data-number=\"([^\"]+)\"").matcher(listPage);
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }

    private static long countOf(JsonNode counts, String key) {
        for (JsonNode c : counts) {
            if (c.get("key").asText().equals(key)) {
                return c.get("count").asLong();
            }
        }
        return 0;
    }

    private static JsonNode rowOf(JsonNode rows, String label) {
        for (JsonNode row : rows) {
            if (row.at("/total/label").asText().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + rows);
    }
}
