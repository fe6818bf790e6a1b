package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * What the hostile review of issue 13 did through the engine's REST API, as an agency's officer would: take over a
 * recommendation through task variables, complete a plan with nothing or with the wrong types, send values the
 * engine would turn into Java objects, and reach MOFA's machinery (jobs, statistics, message correlation).
 * Each attempt is refused with a Vietnamese message and changes nothing; the forms' own submissions still work.
 */
@ApplicationTest
class EngineApiGuardTest {

    static final int CYCLE = 73;
    static final String PLAN = """
            "focalPointName": {"value": "Nguyễn Văn An"},
            "focalPointEmail": {"value": "an@bca.gov.vn"},
            "planActions": {"value": "Tập huấn cho cán bộ trại giam"},
            "planDeadline": {"value": "31/12/2027"},
            "expectedOutput": {"value": "Báo cáo kết quả tập huấn"}""";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @LocalServerPort int port;

    Recommendations recommendations;

    @BeforeEach
    void setUp() {
        recommendations = new Recommendations(imports, runtime, management);
    }

    @Test
    void aCoordinatingAgencyCannotTakeOverTheLeadAgencysRecommendation() {
        ProcessInstance pi = recommendations.track(CYCLE, "1.1", "Prevent torture in detention", "mps", "moj", "3", "31/12/2027");
        approvePlan(pi);
        requestReport(pi);
        Task contribution = tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("moj").singleResult();
        String complete = "/engine-rest/task/" + contribution.getId() + "/complete";

        for (String variable : List.of(VAR_LEAD_AGENCY, VAR_CONTRIBUTING_AGENCY, VAR_PLAN_DUE_DATE, VAR_AGENCY_DEADLINE, VAR_CYCLE)) {
            ResponseEntity<String> answer = send(HttpMethod.POST, complete, "moj.focal", """
                    {"variables": {"contributionResults": {"value": "Đã phối hợp"}, "%s": {"value": "moj"}}}""".formatted(variable));
            assertThat(answer.getStatusCode().value()).as(variable).isEqualTo(400);
            assertThat(answer.getBody()).as(variable).contains("không có trường '" + variable + "'");
        }
        String takeOver = "{\"modifications\": {\"leadAgency\": {\"value\": \"moj\"}}}";
        assertThat(send(HttpMethod.POST, "/engine-rest/task/" + contribution.getId() + "/variables", "moj.focal", takeOver)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(send(HttpMethod.PUT, "/engine-rest/task/" + contribution.getId() + "/variables/leadAgency", "moj.focal",
                "{\"value\": \"moj\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(send(HttpMethod.PUT, "/engine-rest/task/" + contribution.getId() + "/localVariables/contributingAgency",
                "moj.focal", "{\"value\": \"mps\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(send(HttpMethod.POST, "/engine-rest/process-instance/" + pi.getId() + "/variables", "moj.focal", takeOver)
                .getStatusCode().value()).isEqualTo(403);

        assertThat(runtime.getVariable(pi.getId(), VAR_LEAD_AGENCY)).isEqualTo("mps");
        assertThat(runtime.getVariable(pi.getId(), VAR_AGENCY_DEADLINE)).isEqualTo("2027-03-15");
        assertThat(tasks.createTaskQuery().taskId(contribution.getId()).count()).as("the contribution is still open").isOne();

        assertThat(send(HttpMethod.POST, complete, "moj.focal", """
                {"variables": {"contributionResults": {"value": "Đã phối hợp tập huấn", "type": "String"}}}""")
                .getStatusCode().value()).isEqualTo(204);
        Task report = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(PREPARE_REPORT).singleResult();
        assertThat(tasks.getIdentityLinksForTask(report.getId())).extracting(link -> link.getGroupId()).containsExactly("mps");
        assertThat(String.valueOf(runtime.getVariable(pi.getId(), VAR_CONTRIBUTIONS_SUMMARY))).contains("Đã phối hợp tập huấn");
    }

    @Test
    void theServerEnforcesThePlanForm() {
        ProcessInstance pi = recommendations.track(CYCLE, "2.1", "Train police officers", "mps", null, "3", "31/12/2027");
        Task plan = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        String complete = "/engine-rest/task/" + plan.getId() + "/complete";

        Map<String, String> refusals = Map.of(
                "{}", "Cần điền 'Họ tên cán bộ đầu mối'",
                "{\"variables\": {" + PLAN.replace("\"Nguyễn Văn An\"", "12, \"type\": \"Integer\"") + "}}", "phải là văn bản",
                "{\"variables\": {" + PLAN.replace("\"Nguyễn Văn An\"", "Infinity") + "}}", "không phải JSON",
                "{\"variables\": {" + PLAN.replace("\"31/12/2027\"", "\"2027-31-12\"") + "}}", "ngày/tháng/năm",
                "{\"variables\": {" + PLAN.replace("\"an@bca.gov.vn\"", "\"an\"") + "}}", "thư điện tử",
                "{\"variables\": {" + PLAN.replace("\"Tập huấn cho cán bộ trại giam\"", "\"" + "x".repeat(50_001) + "\"") + "}}",
                "tối đa 50000 ký tự");
        refusals.forEach((body, message) -> {
            ResponseEntity<String> answer = send(HttpMethod.POST, complete, "mps.focal", body);
            assertThat(answer.getStatusCode().value()).as(message).isEqualTo(400);
            assertThat(answer.getBody()).as(message).contains(message);
        });
        assertThat(tasks.createTaskQuery().taskId(plan.getId()).count()).as("the plan is still open").isOne();
        assertThat(runtime.getVariable(pi.getId(), "planActions")).isNull();

        assertThat(send(HttpMethod.POST, complete, "mps.focal", "{\"variables\": {" + PLAN + "}}").getStatusCode().value())
                .isEqualTo(204);
        assertThat(runtime.getVariable(pi.getId(), VAR_PLAN_DEADLINE)).as("dates are ISO in the engine").isEqualTo("2027-12-31");
        Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(send(HttpMethod.GET, "/engine-rest/task/" + review.getId() + "/form-variables", "mofa.focal", null).getBody())
                .as("forms show them dd/MM/yyyy").contains("\"value\":\"31/12/2027\"").doesNotContain("2027-12-31");
    }

    @Test
    void mofasDecisionIsStoredAsABoolean() {
        ProcessInstance pi = recommendations.track(CYCLE, "3.1", "Train judges", "moj", null, "1", "31/12/2027");
        Task plan = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(send(HttpMethod.POST, "/engine-rest/task/" + plan.getId() + "/complete", "moj.focal",
                "{\"variables\": {" + PLAN + "}}").getStatusCode().value()).isEqualTo(204);
        Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        String complete = "/engine-rest/task/" + review.getId() + "/complete";

        assertThat(send(HttpMethod.POST, complete, "mofa.focal", "{\"variables\": {\"approved\": {\"value\": \"maybe\"}}}")
                .getBody()).contains("'maybe'");
        assertThat(send(HttpMethod.POST, complete, "moj.focal", "{\"variables\": {\"approved\": {\"value\": \"true\"}}}")
                .getStatusCode().value()).as("an agency cannot approve its own plan").isEqualTo(404);
        ResponseEntity<String> returnedWithoutComment = send(HttpMethod.POST, complete, "mofa.focal",
                "{\"variables\": {\"approved\": {\"value\": \"false\"}}}");
        assertThat(returnedWithoutComment.getStatusCode().value()).as("the listener's rule, as a bad request").isEqualTo(400);
        assertThat(returnedWithoutComment.getBody()).contains("\"message\":\"Khi trả lại, cần ghi ý kiến của Bộ Ngoại giao");
        assertThat(send(HttpMethod.POST, complete, "mofa.focal", "{\"variables\": {\"approved\": {\"value\": \"true\"}}}")
                .getStatusCode().value()).isEqualTo(204);
        assertThat(runtime.getVariable(pi.getId(), VAR_APPROVED)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void nobodyButAnAdministratorSendsAValueTheEngineWouldDeserialize() {
        ProcessInstance pi = recommendations.track(CYCLE, "4.1", "Ratify the convention", "mps", null, "6", "31/12/2027");
        Task plan = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        String gadget = """
                {"type": "Object", "value": "{\\"url\\": \\"jdbc:h2:mem:x\\"}", "valueInfo": {"objectTypeName":
                 "org.springframework.jdbc.datasource.DriverManagerDataSource", "serializationDataFormat": "application/json"}}""";
        assertThat(send(HttpMethod.POST, "/engine-rest/task/" + plan.getId() + "/complete", "mps.focal",
                "{\"variables\": {" + PLAN + ", \"indicators\": " + gadget + "}}").getBody()).contains("không được nhận");
        assertThat(send(HttpMethod.PUT, "/engine-rest/task/" + plan.getId() + "/variables/x", "mps.focal", gadget)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(send(HttpMethod.POST, "/engine-rest/task/" + plan.getId() + "/complete", "mofa.focal",
                "{\"variables\": {" + PLAN + ", \"indicators\": " + gadget + "}}").getStatusCode().value())
                .as("MOFA officers are not administrators").isEqualTo(400);
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("x", "indicators");
    }

    @Test
    void agenciesCannotReachMofasMachinery() {
        ProcessInstance other = recommendations.track(CYCLE, "5.1", "Protect journalists", "moit", null, "3", "31/12/2027");
        String job = management.createJobQuery().processInstanceId(other.getId()).list().get(0).getId();
        List<String[]> attempts = List.of(
                new String[] {"GET", "/job?processInstanceId=" + other.getId(), null},
                new String[] {"GET", "/job/" + job + "/stacktrace", null},
                new String[] {"POST", "/job/" + job + "/execute", ""},
                new String[] {"DELETE", "/job/" + job, null},
                new String[] {"PUT", "/job/" + job + "/suspended", "{\"suspended\": true}"},
                new String[] {"PUT", "/job/" + job + "/priority", "{\"priority\": 1}"},
                new String[] {"GET", "/job-definition", null},
                new String[] {"GET", "/incident", null},
                new String[] {"GET", "/batch", null},
                new String[] {"GET", "/process-definition/statistics", null},
                new String[] {"GET", "/metrics/activity-instance-end/sum", null},
                new String[] {"GET", "/telemetry/data", null},
                new String[] {"GET", "/schema/log", null},
                new String[] {"POST", "/message", "{\"messageName\": \"CycleClosed\", \"processInstanceId\": \"" + other.getId() + "\"}"},
                new String[] {"POST", "/process-instance/" + other.getId() + "/modification", "{\"instructions\": []}"},
                new String[] {"POST", "/deployment/create", ""},
                new String[] {"GET", "/process-instance/x/../../job", null},
                new String[] {"GET", "/engine/default/job-definition", null});
        for (String[] attempt : attempts) {
            ResponseEntity<String> answer = send(HttpMethod.valueOf(attempt[0]), "/engine-rest" + attempt[1], "mps.focal", attempt[2]);
            assertThat(answer.getStatusCode().value()).as(attempt[0] + " " + attempt[1]).isEqualTo(403);
            assertThat(answer.getBody()).as(attempt[1]).contains("không được dùng chức năng này").doesNotContain("Exception:");
        }
        assertThat(management.createJobQuery().jobId(job).singleResult().isSuspended()).isFalse();
        assertThat(send(HttpMethod.GET, "/engine-rest/process-definition/statistics", "mofa.focal", null).getStatusCode().value())
                .as("Cockpit's figures for MOFA").isEqualTo(200);
        assertThat(send(HttpMethod.POST, "/engine-rest/message", "mofa.focal", "{\"messageName\": \"CycleClosed\"}")
                .getStatusCode().value()).as("the application correlates messages, not MOFA by hand").isEqualTo(403);
        assertThat(send(HttpMethod.GET, "/engine-rest/metrics/activity-instance-end/sum", "admin", null).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void tasklistSubmitsTheFormWithItsReadOnlyFieldsAsShown() throws Exception {
        ProcessInstance pi = recommendations.track(CYCLE, "6.1", "Promote gender equality", "moh", null, "4", "31/12/2027");
        Task plan = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        Tasklist tasklist = Tasklist.login(port, "moh.focal");
        String api = "/camunda/api/engine/engine/default/task/" + plan.getId();

        String shown = tasklist.send("GET", api + "/form-variables", null).body();
        assertThat(shown).contains("\"planDueDate\"", "31/12/2027");
        String submitted = "{\"variables\": {" + PLAN + ", \"recommendationText\": {\"value\": \"Promote gender equality\"}, "
                + "\"planDueDate\": {\"value\": \"31/12/2027\"}}}";
        assertThat(tasklist.send("POST", api + "/submit-form", submitted.replace("Promote gender", "Forget gender")).statusCode())
                .as("a read-only field changed").isEqualTo(400);
        assertThat(tasklist.send("POST", api + "/variables", "{\"modifications\": {\"leadAgency\": {\"value\": \"mps\"}}}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = tasklist.send("POST", api + "/submit-form", submitted);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        assertThat(runtime.getVariable(pi.getId(), "planActions")).isEqualTo("Tập huấn cho cán bộ trại giam");
    }

    @Test
    void anAgencySetsAFollowUpDateButNeitherMovesNorDropsMofasDeadline() throws Exception {
        ProcessInstance pi = recommendations.track(CYCLE, "7.1", "Protect migrant workers", "mps", null, "3", "31/12/2027");
        Task plan = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        String path = "/engine-rest/task/" + plan.getId();
        // Tasklist sends the task back as it read it, with its form reference
        ObjectNode shown = (ObjectNode) json.readTree(send(HttpMethod.GET, path, "mps.focal", null).getBody());
        assertThat(shown.path("camundaFormRef").path("key").asText()).isEqualTo("prepare-plan");

        ResponseEntity<String> followUp = send(HttpMethod.PUT, path, "mps.focal",
                shown.deepCopy().put("followUp", "2027-06-01T08:00:00.000+0700").toString());
        assertThat(followUp.getStatusCode().value()).as(followUp.getBody()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(plan.getId()).singleResult().getFollowUpDate()).isNotNull();

        List<ObjectNode> attempts = List.of(shown.deepCopy().putNull("due"),
                shown.deepCopy().put("due", "2030-12-31T17:00:00.000+0700"),
                shown.deepCopy().put("name", "Việc đã xong"),
                shown.deepCopy().put("assignee", "mps.leader"),
                (ObjectNode) shown.deepCopy().remove(List.of("due", "name")));
        for (ObjectNode attempt : attempts) {
            ResponseEntity<String> answer = send(HttpMethod.PUT, path, "mps.focal", attempt.toString());
            assertThat(answer.getStatusCode().value()).as(attempt.toString()).isEqualTo(403);
            assertThat(answer.getBody()).contains("chỉ đặt được ngày theo dõi");
        }
        assertThat(send(HttpMethod.PUT, path, "moj.focal", shown.toString()).getStatusCode().value())
                .as("another agency's task").isIn(403, 404);
        Task unchanged = tasks.createTaskQuery().taskId(plan.getId()).singleResult();
        assertThat(unchanged.getDueDate()).isEqualTo(plan.getDueDate());
        assertThat(unchanged.getName()).isEqualTo(plan.getName());
        assertThat(unchanged.getAssignee()).isNull();
    }

    @Test
    void mofaMovesADeadlineInTasklistOnATaskWithACamundaForm() throws Exception {
        ProcessInstance pi = recommendations.track(CYCLE, "7.2", "Protect domestic workers", "mps", null, "3", "31/12/2027");
        Task plan = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        String path = "/engine-rest/task/" + plan.getId();
        ObjectNode shown = (ObjectNode) json.readTree(send(HttpMethod.GET, path, "mofa.focal", null).getBody());
        ResponseEntity<String> moved = send(HttpMethod.PUT, path, "mofa.focal",
                shown.deepCopy().put("due", "2028-01-31T17:00:00.000+0700").toString());
        assertThat(moved.getStatusCode().value()).as("MOFA moves its deadline: " + moved.getBody()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(plan.getId()).singleResult().getDueDate()).isAfter(plan.getDueDate());
    }

    private void approvePlan(ProcessInstance pi) {
        Task plan = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(send(HttpMethod.POST, "/engine-rest/task/" + plan.getId() + "/complete", "mps.focal",
                "{\"variables\": {" + PLAN + "}}").getStatusCode().value()).isEqualTo(204);
        Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(send(HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/complete", "mofa.focal",
                "{\"variables\": {\"approved\": {\"value\": \"true\"}}}").getStatusCode().value()).isEqualTo(204);
    }

    private void requestReport(ProcessInstance pi) {
        runtime.createMessageCorrelation(MESSAGE_REPORT_REQUESTED).processInstanceId(pi.getId())
                .setVariables(Map.of(VAR_ROUND_ID, "round-" + pi.getBusinessKey(), VAR_ROUND_NAME, "Giữa kỳ",
                        VAR_AGENCY_DEADLINE, "2027-03-15", VAR_REPORT_DEADLINE, "2027-03-31"))
                .correlate();
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String user, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user.equals("admin") ? "Quantri-2026" : "demo").exchange(path, method,
                new HttpEntity<>(body, headers), String.class);
    }

    /** A browser session in Tasklist: the webapps' login, its session cookie and CSRF token. */
    record Tasklist(HttpClient client, int port, String cookies, String csrf) {

        static Tasklist login(int port, String user) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
            String cookies = cookies(page, "");
            String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                    .header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("login " + login.body()).isEqualTo(200);
            cookies = cookies(login, cookies);
            // the login starts a new session with a new CSRF token, handed out on the next page
            HttpResponse<String> after = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/camunda/app/tasklist/default/")).header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
            return new Tasklist(client, port, cookies(after, cookies), after.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
        }

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("Cookie", cookies).header("X-XSRF-TOKEN", csrf)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String cookies(HttpResponse<?> response, String before) {
            var jar = new java.util.LinkedHashMap<String, String>();
            for (String c : before.isEmpty() ? new String[0] : before.split("; ")) {
                jar.put(c.substring(0, c.indexOf('=')), c);
            }
            for (String header : response.headers().allValues("Set-Cookie")) {
                String cookie = header.split(";", 2)[0];
                jar.put(cookie.substring(0, cookie.indexOf('=')), cookie);
            }
            return String.join("; ", jar.values());
        }
    }
}
