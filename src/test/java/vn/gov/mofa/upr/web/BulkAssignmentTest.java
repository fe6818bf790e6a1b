package vn.gov.mofa.upr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
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
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationAudit;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * MOFA assigns many imported recommendations in one step from the list: each goes through the assign-agencies
 * form's checks and the engine as the officer, lands in its audit trail, and a refusal names its reason. Nobody else
 * can do it, and a page of another site cannot make a logged-in officer do it.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkAssignmentTest {

    static final int CYCLE = 85;
    static final String PATH = "/api/recommendations/assignments";

    @Autowired TestRestTemplate http;
    @Autowired RecommendationImport imports;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired RecommendationRegistry registry;
    @Autowired RecommendationAudit audit;
    @Autowired ObjectMapper json;

    @BeforeAll
    void unassignedRecommendations() {
        var csv = new StringBuilder("number,text,recommending_states,response,cycle,plan_due_date\n");
        // the decision table suggests the Ministry of Public Security (torture, detention), task group 3
        for (int i = 1; i <= 20; i++) {
            csv.append("20.").append(i).append(",Prevent torture in places of detention ").append(i).append(",Norway,Supported,85,31/12/2030\n");
        }
        // nothing in the table: no agency suggested
        csv.append("21.1,Expand access to clean water,Peru,Supported,85,31/12/2030\n");
        for (int i = 1; i <= 8; i++) {
            csv.append("22.").append(i).append(",Improve rural roads ").append(i).append(",Peru,Supported,85,31/12/2030\n");
        }
        assertThat(imports.importFile("bulk.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal").errors())
                .isEmpty();
        Recommendations.continueStarts(management);
    }

    @Test
    void twentyAcceptedAsSuggestedInOneStepAndOneRefusedWithItsReason() throws Exception {
        List<String> numbers = new ArrayList<>(IntStream.rangeClosed(1, 20).mapToObj(i -> "20." + i).toList());
        numbers.add(10, "21.1");
        ResponseEntity<String> answer = post("mofa.focal", body(numbers, ""));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode result = json.readTree(answer.getBody());
        assertThat(result.path("done").asInt()).isEqualTo(20);
        assertThat(result.path("refused").asInt()).isEqualTo(1);
        JsonNode refused = result.path("outcomes").get(10);
        assertThat(refused.path("number").asText()).isEqualTo("21.1");
        assertThat(refused.path("done").asBoolean()).isFalse();
        assertThat(refused.path("message").asText()).isEqualTo("Cần điền 'Cơ quan chủ trì'.");
        assertThat(waitsForAssignment("21.1")).as("the refused one still waits").isTrue();

        for (int i = 1; i <= 20; i++) {
            Recommendation r = registry.find(CYCLE, "20." + i).orElseThrow();
            assertThat(r.leadAgency()).isEqualTo("mps");
            assertThat(r.coordinatingAgencies()).containsExactly("moj", "spp");
            assertThat(r.taskGroup()).isEqualTo("3");
            assertThat(r.assignmentConfirmed()).isTrue();
            assertThat(waitsForAssignment("20." + i)).isFalse();
            assertThat(tasks.createTaskQuery().processInstanceId(r.processInstanceId())
                    .taskDefinitionKey(RecommendationProcess.PREPARE_PLAN).taskCandidateGroup("mps").count()).isEqualTo(1);
            assertThat(audit.of(r.processInstanceId())).singleElement().satisfies(decision -> {
                assertThat(decision.user()).isEqualTo("mofa.focal");
                assertThat(decision.decision()).startsWith("Chủ trì: Bộ Công an; phối hợp: Bộ Tư pháp, ").contains("hạn kế hoạch 31/12/2030");
            });
        }
        // done is done: a second time, each is refused, nothing changes
        JsonNode again = json.readTree(post("mofa.focal", body(List.of("20.1"), "")).getBody());
        assertThat(again.path("outcomes").get(0).path("message").asText()).isEqualTo("Khuyến nghị không còn chờ phân công.");
        assertThat(audit.of(registry.find(CYCLE, "20.1").orElseThrow().processInstanceId())).hasSize(1);
    }

    @Test
    void theSameAgenciesForAllGoThroughTheFormsChecks() throws Exception {
        JsonNode done = json.readTree(post("mofa.focal", body(List.of("22.1", "22.2"),
                ",\"leadAgency\":\"moh\",\"coordinatingAgencies\":[\"moj\"],\"taskGroup\":\"2\",\"planDueDate\":\"30/06/2031\"")).getBody());
        assertThat(done.path("done").asInt()).isEqualTo(2);
        Recommendation r = registry.find(CYCLE, "22.2").orElseThrow();
        assertThat(r.leadAgency()).isEqualTo("moh");
        assertThat(r.coordinatingAgencies()).containsExactly("moj");
        assertThat(r.planDueDate()).hasToString("2031-06-30");

        // the form's own rules: an agency it does not offer, a date not in its format
        JsonNode unknown = json.readTree(post("mofa.focal", body(List.of("22.3"),
                ",\"leadAgency\":\"cia\",\"taskGroup\":\"2\"")).getBody());
        assertThat(unknown.path("outcomes").get(0).path("message").asText()).contains("Cơ quan chủ trì").contains("'cia'");
        JsonNode badDate = json.readTree(post("mofa.focal", body(List.of("22.3"),
                ",\"leadAgency\":\"moh\",\"taskGroup\":\"2\",\"planDueDate\":\"2031-06-30\"")).getBody());
        assertThat(badDate.path("outcomes").get(0).path("message").asText()).contains("ngày/tháng/năm");
        JsonNode noSuch = json.readTree(post("mofa.focal", body(List.of("99.99"), "")).getBody());
        assertThat(noSuch.path("outcomes").get(0).path("message").asText()).isEqualTo("Không có khuyến nghị 99.99 trong chu kỳ 85.");
        assertThat(waitsForAssignment("22.3")).isTrue();
    }

    @Test
    void aTaskAnotherOfficerHasClaimedIsLeftToThem() throws Exception {
        String task = assignTask("22.4");
        tasks.claim(task, "admin");
        try {
            JsonNode answer = json.readTree(post("mofa.focal", body(List.of("22.4"), "")).getBody());
            assertThat(answer.path("outcomes").get(0).path("message").asText()).contains("admin");
            assertThat(waitsForAssignment("22.4")).isTrue();
        } finally {
            tasks.setAssignee(task, null);
        }
    }

    @Test
    void onlyMofaOfficersAndTheAdministratorAssign() throws Exception {
        for (String user : List.of("mps.focal", "mps.lead", "moh.focal", "mofa.lead")) {
            ResponseEntity<String> refused = post(user, body(List.of("22.5"), ",\"leadAgency\":\"mps\",\"taskGroup\":\"3\""));
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getBody()).as(user).contains("Chỉ Bộ Ngoại giao (cán bộ theo dõi) được phân công");
        }
        assertThat(waitsForAssignment("22.5")).isTrue();
        HttpHeaders jsonType = new HttpHeaders();
        jsonType.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.postForEntity(PATH, new HttpEntity<>(body(List.of("22.5"), ""), jsonType), String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(waitsForAssignment("22.5")).isTrue();

        ResponseEntity<String> admin = http.withBasicAuth("admin", "Quantri-2026").exchange(PATH, HttpMethod.POST,
                new HttpEntity<>(body(List.of("22.5"), ",\"leadAgency\":\"mps\",\"taskGroup\":\"3\""), jsonType), String.class);
        assertThat(json.readTree(admin.getBody()).path("done").asInt()).as(admin.getBody()).isEqualTo(1);

        assertThat(post("mofa.focal", "{\"items\":[]}").getBody()).contains("Chưa chọn khuyến nghị nào");
        String tooMany = IntStream.rangeClosed(1, 201).mapToObj(i -> "{\"cycle\":85,\"number\":\"x" + i + "\"}")
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));
        assertThat(post("mofa.focal", tooMany).getBody()).contains("tối đa 200");
    }

    @Test
    void theListPageAssignsWithItsSessionAndTokenOnly() throws Exception {
        HttpHeaders session = loggedIn("mofa.focal");
        String page = http.exchange("/recommendations?cycle=85&step=assignment", HttpMethod.GET, new HttpEntity<>(session), String.class)
                .getBody();
        assertThat(RecommendationListTest.numbers(page)).isEmpty(); // another cycle's filter; this test's rows:
        page = http.exchange("/recommendations?q=UPR85-22.6", HttpMethod.GET, new HttpEntity<>(session), String.class).getBody();
        assertThat(page).contains("data-number=\"22.6\"").contains("class=\"pick\"");
        Matcher token = Pattern.compile("name=\"upr-csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();

        HttpHeaders withoutToken = new HttpHeaders();
        withoutToken.addAll(session);
        withoutToken.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> refused = http.exchange(PATH, HttpMethod.POST, new HttpEntity<>(body(List.of("22.6"),
                ",\"leadAgency\":\"mps\",\"taskGroup\":\"3\""), withoutToken), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("mã CSRF");
        assertThat(waitsForAssignment("22.6")).isTrue();

        HttpHeaders fromThePage = new HttpHeaders();
        fromThePage.addAll(withoutToken);
        fromThePage.add(ApiAuthenticationFilter.CSRF_HEADER, token.group(1));
        ResponseEntity<String> done = http.exchange(PATH, HttpMethod.POST, new HttpEntity<>(body(List.of("22.6"),
                ",\"leadAgency\":\"mps\",\"taskGroup\":\"3\""), fromThePage), String.class);
        assertThat(json.readTree(done.getBody()).path("done").asInt()).as(done.getBody()).isEqualTo(1);
        assertThat(waitsForAssignment("22.6")).isFalse();
    }

    private boolean waitsForAssignment(String number) {
        return registry.find(CYCLE, number).map(r -> tasks.createTaskQuery().processInstanceId(r.processInstanceId())
                .taskDefinitionKey(RecommendationProcess.ASSIGN_AGENCIES).count() == 1).orElseThrow();
    }

    private String assignTask(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(RecommendationProcess.businessKey(CYCLE, number))
                .taskDefinitionKey(RecommendationProcess.ASSIGN_AGENCIES).singleResult().getId();
    }

    private static String body(List<String> numbers, String choice) {
        return numbers.stream().map(n -> "{\"cycle\":" + CYCLE + ",\"number\":\"" + n + "\"}")
                .collect(Collectors.joining(",", "{\"items\":[", "]" + choice + "}"));
    }

    private ResponseEntity<String> post(String user, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(PATH, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    /** Logs in through the Camunda login as a browser does; returns the session cookie to send along. */
    private HttpHeaders loggedIn(String user) {
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = new ArrayList<>(tasklist.getHeaders().get(HttpHeaders.SET_COOKIE));
        HttpHeaders login = new HttpHeaders();
        login.add(HttpHeaders.COOKIE, String.join("; ", cookies.stream().map(c -> c.split(";", 2)[0]).toList()));
        login.add("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"));
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>("username=" + user + "&password=demo", login), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        if (answer.getHeaders().get(HttpHeaders.SET_COOKIE) != null) {
            cookies.addAll(answer.getHeaders().get(HttpHeaders.SET_COOKIE));
        }
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, "SESSION=" + cookie(cookies, "SESSION"));
        return session;
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).reduce((first, second) -> second).orElseThrow()
                .substring(name.length() + 1).split(";", 2)[0];
    }
}
