package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * A task the annex calls ongoing ("Thường xuyên") reaches MOFA and the agency as such, and the decision's own title
 * gives the cycle. Cycles 78 and 79 are this class's own.
 */
@ApplicationTest
class OngoingTasksAndTheDocumentsCycleTest {

    private static final String ONGOING = "Thời hạn theo phụ lục: Thường xuyên (nhiệm vụ thường xuyên, không có hạn hoàn thành cụ thể)";

    @Autowired
    RecommendationImport imports;
    @Autowired
    RecommendationRegistry registry;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate rest;

    @Test
    void anOngoingTaskIsToldPerRowAndKeptAsTheNoteMofaAndTheAgencySee() {
        String annex = """
                Số hiệu,Nội dung,Chu kỳ,Nhóm nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời hạn
                78.1,Tăng cường phổ biến pháp luật,78,1,Bộ Tư pháp,,Thường xuyên
                78.2,Bảo đảm quyền học tập,78,2,Bộ Tư pháp,"Bộ GD&ĐT, các bộ, ngành liên quan",Năm 2026
                """;

        ImportReport report = imports.importFile("phu-luc-78.csv", annex.getBytes(StandardCharsets.UTF_8), null, false,
                "mofa.focal");

        assertThat(report.errors()).isEmpty();
        assertThat(report.notesKept()).as("one note each").isEqualTo(2);
        assertThat(report.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.row()).isEqualTo(2);
            assertThat(notice.message()).contains("\"Thường xuyên\"", "không có hạn hoàn thành", "ghi chú của khuyến nghị");
        });
        Recommendation ongoing = registry.find(78, "78.1").orElseThrow();
        assertThat(ongoing.dueDate()).isNull();
        assertThat(ongoing.annexNote()).isEqualTo(ONGOING);
        assertThat(registry.find(78, "78.2").orElseThrow().annexNote())
                .isEqualTo("Cơ quan phối hợp theo phụ lục: các bộ, ngành liên quan");

        Recommendations.continueStarts(management);
        String instance = new Recommendations(imports, runtime, management).instanceOf(78, "78.1").getId();
        assertThat(runtime.getVariable(instance, RecommendationProcess.VAR_ANNEX_NOTE)).as("the plan task's variable")
                .isEqualTo(ONGOING);
        ResponseEntity<Map<String, Object>> seenByTheAgency = rest.withBasicAuth("moj.focal", "demo").exchange(
                "/api/recommendations/78/78.1", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(seenByTheAgency.getStatusCode().value()).isEqualTo(200);
        assertThat(seenByTheAgency.getBody().get("recommendation")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("annexNote", ONGOING);
        String casePage = rest.withBasicAuth("mofa.focal", "demo").getForObject("/recommendations/78/78.1", String.class);
        assertThat(casePage).contains("Ghi chú của phụ lục", "Thường xuyên (nhiệm vụ thường xuyên");

        assertThat(imports.importFile("phu-luc-78.csv", annex.getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal")
                .unchanged()).as("re-import changes nothing").isEqualTo(2);
    }

    @Test
    void aDatedTaskThatANewerAnnexCallsOngoingLosesItsDate() {
        imports.importFile("v1.csv", "number,text,cycle,due_date\n78.5,Text,78,31/12/2026\n".getBytes(StandardCharsets.UTF_8),
                null, false, "mofa.focal");
        assertThat(registry.find(78, "78.5").orElseThrow().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        Recommendations.continueStarts(management);

        ImportReport newer = imports.importFile("v2.csv", "number,text,cycle,due_date\n78.5,Text,78,Hằng năm\n"
                .getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal");

        assertThat(newer.errors()).isEmpty();
        assertThat(newer.updated()).isEqualTo(1);
        Recommendation now = registry.find(78, "78.5").orElseThrow();
        assertThat(now.dueDate()).isNull();
        assertThat(now.annexNote()).startsWith("Thời hạn theo phụ lục: Hằng năm");
        Recommendations.continueStarts(management);
    }

    @Test
    void theDecisionsTitleGivesTheCycleAndAnotherChosenCycleImportsNothing() throws IOException {
        byte[] docx = AnnexDocxReaderTest.decision("Kế hoạch thực hiện các khuyến nghị UPR chu kỳ 79", table ->
                AnnexDocxReaderTest.row(table, "1", "Khuyến nghị 79.1: Bảo vệ quyền trẻ em", "Bộ Y tế", "", "Năm 2027", ""));

        ImportReport refused = imports.importFile("quyet-dinh.docx", docx, 78, false, "mofa.focal");

        assertThat(refused.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .contains("\"chu kỳ 79\" (chu kỳ 79)", "đã chọn chu kỳ 78"));
        assertThat(registry.find(78, "79.1")).isEmpty();
        assertThat(registry.find(79, "79.1")).isEmpty();

        ImportReport imported = imports.importFile("quyet-dinh.docx", docx, null, false, "mofa.focal");

        assertThat(imported.errors()).isEmpty();
        assertThat(registry.find(79, "79.1").orElseThrow().leadAgency()).isEqualTo("moh");
        Recommendations.continueStarts(management);
    }
}
