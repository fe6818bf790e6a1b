package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.jdbc.core.JdbcTemplate;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.notification.MailKind;
import vn.gov.mofa.upr.notification.MailLanguage;
import vn.gov.mofa.upr.notification.MailOutbox;
import vn.gov.mofa.upr.notification.Recipient;
import vn.gov.mofa.upr.notification.RenderedMail;

/**
 * For every pair of agencies (A, B), A's focal point tries to list, read, claim and complete B's task and read B's
 * instance and variables, through the engine's REST API and the application's API. Every attempt must be refused
 * or empty; MOFA's must succeed.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    static final int CYCLE = 71;

    @Autowired TestRestTemplate http;
    @Autowired RecommendationImport imports;
    @Autowired AgencyDirectory agencies;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired MailOutbox outbox;
    @Autowired JdbcTemplate jdbc;

    /** agency code -> its PreparePlan task */
    final Map<String, Task> taskOf = new java.util.LinkedHashMap<>();
    /** agency code -> the download address of the evidence file its focal point attached to its plan */
    final Map<String, String> evidenceOf = new java.util.HashMap<>();

    @BeforeAll
    void oneRecommendationLedByEachAgency() {
        var csv = new StringBuilder("number,text,recommending_states,response,cycle,task_group,lead_agency,plan_due_date\n");
        int n = 1;
        for (Agency agency : agencies.all()) {
            csv.append("M.").append(n++).append(",Recommendation led by ").append(agency.code())
                    .append(",France,Supported,").append(CYCLE).append(",1,").append(agency.code()).append(",31/12/2027\n");
        }
        assertThat(imports.importFile("matrix.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal").errors()).isEmpty();
        Recommendations.continueStarts(management);
        for (Agency agency : agencies.all()) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKeyLike("UPR" + CYCLE + "-%").taskCandidateGroup(agency.code())
                    .singleResult();
            assertThat(task).as("task of " + agency.code()).isNotNull();
            taskOf.put(agency.code(), task);
        }
        int n2 = 1;
        for (Agency agency : agencies.all()) {
            String number = "M." + n2++;
            ResponseEntity<String> uploaded = new Attempt("evidence", HttpMethod.POST, "/api/recommendations/" + CYCLE + "/" + number
                    + "/evidence", upload(taskOf.get(agency.code())), false, UPLOAD).run(http, agency.code() + ".focal");
            assertThat(uploaded.getStatusCode().value()).as(agency.code() + " " + uploaded.getBody()).isEqualTo(201);
            String id = uploaded.getBody().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
            evidenceOf.put(agency.code(), "/recommendations/" + CYCLE + "/" + number + "/evidence/" + id);
        }
    }

    static final String UPLOAD = "multipart/form-data; boundary=matrix";

    /** A small PDF for the task, as the case page's form sends it. */
    static String upload(Task task) {
        return "--matrix\r\nContent-Disposition: form-data; name=\"task\"\r\n\r\n" + task.getId()
                + "\r\n--matrix\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 matrix\r\n--matrix--\r\n";
    }

    @Test
    void noAgencyReachesAnotherAgencysWork() {
        List<String> leaks = java.util.Collections.synchronizedList(new ArrayList<>());
        var attempts = new java.util.concurrent.atomic.AtomicInteger();
        var pairs = new ArrayList<String[]>();
        for (String a : taskOf.keySet()) {
            for (String b : taskOf.keySet()) {
                if (!a.equals(Agency.MOFA) && !a.equals(b)) {
                    pairs.add(new String[] {a, b});
                }
            }
        }
        // the pairs are independent: run them side by side to keep the suite short
        pairs.parallelStream().forEach(pair -> {
            for (Attempt attempt : attemptsOn(taskOf.get(pair[1]), pair[1])) {
                attempts.incrementAndGet();
                ResponseEntity<String> response = attempt.run(http, pair[0] + ".focal");
                if (attempt.leaked(response)) {
                    leaks.add(pair[0] + " -> " + pair[1] + ": " + attempt.name() + " answered "
                            + response.getStatusCode().value() + " " + response.getBody());
                }
            }
        });
        System.out.printf("authorization matrix: %d agency pairs, %d attempts, %d leaks%n", pairs.size(), attempts.get(),
                leaks.size());
        assertThat(leaks).isEmpty();
    }

    @Test
    void anAgencyReadsItsOwnCaseAndItsEvidence() {
        String own = evidenceOf.get("mps");
        assertThat(get(own.substring(0, own.indexOf("/evidence")), "mps.focal").getBody()).contains("Recommendation led by mps",
                "matrix.pdf");
        assertThat(get(own, "mps.lead").getBody()).isEqualTo("%PDF-1.4 matrix");
    }

    @Test
    void anAgencyWorksOnItsOwnTask() {
        Task own = taskOf.get("mps");
        assertThat(get("/engine-rest/task?maxResults=50&candidateGroup=mps&processInstanceId=" + own.getProcessInstanceId(),
                "mps.focal").getBody())
                .contains(own.getId());
        assertThat(get("/engine-rest/task/" + own.getId() + "/variables", "mps.focal").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/engine-rest/process-instance/" + own.getProcessInstanceId(), "mps.focal").getStatusCode().value()).isEqualTo(200);
        assertThat(send(HttpMethod.POST, "/engine-rest/task/" + own.getId() + "/claim", "mps.focal", "{\"userId\":\"mps.focal\"}")
                .getStatusCode().value()).isEqualTo(204);
        tasks.setAssignee(own.getId(), null);
        String number = "M." + (new ArrayList<>(taskOf.keySet()).indexOf("mps") + 1);
        String list = get("/recommendations?cycle=" + CYCLE, "mps.focal").getBody();
        assertThat(java.util.regex.Pattern.compile("data-number=\"([^\"]+)\"").matcher(list).results().map(m -> m.group(1)))
                .containsExactly(number);
    }

    @Test
    void mofaSeesEveryAgencysWork() {
        for (Map.Entry<String, Task> entry : taskOf.entrySet()) {
            Task task = entry.getValue();
            assertThat(get("/engine-rest/task/" + task.getId(), "mofa.focal").getStatusCode().value()).isEqualTo(200);
            assertThat(get("/engine-rest/task/" + task.getId() + "/variables", "mofa.focal").getStatusCode().value()).isEqualTo(200);
            assertThat(get("/engine-rest/process-instance/" + task.getProcessInstanceId(), "mofa.focal").getStatusCode().value())
                    .isEqualTo(200);
        }
        assertThat(get("/api/recommendations?cycle=" + CYCLE + "&size=100", "mofa.focal").getBody())
                .contains("\"totalElements\":" + taskOf.size());
    }

    @Test
    void theCyclesEnglishMatrixHoldsOnlyTheReadersAgencysRows() throws Exception {
        for (String agency : taskOf.keySet()) {
            byte[] xlsx = http.withBasicAuth(agency + ".focal", "demo").getForObject("/api/cycles/" + CYCLE + "/matrix.xlsx", byte[].class);
            String text;
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
                    var extractor = new org.apache.poi.xssf.extractor.XSSFExcelExtractor(workbook)) {
                text = extractor.getText();
            }
            assertThat(text).as(agency).contains("Recommendation led by " + agency + "\t");
            assertThat(text.split("Recommendation led by ", -1)).as(agency + " sees its rows only (MOFA: every agency's)")
                    .hasSize(agency.equals(Agency.MOFA) ? taskOf.size() + 1 : 2);
        }
        assertThat(http.withBasicAuth("mps.focal", "demo").getForEntity("/api/report-editions/1/report.docx", String.class)
                .getBody()).as("an agency never gets a kept edition (every agency's work)").contains("Chỉ Bộ Ngoại giao");
    }

    @Test
    void eachDashboardCountsWhatItsReaderMaySee() {
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        for (String agency : taskOf.keySet()) {
            int own = agency.equals(Agency.MOFA) ? taskOf.size() : 1;
            expected.put(agency + ".focal", own);
        }
        // leaders read as their agency (not sbv.lead: wrongPasswordIsRefused delays that user's logins)
        expected.put("mps.lead", 1);
        expected.put("mofa.lead", taskOf.size());
        expected.put("admin", taskOf.size());
        expected.forEach((user, count) -> {
            var answer = http.withBasicAuth(user, user.equals("admin") ? "Quantri-2026" : "demo")
                    .getForEntity("/api/dashboard?cycle=" + CYCLE, String.class);
            assertThat(answer.getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(answer.getBody()).as(user).contains("\"label\":\"Khuyến nghị đang theo dõi\",\"count\":" + count + ",");
        });
        assertThat(http.getForEntity("/dashboard?cycle=" + CYCLE, String.class).getBody()).as("anonymous: the login page")
                .doesNotContain("Khuyến nghị đang theo dõi");
    }

    @Test
    void anonymousRequestsAreRefused() {
        for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/task",
                "/engine-rest/user", "/api/recommendations", "/api/recommendations/71/M.1", "/api/notifications",
                "/api/reporting-rounds", "/api/dashboard", "/api/imports/template.xlsx", "/api/imports/template.csv",
                "/api/reporting-rounds/all", "/api/reporting-rounds/preview", "/api/cycles/71/matrix.docx", "/api/cycles/71/matrix.xlsx",
                "/api/report-editions/1/report.docx", "/api/report-editions/1/report.xlsx", "/api/agencies/mps/progress",
                "/api/agencies/mps/groups", "/api/agencies/mps/plan.docx", "/api/agencies/mps/plan.xlsx", "/api/agencies/mps/units",
                "/api/agencies/mps/units/template.csv")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/recommendations/71/M.1", evidenceOf.get("mps"), "/rounds", "/agencies/mps/progress",
                "/agencies/mps/groups", "/agency-units")) {
            assertThat(http.getForEntity(path, String.class).getBody()).as("the login page, not " + path)
                    .doesNotContain("Recommendation led by", "%PDF");
        }
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.parseMediaType(UPLOAD));
        assertThat(http.exchange("/api/recommendations/71/M.1/evidence", HttpMethod.POST,
                new HttpEntity<>(upload(taskOf.get("mps")), multipart), String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.postForEntity("/api/imports", null, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.postForEntity("/api/recommendations/assignments", null, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.postForEntity("/api/agencies/mps/tags.csv", "so,nhom\n", String.class).getStatusCode().value()).isEqualTo(401);
        for (String path : List.of("/api/agencies/mps/groups/matrix", "/api/agencies/mps/tags")) {
            assertThat(http.exchange(path, HttpMethod.PUT, new HttpEntity<>("{}", json()), String.class).getStatusCode().value())
                    .as(path).isEqualTo(401);
        }
        assertThat(http.exchange("/api/agencies/mps/groups/matrix", HttpMethod.DELETE, null, String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(http.postForEntity("/api/agencies/mps/units", null, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.exchange("/api/agencies/mps/units/v03", HttpMethod.DELETE, null, String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    /**
     * Every agency's focal point tries to list, make, rename and remove another agency's units and to take a person
     * out of one; every leader tries it on their own agency's. All refused (MOFA's officers too: MOFA manages its own
     * units only), and MPS's demo unit is still there.
     */
    @Test
    void noAgencyManagesAnotherAgencysUnitsAndNoLeaderTheirOwn() {
        List<String> leaks = java.util.Collections.synchronizedList(new ArrayList<>());
        var tries = new ArrayList<String[]>();
        for (String a : taskOf.keySet()) {
            for (String b : taskOf.keySet()) {
                if (!a.equals(b)) {
                    tries.add(new String[] {a + ".focal", b});
                }
            }
            if (!a.equals("sbv")) { // sbv.lead: wrongPasswordIsRefused delays that user's logins
                tries.add(new String[] {a + ".lead", a});
            }
        }
        tries.parallelStream().forEach(attempt -> {
            String units = "/api/agencies/" + attempt[1] + "/units";
            for (Attempt request : List.of(
                    new Attempt("list units", HttpMethod.GET, units, null, false),
                    new Attempt("make a unit", HttpMethod.POST, units, "{\"code\":\"matrix\",\"name\":\"Ma trận\"}", false),
                    new Attempt("rename a unit", HttpMethod.PUT, units + "/v03", "{\"name\":\"Ma trận\"}", false),
                    new Attempt("remove a unit", HttpMethod.DELETE, units + "/v03", null, false),
                    new Attempt("remove a person", HttpMethod.DELETE, units + "/v03/people/mps.v03.focal", null, false),
                    new Attempt("import units", HttpMethod.POST, units + "/import", "--matrix\r\nContent-Disposition: form-data;"
                            + " name=\"file\"; filename=\"u.csv\"\r\n\r\nma_don_vi,ten_don_vi,ten_dang_nhap,ho_ten,email\r\n"
                            + "matrix,Ma trận,,,\r\n--matrix--\r\n", false, UPLOAD))) {
                ResponseEntity<String> response = request.run(http, attempt[0]);
                if (response.getStatusCode().value() != 403 || !response.getBody().contains("Chỉ đầu mối của cơ quan")) {
                    leaks.add(attempt[0] + " -> " + attempt[1] + ": " + request.name() + " answered "
                            + response.getStatusCode().value() + " " + response.getBody());
                }
            }
        });
        assertThat(leaks).isEmpty();
        assertThat(get("/api/agencies/mps/units", "mps.focal").getBody()).contains("\"groupId\":\"mps.v03\"", "mps.v03.focal")
                .doesNotContain("Ma trận");
    }

    /** An agency's own progress, groups and plan: its focal point and leader, and MOFA, read them; only the focal point changes them. */
    @Test
    void anAgencysOwnViewsAreItsFocalPointsLeadersAndMofas() {
        for (String user : List.of("mps.focal", "mps.lead", "mofa.focal", "mofa.lead")) {
            for (String path : List.of("/api/agencies/mps/progress?cycle=" + CYCLE, "/agencies/mps/progress?cycle=" + CYCLE,
                    "/api/agencies/mps/groups", "/agencies/mps/groups", "/api/agencies/mps/plan.docx?cycle=" + CYCLE,
                    "/api/agencies/mps/plan.xlsx?cycle=" + CYCLE)) {
                assertThat(get(path, user).getStatusCode().value()).as(user + " " + path).isEqualTo(200);
            }
        }
        String tag = "{\"group\":null,\"items\":[{\"cycle\":" + CYCLE + ",\"number\":\"M."
                + (new ArrayList<>(taskOf.keySet()).indexOf("mps") + 1) + "\"}]}";
        assertThat(send(HttpMethod.PUT, "/api/agencies/mps/tags", "mps.focal", tag).getStatusCode().value()).isEqualTo(200);
        for (String user : List.of("mps.lead", "mofa.focal", "mofa.lead")) {
            ResponseEntity<String> refused = send(HttpMethod.PUT, "/api/agencies/mps/tags", user, tag);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getBody()).as(user).contains("Chỉ đầu mối của Bộ Công an");
        }
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    @Test
    void onlyMofaOfficersAndAdministratorsDownloadTheAnnexTemplates() {
        for (String path : List.of("/api/imports/template.xlsx", "/api/imports/template.csv")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as(path + " anonymous").isEqualTo(401);
            for (String user : List.of("mps.focal", "mps.lead", "ppc.focal", "mofa.lead")) {
                ResponseEntity<String> refused = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
                assertThat(refused.getStatusCode().value()).as(path + " " + user).isEqualTo(403);
                assertThat(refused.getBody()).as(path + " " + user).contains("Chỉ Bộ Ngoại giao");
            }
            assertThat(http.withBasicAuth("mofa.focal", "demo").getForEntity(path, byte[].class).getStatusCode().value())
                    .as(path + " MOFA officer").isEqualTo(200);
            assertThat(http.withBasicAuth("admin", "Quantri-2026").getForEntity(path, byte[].class).getStatusCode().value())
                    .as(path + " administrator").isEqualTo(200);
        }
    }

    /**
     * The outbox holds every agency's mail: only MOFA's officers and the administrators search it (page and API,
     * whatever the filters) and resend a failed mail; a refused resend leaves the mail as it was.
     */
    @Test
    void onlyMofaOfficersAndAdministratorsSearchTheOutboxAndResendMail() {
        long id = outbox.enqueue(MailKind.REMINDER, new Recipient("quyen-1", "Người nhận", "quyen-1@hop-thu.example.vn",
                MailLanguage.VI, false), new RenderedMail("Thư quyền hạn", "Nội dung", null), "matrix-outbox", null);
        jdbc.update("update outbox_mail set status = 'FAILED' where id = ?", id);
        List<String> reads = List.of("/notifications?status=FAILED&to=quyen-", "/api/notifications?status=FAILED&to=quyen-&kind=reminder");
        String resend = "/api/notifications/" + id + "/resend";

        for (String user : List.of("mps.focal", "mps.lead", "ppc.focal", "mofa.lead")) {
            for (String path : reads) {
                ResponseEntity<String> refused = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
                assertThat(refused.getStatusCode().value()).as(path + " " + user).isEqualTo(403);
                assertThat(refused.getBody()).as(path + " " + user).contains("Chỉ Bộ Ngoại giao xem được hộp thư đi")
                        .doesNotContain("Thư quyền hạn");
            }
            ResponseEntity<String> refused = http.withBasicAuth(user, "demo").postForEntity(resend, null, String.class);
            assertThat(refused.getStatusCode().value()).as("resend " + user).isEqualTo(403);
            assertThat(statusOf(id)).as("resend " + user).isEqualTo("FAILED");
        }
        assertThat(http.getForEntity(reads.get(1), String.class).getStatusCode().value()).as("anonymous").isEqualTo(401);
        assertThat(http.getForEntity(reads.get(0), String.class).getBody()).as("anonymous: the login page")
                .doesNotContain("Thư quyền hạn");
        assertThat(http.postForEntity(resend, null, String.class).getStatusCode().value()).as("anonymous").isEqualTo(401);
        assertThat(statusOf(id)).isEqualTo("FAILED");

        for (String[] allowed : new String[][] {{"mofa.focal", "demo"}, {"admin", "Quantri-2026"}}) {
            for (String path : reads) {
                ResponseEntity<String> found = http.withBasicAuth(allowed[0], allowed[1]).getForEntity(path, String.class);
                assertThat(found.getStatusCode().value()).as(path + " " + allowed[0]).isEqualTo(200);
                assertThat(found.getBody()).as(path + " " + allowed[0]).contains("Thư quyền hạn");
            }
            assertThat(http.withBasicAuth(allowed[0], allowed[1]).postForEntity(resend, null, String.class).getStatusCode()
                    .value()).as("resend " + allowed[0]).isEqualTo(200);
            assertThat(statusOf(id)).isEqualTo("PENDING");
            jdbc.update("update outbox_mail set status = 'FAILED' where id = ?", id);
        }
    }

    private String statusOf(long mail) {
        return jdbc.queryForObject("select status from outbox_mail where id = ?", String.class, mail);
    }

    @Test
    void wrongPasswordIsRefused() {
        // a user no other test logs in as: a wrong password delays that user's next login
        assertThat(http.withBasicAuth("sbv.lead", "wrong").getForEntity("/api/recommendations", String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("sbv.lead", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    private List<Attempt> attemptsOn(Task task, String agency) {
        String number = "M." + (new ArrayList<>(taskOf.keySet()).indexOf(agency) + 1);
        return List.of(
                new Attempt("list tasks of B's group", HttpMethod.GET,
                        "/engine-rest/task?maxResults=50&candidateGroup=" + agency, null, true),
                new Attempt("read task", HttpMethod.GET, "/engine-rest/task/" + task.getId(), null, false),
                new Attempt("read task variables", HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/variables", null, false),
                new Attempt("claim task", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"x\"}", false),
                new Attempt("complete task", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", "{}", false),
                new Attempt("read instance", HttpMethod.GET, "/engine-rest/process-instance/" + task.getProcessInstanceId(), null, false),
                new Attempt("read instance variables", HttpMethod.GET,
                        "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables", null, false),
                new Attempt("history of B's instance", HttpMethod.GET,
                        "/engine-rest/history/task?maxResults=50&processInstanceId=" + task.getProcessInstanceId(), null, true),
                new Attempt("registry entry", HttpMethod.GET, "/api/recommendations/" + CYCLE + "/" + number, null, false),
                new Attempt("registry by agency", HttpMethod.GET, "/api/recommendations?cycle=" + CYCLE + "&agency=" + agency, null, true),
                new Attempt("list page by lead agency", HttpMethod.GET, "/recommendations?cycle=" + CYCLE + "&lead=" + agency, null, true),
                new Attempt("list page by number", HttpMethod.GET, "/recommendations?q=UPR" + CYCLE + "-" + number, null, true),
                new Attempt("export by lead agency", HttpMethod.GET, "/recommendations/export.csv?cycle=" + CYCLE + "&lead=" + agency,
                        null, true),
                new Attempt("bulk-assign B's", HttpMethod.POST, "/api/recommendations/assignments",
                        "{\"items\":[{\"cycle\":" + CYCLE + ",\"number\":\"" + number + "\"}],\"leadAgency\":\"mofa\",\"taskGroup\":\"1\"}",
                        false),
                new Attempt("case page", HttpMethod.GET, "/recommendations/" + CYCLE + "/" + number, null, false),
                new Attempt("evidence upload", HttpMethod.POST, "/api/recommendations/" + CYCLE + "/" + number + "/evidence",
                        upload(task), false, UPLOAD),
                new Attempt("evidence download", HttpMethod.GET, evidenceOf.get(agency), null, false),
                new Attempt("B's progress view", HttpMethod.GET, "/api/agencies/" + agency + "/progress", null, false),
                new Attempt("B's progress page", HttpMethod.GET, "/agencies/" + agency + "/progress", null, false),
                new Attempt("B's internal groups", HttpMethod.GET, "/api/agencies/" + agency + "/groups", null, false),
                new Attempt("B's internal groups page", HttpMethod.GET, "/agencies/" + agency + "/groups", null, false),
                new Attempt("B's own plan (Word)", HttpMethod.GET, "/api/agencies/" + agency + "/plan.docx?cycle=" + CYCLE, null, false),
                new Attempt("B's own plan (Excel)", HttpMethod.GET, "/api/agencies/" + agency + "/plan.xlsx?cycle=" + CYCLE, null, false),
                new Attempt("add a group to B", HttpMethod.PUT, "/api/agencies/" + agency + "/groups/matrix", "{\"name\":\"Nhóm\"}", false),
                new Attempt("remove B's group", HttpMethod.DELETE, "/api/agencies/" + agency + "/groups/matrix", null, false),
                new Attempt("tag B's recommendation", HttpMethod.PUT, "/api/agencies/" + agency + "/tags",
                        "{\"group\":null,\"items\":[{\"cycle\":" + CYCLE + ",\"number\":\"" + number + "\"}]}", false),
                new Attempt("tag B's recommendation from a CSV file", HttpMethod.POST, "/api/agencies/" + agency + "/tags.csv",
                        "so,nhom,chu_ky\n" + number + ",," + CYCLE + "\n", false, "text/csv"));
    }

    /** One request of A against B's work; {@code listing} ones must answer an empty list, the others must refuse. */
    record Attempt(String name, HttpMethod method, String path, String body, boolean listing, String contentType) {

        Attempt(String name, HttpMethod method, String path, String body, boolean listing) {
            this(name, method, path, body, listing, MediaType.APPLICATION_JSON_VALUE);
        }

        ResponseEntity<String> run(TestRestTemplate http, String user) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType(contentType));
            return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
        }

        boolean leaked(ResponseEntity<String> response) {
            if (!response.getStatusCode().is2xxSuccessful()) {
                return false;
            }
            String text = response.getBody() == null ? "" : response.getBody().replaceAll("\\s", "");
            // an empty list: JSON, the list page's empty table, or an export with its header line only
            return !listing || !(text.equals("[]") || text.contains("\"content\":[]") || text.contains("Khôngcókhuyếnnghịnàokhớp")
                    || text.startsWith("\uFEFFSốkhuyếnnghị") && text.endsWith("Nhómđốitượng"));
        }
    }

    private ResponseEntity<String> get(String path, String user) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String user, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

}
