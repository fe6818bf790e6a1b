package vn.gov.mofa.upr.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.businessKey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * The case page as its readers see it: a recommendation whose plan was returned once and then approved, with a
 * round's contribution and approved report; who may read it, who may attach evidence to which step, which files
 * are refused, and the download with the original Vietnamese name.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class CaseFileTest {

    static final int CYCLE = 54;
    static final String PAGE = "/recommendations/" + CYCLE + "/";
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;

    CaseSteps steps;

    @BeforeAll
    void recommendations() {
        steps = new CaseSteps(CYCLE, tasks, runtime, management, identity);
        String csv = "number,text,text_vi,recommending_states,response,cycle,task_group,lead_agency,coordinating_agencies,plan_due_date,due_date\n"
                + "1,Prevent torture in detention,Phòng ngừa tra tấn trong trại giam,Sweden|Chile,Supported,54,2,mps,moj,31/12/2030,31/12/2031\n"
                + "2,Train police officers,Tập huấn cán bộ công an,France,Supported,54,2,mps,moj,31/12/2030,\n"
                + "3,Review the penal code,Rà soát Bộ luật Hình sự,Japan,Supported,54,2,mps,moj,31/12/2030,\n";
        assertThat(imports.importFile("annex-54.csv", csv.getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal").errors()).isEmpty();
        Recommendations.continueStarts(management);

        // 54.1: plan returned once, then approved; a round: moj contributes, mps reports, MOFA approves
        steps.work("1", "mps.focal", Map.of("focalPointName", "Nguyễn Văn An", "planActions", "Lần 1: tập huấn", "planDeadline", "2030-06-30"));
        steps.review("1", false, "Cần bổ sung chỉ số đánh giá");
        steps.work("1", "mps.focal", Map.of("focalPointName", "Nguyễn Văn An", "planActions", "Lần 2: tập huấn 500 cán bộ",
                "planDeadline", "2030-06-30", "indicators", "Số cán bộ được tập huấn"));
        steps.review("1", true, null);
        steps.requestReport("1", "case-file-round-1", "Đợt giữa kỳ 54");
        steps.work("1", "moj.focal", Map.of("contributionResults", "Bộ Tư pháp đã rà soát quy trình", "contributionFigures", "",
                "contributionDifficulties", ""));
        steps.work("1", "mps.focal", Map.of("implementationStatus", "IN_PROGRESS", "reportResults", "Đã tập huấn 480 cán bộ"));
        steps.review("1", true, null);
        steps.executeJobs("1");

        // 54.3: waiting for moj's contribution
        steps.work("3", "mps.focal", Map.of("planActions", "Rà soát", "planDeadline", "2030-06-30"));
        steps.review("3", true, null);
        steps.requestReport("3", "case-file-round-3", "Đợt giữa kỳ 54");
    }

    @Test
    void theLeadAgencyReadsTheWholeStory() {
        ResponseEntity<String> page = get(PAGE + "1", "mps.focal");
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        String html = page.getBody();
        assertThat(html).contains("Khuyến nghị 1", "Phòng ngừa tra tấn trong trại giam", "Prevent torture in detention",
                "Sweden, Chile", "Chấp thuận", "Bộ Công an", "Bộ Tư pháp", "31/12/2031", "30/06/2030",
                // the approved plan, and the returned version with MOFA's comment
                "Đã được phê duyệt.", "Lần 2: tập huấn 500 cán bộ", "Số cán bộ được tập huấn", "Trả lại kế hoạch",
                "Cần bổ sung chỉ số đánh giá", "Lần 1: tập huấn",
                // the round: the contribution, the report with its status, who approved it
                "Đợt giữa kỳ 54", "Bộ Tư pháp đã rà soát quy trình", "Đã tập huấn 480 cán bộ", "Đang triển khai",
                "Phê duyệt: mofa.focal");
        assertThat(html).as("an agency gets no link into Cockpit").doesNotContain("Xem quy trình trong Cockpit");
        String timeline = html.substring(html.indexOf("id=\"timeline\""));
        assertThat(timeline).containsSubsequence("Nhập danh sách, đưa vào theo dõi", "Nộp kế hoạch", "Trả lại kế hoạch",
                "Cần bổ sung chỉ số đánh giá", "Nộp kế hoạch", "Phê duyệt kế hoạch", "Bộ Ngoại giao yêu cầu báo cáo",
                "Gửi thông tin đóng góp", "Nộp báo cáo", "Phê duyệt báo cáo");
        assertThat(timeline).contains("mps.focal", "moj.focal", "mofa.focal");
    }

    @Test
    void mofaGetsTheInstanceInCockpitAndTheOpenStepsWithTheirHoldersAndLateness() {
        // the contribution is due 10 days before the agencies' deadline (30/09/2030): 20/09/2030
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.OffsetDateTime.parse("2030-09-23T10:00:00+07:00").toInstant()));
        String html;
        try {
            html = get(PAGE + "3", "mofa.focal").getBody();
        } finally {
            ClockUtil.reset();
        }
        assertThat(html).contains("20/09/2030", "quá hạn 3 ngày");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(CYCLE, "3")).singleResult().getId();
        assertThat(html).contains("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime",
                "Đóng góp thông tin báo cáo", "Bộ Tư pháp");
    }

    @Test
    void whoMayReadThePage() throws Exception {
        for (String reader : List.of("mofa.focal", "mofa.lead", "mps.focal", "mps.lead", "moj.focal", "moj.lead")) {
            assertThat(get(PAGE + "1", reader).getStatusCode().value()).as(reader).isEqualTo(200);
        }
        assertThat(http.withBasicAuth("admin", "Quantri-2026").getForEntity(PAGE + "1", String.class).getStatusCode().value())
                .isEqualTo(200);
        ResponseEntity<String> other = get(PAGE + "1", "sbv.focal");
        assertThat(other.getStatusCode().value()).isEqualTo(403);
        assertThat(other.getBody()).contains("không do cơ quan của bạn chủ trì hay phối hợp").doesNotContain("tra tấn");
        assertThat(get(PAGE + "1", "sbv.lead").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> unknown = get(PAGE + "999", "mofa.focal");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("Không có khuyến nghị 999 trong chu kỳ 54");
        assertThat(anonymously(PAGE + "1")).isEqualTo("302 /camunda/app/welcome/default/#!/login");
    }

    @Test
    void theStepsHolderAndMofaAttachEvidenceAndNobodyElse() {
        String plan = openTask("2").getId();
        assertThat(upload("2", plan, "mps.focal", "Kế hoạch.pdf", PDF).getStatusCode().value()).isEqualTo(201);
        assertThat(upload("2", plan, "mofa.focal", "Góp ý.pdf", PDF).getStatusCode().value()).isEqualTo(201);
        assertThat(http.withBasicAuth("admin", "Quantri-2026").postForEntity("/api/recommendations/54/2/evidence",
                form(plan, "admin.pdf", PDF), String.class).getStatusCode().value()).isEqualTo(201);
        for (String notTheHolder : List.of("moj.focal", "mps.lead", "mofa.lead")) {
            ResponseEntity<String> refused = upload("2", plan, notTheHolder, "x.pdf", PDF);
            assertThat(refused.getStatusCode().value()).as(notTheHolder).isEqualTo(403);
            assertThat(refused.getBody()).contains("Chỉ cơ quan đang thực hiện bước này");
        }
        ResponseEntity<String> stranger = upload("2", plan, "sbv.focal", "x.pdf", PDF);
        assertThat(stranger.getStatusCode().value()).isEqualTo(403);
        assertThat(stranger.getBody()).contains("không do cơ quan của bạn chủ trì hay phối hợp");
        assertThat(http.postForEntity("/api/recommendations/54/2/evidence", form(plan, "x.pdf", PDF), String.class)
                .getStatusCode().value()).isEqualTo(401);

        String contribution = openTask("3").getId();
        assertThat(upload("3", contribution, "moj.focal", "Đóng góp.png", PNG).getStatusCode().value()).isEqualTo(201);
        assertThat(upload("3", contribution, "mps.focal", "x.png", PNG).getStatusCode().value())
                .as("the lead agency does not hold the coordinating agency's contribution").isEqualTo(403);
        assertThat(upload("1", contribution, "mps.focal", "x.pdf", PDF).getStatusCode().value())
                .as("a task of another recommendation").isEqualTo(409);

        String html = get(PAGE + "2", "moj.focal").getBody();
        assertThat(html).contains("Kế hoạch.pdf", "Góp ý.pdf", "admin.pdf").doesNotContain("x.pdf");
        assertThat(get(PAGE + "3", "mps.focal").getBody()).as("listed with the agency whose step it was").contains("Đóng góp.png",
                "Bộ Tư pháp");
    }

    @Test
    void filesThatAreNotWhatTheySayAreRefusedAndNothingIsStored() {
        String plan = openTask("2").getId();
        assertRefused(upload("2", plan, "mps.focal", "bao-cao.pdf", PNG), 400, "Nội dung tệp 'bao-cao.pdf' không phải PDF");
        assertRefused(upload("2", plan, "mps.focal", "anh.png", PDF), 400, "Nội dung tệp 'anh.png' không phải PNG");
        assertRefused(upload("2", plan, "mps.focal", "so-lieu.xlsx", PDF), 400, "không phải XLSX");
        assertRefused(upload("2", plan, "mps.focal", "chay.exe", PDF), 400, "không thuộc loại được nhận (PDF, DOCX, XLSX, PNG, JPEG)");
        assertRefused(upload("2", plan, "mps.focal", "rong.pdf", new byte[0]), 400, "rỗng");
        byte[] tooLarge = Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);
        assertRefused(upload("2", plan, "mps.focal", "qua-lon.pdf", tooLarge), 400, "Tệp quá lớn; mỗi tệp tối đa 20 MB");
        assertThat(get(PAGE + "2", "mps.focal").getBody()).doesNotContain("bao-cao.pdf", "anh.png", "so-lieu.xlsx", "chay.exe",
                "rong.pdf", "qua-lon.pdf");
    }

    @Test
    void everyReaderDownloadsWithTheOriginalNameAndNobodyElse() throws Exception {
        String plan = openTask("2").getId();
        String name = "Báo cáo kết quả tập huấn.pdf";
        long id = idOf(upload("2", plan, "mps.focal", name, PDF));
        String url = PAGE + "2/evidence/" + id;
        for (String reader : List.of("mps.focal", "mps.lead", "moj.focal", "moj.lead", "mofa.focal", "mofa.lead")) {
            ResponseEntity<byte[]> file = http.withBasicAuth(reader, "demo").getForEntity(url, byte[].class);
            assertThat(file.getStatusCode().value()).as(reader).isEqualTo(200);
            assertThat(file.getBody()).isEqualTo(PDF);
            assertThat(file.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
            assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo(name);
            assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                    .contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o");
        }
        assertThat(http.withBasicAuth("admin", "Quantri-2026").getForEntity(url, byte[].class).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> stranger = get(url, "sbv.focal");
        assertThat(stranger.getStatusCode().value()).isEqualTo(403);
        assertThat(stranger.getBody()).contains("không do cơ quan của bạn chủ trì hay phối hợp").doesNotContain("%PDF");
        assertThat(anonymously(url)).isEqualTo("302 /camunda/app/welcome/default/#!/login");
        assertThat(get(PAGE + "1/evidence/" + id, "mps.focal").getStatusCode().value())
                .as("a file is reached only through its own recommendation").isEqualTo(404);
    }

    /** Status and where it leads, without following it. */
    private String anonymously(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + URI.create(answer.headers().firstValue("Location").orElse("")).getPath()
                + answer.headers().firstValue("Location").map(l -> l.substring(l.indexOf('#'))).orElse("");
    }

    private void assertRefused(ResponseEntity<String> answer, int status, String reason) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).contains(reason).contains("Chưa lưu gì");
    }

    private static long idOf(ResponseEntity<String> answer) {
        String body = answer.getBody();
        int start = body.indexOf("\"id\":") + 5;
        return Long.parseLong(body.substring(start, body.indexOf(',', start)));
    }

    private ResponseEntity<String> upload(String number, String taskId, String user, String name, byte[] content) {
        return http.withBasicAuth(user, "demo").postForEntity("/api/recommendations/" + CYCLE + "/" + number + "/evidence",
                form(taskId, name, content), String.class);
    }

    /** The upload as the case page's form sends it; a unit's page sends the same. */
    public static HttpEntity<LinkedMultiValueMap<String, Object>> form(String taskId, String name, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("task", taskId);
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private ResponseEntity<String> get(String path, String user) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private Task openTask(String number) {
        return steps.openTask(number);
    }
}
