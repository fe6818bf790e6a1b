package vn.gov.mofa.upr.agencyplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.casefile.CaseSteps;
import vn.gov.mofa.upr.delegation.DelegatedPart;
import vn.gov.mofa.upr.delegation.DelegatedWork;
import vn.gov.mofa.upr.delegation.UnitDelegations;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * MPS's own grouping, plan and progress view as its focal point, its leader, its unit, another agency and MOFA meet
 * them: what each may read and change, what the figures count and what the documents say.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyPlanTest {

    static final int CYCLE = 74;
    static final String UNIT_A = "mps.ap-hinhsu";
    static final String UNIT_B = "mps.ap-tinh";
    static final String UNIT_USER = "ap.canbo";

    @Autowired TestRestTemplate http;
    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired UnitDelegations unitDelegations;
    @Autowired ObjectMapper json;

    @BeforeAll
    void mpsWithTwoUnitsAndItsShare() {
        var annex = new Recommendations.Annex()
                .row(CYCLE, "A.1", "Strengthen the investigation of trafficking in persons", "mps", null, "1", "31/12/2027")
                .row(CYCLE, "A.2", "Ensure the rights of detainees", "mps", null, "1", "31/12/2027")
                .row(CYCLE, "A.3", "Improve legal aid", "moj", "mps", "2", "31/12/2027")
                .row(CYCLE, "A.4", "Reform the civil code", "moj", null, "2", "31/12/2027")
                .row(CYCLE, "A.5", "Train police officers on human rights", "mps", null, "3", "31/12/2027");
        assertThat(imports.importFile("agencyplan.csv", annex.bytes(), null, false, "mofa.focal").errors()).isEmpty();
        Recommendations.continueStarts(management);
        unit(UNIT_A, "Cục Cảnh sát hình sự");
        unit(UNIT_B, "Công an tỉnh Lào Cai");
        if (identity.createUserQuery().userId(UNIT_USER).count() == 0) {
            User user = identity.newUser(UNIT_USER);
            user.setPassword("demo");
            ((IdentityServiceImpl) identity).saveUser(user, true);
            identity.createMembership(UNIT_USER, UNIT_A);
        }

        // A.1: MPS's plan, approved by MOFA, prepared by both units; A.5: a plan not reviewed yet
        CaseSteps steps = new CaseSteps(CYCLE, tasks, runtime, management, identity);
        steps.work("A.1", "mps.focal", Map.of("focalPointName", "Nguyễn Văn An", "focalPointPhone", "069 123 456",
                "planActions", "Rà soát quy trình điều tra mua bán người", "planDeadline", "2027-06-30",
                "expectedOutput", "Báo cáo rà soát"));
        steps.review("A.1", true, null);
        steps.work("A.5", "mps.focal", Map.of("planActions", "Mở 4 lớp tập huấn", "planDeadline", "2028-06-30"));

        DelegatedWork work = new DelegatedWork(unitDelegations);
        String a1 = instance("A.1");
        LocalDate past = LocalDate.now().minusDays(3);
        LocalDate future = LocalDate.now().plusDays(30);
        work.assign("d-a1", a1, CYCLE, "A.1", "mps", UNIT_A, DelegatedPart.PLAN, "Tổng hợp số vụ án mua bán người",
                "Số liệu 2025-2026", future);
        work.assign("d-a1", a1, CYCLE, "A.1", "mps", UNIT_B, DelegatedPart.PLAN, "Báo cáo địa bàn biên giới", null, past);
        work.accept("d-a1", UNIT_A, "Đã tổng hợp");
        work.returnAnswer("d-a1", UNIT_A);
        work.assign("d-a3", instance("A.3"), CYCLE, "A.3", "mps", UNIT_B, DelegatedPart.CONTRIBUTION,
                "Cung cấp số vụ trợ giúp pháp lý tại trại tạm giam", null, future);
    }

    private void unit(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(vn.gov.mofa.upr.agency.AgencyUnit.GROUP_TYPE);
            identity.saveGroup(group);
        }
    }

    private String instance(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("UPR" + CYCLE + "-" + number).singleResult().getId();
    }

    // ------------------------------------------------------------------------------------------------ grouping

    @Test
    void theFocalPointDefinesGroupsAndTagsSeveralRecommendationsAtOnce() throws Exception {
        assertThat(send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/ap1", "{\"name\":\"Nhóm 1: Quyền dân sự, chính trị\"}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/ap2", "{\"name\":\"Nhóm 2: Tư pháp\"}")
                .getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> tagged = send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/tags",
                "{\"group\":\"ap1\",\"items\":[{\"cycle\":74,\"number\":\"A.1\"},{\"cycle\":74,\"number\":\"A.2\"}]}");
        assertThat(tagged.getStatusCode().value()).as(tagged.getBody()).isEqualTo(200);
        assertThat(send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/tags",
                "{\"group\":\"ap2\",\"items\":[{\"cycle\":74,\"number\":\"A.3\"}]}").getStatusCode().value()).isEqualTo(200);

        JsonNode grouping = json.readTree(get("mofa.focal", "/api/agencies/mps/groups").getBody());
        assertThat(grouping.at("/groups").toString()).contains("\"code\":\"ap1\",\"name\":\"Nhóm 1: Quyền dân sự, chính trị\",\"recommendations\":2");
        assertThat(grouping.at("/tags").toString()).contains("{\"cycle\":74,\"number\":\"A.3\",\"group\":\"ap2\"}");
        assertThat(get("mps.focal", "/agencies/mps/groups").getBody()).contains("Nhóm 2: Tư pháp", "A.5", "id=\"tag\"");
        assertThat(get("mps.lead", "/agencies/mps/groups").getBody()).contains("Nhóm 2: Tư pháp")
                .doesNotContain("id=\"tag\"").contains("Chỉ đầu mối của cơ quan sửa được");
    }

    @Test
    void taggingAnotherAgencysRecommendationChangesNothing() {
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/ap9", "{\"name\":\"Nhóm 9\"}");
        ResponseEntity<String> refused = send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/tags",
                "{\"group\":\"ap9\",\"items\":[{\"cycle\":74,\"number\":\"A.5\"},{\"cycle\":74,\"number\":\"A.4\"}]}");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("A.4 (chu kỳ 74) không phải khuyến nghị đang theo dõi do Bộ Công an chủ trì"
                + " hoặc phối hợp. Không khuyến nghị nào được thay đổi.");
        assertThat(get("mps.focal", "/api/agencies/mps/groups").getBody()).doesNotContain("\"number\":\"A.5\",\"group\":\"ap9\"");
        assertThat(send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/tags", "{\"group\":\"nope\",\"items\":[{\"cycle\":74,\"number\":\"A.5\"}]}")
                .getBody()).contains("Bộ Công an chưa có nhóm 'nope'");
        assertThat(send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/Nhóm 1", "{\"name\":\"x\"}").getBody())
                .contains("Mã nhóm 'Nhóm 1' không hợp lệ");
        assertThat(send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/ap9", "{\"name\":\" \"}").getBody())
                .contains("Tên nhóm (name) không được để trống.");
        assertThat(send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/ap9", "{\"name\":\"" + "x".repeat(501) + "\"}")
                .getBody()).contains("Tên nhóm dài 501 ký tự, quá giới hạn 500 ký tự.");
    }

    @Test
    void aGroupWithRecommendationsIsNotRemoved() {
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/ap7", "{\"name\":\"Nhóm 7\"}");
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/tags", "{\"group\":\"ap7\",\"items\":[{\"cycle\":74,\"number\":\"A.5\"}]}");
        ResponseEntity<String> refused = send("mps.focal", HttpMethod.DELETE, "/api/agencies/mps/groups/ap7", null);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).contains("Nhóm 'ap7' đang có 1 khuyến nghị");
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/tags", "{\"group\":null,\"items\":[{\"cycle\":74,\"number\":\"A.5\"}]}");
        assertThat(send("mps.focal", HttpMethod.DELETE, "/api/agencies/mps/groups/ap7", null).getStatusCode().value()).isEqualTo(204);
        assertThat(get("mps.focal", "/api/agencies/mps/groups").getBody()).doesNotContain("\"ap7\"");
    }

    @Test
    void theTaggingComesFromACsvFileAllOrNothing() {
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/ap4", "{\"name\":\"Nhóm 4: Cải cách tư pháp\"}");
        ResponseEntity<String> refused = csv("mps.focal", "\uFEFFSố;Nhóm;Chu kỳ\nA.2;ap4;74\nA.4;ap4;74\nA.5;nope;74\nA.1;ap4;x\n");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("không khuyến nghị nào được thay đổi",
                "Dòng 5: chu kỳ 'x' không phải là số (cột chu_ky).",
                "Dòng 3: A.4 (chu kỳ 74) không phải khuyến nghị đang theo dõi do Bộ Công an chủ trì hoặc phối hợp.",
                "Dòng 4: Bộ Công an chưa có nhóm 'nope'.");
        assertThat(get("mps.focal", "/api/agencies/mps/groups").getBody()).doesNotContain("\"group\":\"ap4\"");
        ResponseEntity<String> done = csv("mps.focal", "so,nhom,chu_ky\nA.2,ap4,74\nA.3,ap4,74\n");
        assertThat(done.getBody()).isEqualTo("{\"tagged\":2}");
        assertThat(get("mps.focal", "/api/agencies/mps/groups").getBody())
                .contains("{\"cycle\":74,\"number\":\"A.2\",\"group\":\"ap4\"}", "{\"cycle\":74,\"number\":\"A.3\",\"group\":\"ap4\"}")
                .doesNotContain("{\"cycle\":74,\"number\":\"A.1\",\"group\":\"ap4\"}");
        assertThat(csv("mps.focal", "number,group\nA.1,ap4\n").getBody()).contains("cần dòng tiêu đề có hai cột 'so'");
        assertThat(csv("mps.lead", "so,nhom\nA.1,ap4\n").getStatusCode().value()).isEqualTo(403);
    }

    private ResponseEntity<String> csv(String user, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.withBasicAuth(user, "demo").exchange("/api/agencies/mps/tags.csv", HttpMethod.POST,
                new HttpEntity<>(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), String.class);
    }

    // ------------------------------------------------------------------------------------------------ who may

    @Test
    void onlyTheAgencysFocalPointsChangeItsGrouping() {
        for (String user : List.of("mps.lead", "moj.focal", "mofa.focal", "mofa.lead", UNIT_USER)) {
            for (var attempt : List.of(
                    send(user, HttpMethod.PUT, "/api/agencies/mps/groups/ap8", "{\"name\":\"Nhóm 8\"}"),
                    send(user, HttpMethod.DELETE, "/api/agencies/mps/groups/ap1", null),
                    send(user, HttpMethod.PUT, "/api/agencies/mps/tags", "{\"group\":null,\"items\":[{\"cycle\":74,\"number\":\"A.1\"}]}"),
                    csv(user, "so,nhom\nA.1,\n"))) {
                assertThat(attempt.getStatusCode().value()).as(user).isEqualTo(403);
                assertThat(attempt.getBody()).as(user).contains("Chỉ đầu mối của Bộ Công an sửa được");
            }
        }
        var admin = http.withBasicAuth("admin", "Quantri-2026").exchange("/api/agencies/mps/groups/ap8", HttpMethod.PUT,
                new HttpEntity<>("{\"name\":\"Nhóm 8\"}", jsonHeaders()), String.class);
        assertThat(admin.getStatusCode().value()).isEqualTo(403);
        assertThat(get("mps.focal", "/api/agencies/mps/groups").getBody()).doesNotContain("\"ap8\"");
        assertThat(http.exchange("/api/agencies/mps/tags", HttpMethod.PUT, new HttpEntity<>("{}", jsonHeaders()), String.class)
                .getStatusCode().value()).as("anonymous").isEqualTo(401);
    }

    @Test
    void unitsAndOtherAgenciesAreRefusedTheAgencysViews() {
        for (String user : List.of(UNIT_USER, "moj.focal", "moj.lead")) {
            for (String path : List.of("/api/agencies/mps/progress", "/api/agencies/mps/groups", "/api/agencies/mps/plan.docx",
                    "/api/agencies/mps/plan.xlsx", "/agencies/mps/progress", "/agencies/mps/groups")) {
                ResponseEntity<String> refused = get(user, path);
                assertThat(refused.getStatusCode().value()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.getBody()).as(user + " " + path)
                        .contains("Chỉ đầu mối, lãnh đạo của Bộ Công an và Bộ Ngoại giao xem được")
                        .doesNotContain("A.1");
            }
        }
        for (String user : List.of("mps.focal", "mps.lead", "mofa.focal", "mofa.lead")) {
            assertThat(get(user, "/api/agencies/mps/progress?cycle=" + CYCLE).getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(get(user, "/agencies/mps/progress?cycle=" + CYCLE).getBody()).as(user).contains("Cục Cảnh sát hình sự");
        }
        assertThat(http.withBasicAuth("admin", "Quantri-2026").getForEntity("/api/agencies/mps/progress", String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(get("mps.focal", "/api/agencies/xyz/progress").getBody()).contains("Không có cơ quan có mã 'xyz'.");
        assertThat(http.getForEntity("/api/agencies/mps/progress", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.getForEntity("/agencies/mps/progress", String.class).getBody()).doesNotContain("Cục Cảnh sát hình sự");
    }

    // ------------------------------------------------------------------------------------------------ progress

    @Test
    void theProgressViewCountsEachUnitsWorkAndLinksToIt() throws Exception {
        JsonNode progress = json.readTree(get("mps.lead", "/api/agencies/mps/progress?cycle=" + CYCLE).getBody());
        JsonNode a = unitRow(progress, UNIT_A);
        JsonNode b = unitRow(progress, UNIT_B);
        assertThat(List.of(a.at("/delegated/count").asInt(), a.at("/accepted/count").asInt(), a.at("/late/count").asInt(),
                a.at("/returned/count").asInt())).as("unit A: one part, accepted after a return").containsExactly(1, 1, 0, 1);
        assertThat(List.of(b.at("/delegated/count").asInt(), b.at("/accepted/count").asInt(), b.at("/late/count").asInt(),
                b.at("/returned/count").asInt())).as("unit B: two parts, one past its internal deadline").containsExactly(2, 0, 1, 0);
        String late = get("mps.focal", b.at("/late/link").asText()).getBody();
        assertThat(late).contains("Phần việc giao cho Công an tỉnh Lào Cai quá hạn nội bộ", "A.1", "Phần kế hoạch thực hiện")
                .doesNotContain("Cung cấp số vụ");
        assertThat(get("mps.focal", b.at("/delegated/link").asText()).getBody()).contains("A.1", "A.3", "đóng góp thông tin báo cáo");
    }

    @Test
    void theProgressViewCountsEachGroupsPlansReportsAndLateWork() throws Exception {
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/ap5", "{\"name\":\"Nhóm 5: Đào tạo\"}");
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/ap6", "{\"name\":\"Nhóm 6: Điều tra\"}");
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/tags", "{\"group\":\"ap6\",\"items\":[{\"cycle\":74,\"number\":\"A.1\"}]}");
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/tags", "{\"group\":\"ap5\",\"items\":[{\"cycle\":74,\"number\":\"A.5\"}]}");
        JsonNode progress = json.readTree(get("mofa.lead", "/api/agencies/mps/progress?cycle=" + CYCLE).getBody());
        JsonNode investigation = groupRow(progress, "ap6");
        assertThat(List.of(investigation.at("/recommendations/count").asInt(), investigation.at("/planApproved/count").asInt(),
                investigation.at("/reportsApproved/count").asInt(), investigation.at("/late/count").asInt()))
                .as("A.1: plan approved, no report yet, a unit late").containsExactly(1, 1, 0, 1);
        JsonNode training = groupRow(progress, "ap5");
        assertThat(List.of(training.at("/recommendations/count").asInt(), training.at("/planApproved/count").asInt()))
                .as("A.5: plan sent, not approved").containsExactly(1, 0);
        assertThat(get("mps.focal", investigation.at("/planApproved/link").asText()).getBody())
                .contains("Nhóm 6: Điều tra: kế hoạch đã được phê duyệt", "Strengthen the investigation");
    }

    // ------------------------------------------------------------------------------------------------ plan

    @Test
    void thePlanDocumentListsEachRecommendationUnderItsGroupWithItsUnitsAndPlan() throws Exception {
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/groups/ap3", "{\"name\":\"Nhóm 3: Phòng chống mua bán người\"}");
        send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/tags", "{\"group\":\"ap3\",\"items\":[{\"cycle\":74,\"number\":\"A.1\"}]}");
        ResponseEntity<byte[]> docx = http.withBasicAuth("mps.lead", "demo").getForEntity("/api/agencies/mps/plan.docx?cycle=" + CYCLE,
                byte[].class);
        assertThat(docx.getStatusCode().value()).isEqualTo(200);
        assertThat(docx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("ke-hoach-upr-chu-ky-74-mps-" + LocalDate.now() + ".docx");
        String text;
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.getBody())); var extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }
        assertThat(text).contains("BỘ CÔNG AN", "Số: ...../KH-MPS", "KẾ HOẠCH",
                "Triển khai thực hiện các khuyến nghị UPR chu kỳ 74 Việt Nam chấp thuận của Bộ Công an",
                "Nhóm 3: Phòng chống mua bán người (1 khuyến nghị)", "Cục Cảnh sát hình sự", "Công an tỉnh Lào Cai",
                "Nguyễn Văn An, 069 123 456", "Rà soát quy trình điều tra mua bán người", "Hạn hoàn thành: 30/06/2027",
                "Báo cáo rà soát", "Phối hợp (chủ trì: Bộ Tư pháp)", "Bộ Công an (đầu mối)",
                "(Kế hoạch chưa được Bộ Ngoại giao phê duyệt)", "Mở 4 lớp tập huấn");
        assertThat(text).doesNotContain("Reform the civil code");
        assertThat(text.indexOf("Nhóm 3: Phòng chống")).isLessThan(text.indexOf("Strengthen the investigation"));

        ResponseEntity<byte[]> xlsx = http.withBasicAuth("mofa.focal", "demo").getForEntity("/api/agencies/mps/plan.xlsx?cycle=" + CYCLE,
                byte[].class);
        assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("ke-hoach-upr-chu-ky-74-mps-");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody())); var extractor = new XSSFExcelExtractor(book)) {
            assertThat(extractor.getText()).contains("Nhóm 3: Phòng chống mua bán người (1 khuyến nghị)", "Cục Cảnh sát hình sự",
                    "Rà soát quy trình điều tra mua bán người", "Train police officers");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static JsonNode unitRow(JsonNode progress, String unit) {
        for (JsonNode row : progress.get("units")) {
            if (row.get("unit").asText().equals(unit)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unit + " in " + progress);
    }

    private static JsonNode groupRow(JsonNode progress, String code) {
        for (JsonNode row : progress.get("groups")) {
            if (row.get("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for group " + code + " in " + progress);
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, jsonHeaders()), String.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
