package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * A page on another site cannot make a browser change anything with the logins it holds: browsers are never asked for
 * a password (so they keep none), and changes sent from another origin are refused. Scripts and the application's own
 * pages go on working. Every page tells the browser to stay out of frames and run only the application's own files.
 */
@ApplicationTest
class CrossOriginTest {

    static final int CYCLE = 63;
    static final String EVIL = "http://evil.example";
    static final String REFUSAL = "trang web khác";

    @Autowired TestRestTemplate http;
    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @LocalServerPort int port;

    private static int numbers;

    @Test
    void browsersAreNeverAskedForAPassword() {
        for (String path : List.of("/api/imports", "/api/recommendations", "/engine-rest/task", "/engine-rest/process-instance")) {
            ResponseEntity<String> anonymous = http.getForEntity(path, String.class);
            assertThat(anonymous.getStatusCode().value()).as(path).isEqualTo(401);
            assertThat(anonymous.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as(path).isNull();
        }
        // a user that does not exist: after a wrong password Camunda holds back the user's next logins for a while
        ResponseEntity<String> wrongPassword = http.withBasicAuth("no.such.user", "wrong").getForEntity("/api/imports", String.class);
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
        assertThat(wrongPassword.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(wrongPassword.getBody()).contains("Cần đăng nhập");
    }

    @Test
    void aPageOnAnotherSiteCannotImportWithMofasPassword() {
        for (HttpHeaders browser : List.of(origin(EVIL), origin("null"), origin("http://localhost:" + (port + 1)),
                origin("https://localhost:" + port), fetchSite("cross-site"), fetchSite("same-site"))) {
            String number = nextNumber();
            ResponseEntity<String> answer = importAs("mofa.focal", number, browser);
            assertThat(answer.getStatusCode().value()).as("%s", browser).isEqualTo(403);
            assertThat(answer.getBody()).as("%s", browser).contains(REFUSAL);
            assertThat(found(number)).as("%s imported nothing", browser).isZero();
        }
    }

    @Test
    void aPageOnAnotherSiteCannotClaimATaskWithAnAgencysPassword() {
        Task task = taskOfMps();
        for (HttpHeaders browser : List.of(origin(EVIL), fetchSite("same-site"))) {
            ResponseEntity<String> claim = claim(task, browser);
            assertThat(claim.getStatusCode().value()).as("%s", browser).isEqualTo(403);
            assertThat(claim.getBody()).as("%s", browser).contains(REFUSAL);
            assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).as("%s", browser).isNull();
        }
    }

    @Test
    void scriptsAndPagesOfThisSiteStillChangeThings() {
        for (HttpHeaders script : List.of(new HttpHeaders(), origin("http://localhost:" + port), fetchSite("same-origin"),
                fetchSite("none"))) {
            String number = nextNumber();
            assertThat(importAs("mofa.focal", number, script).getStatusCode().value()).as("%s", script).isEqualTo(200);
            assertThat(found(number)).as("%s", script).isEqualTo(1);
        }
        Task task = taskOfMps();
        assertThat(claim(task, new HttpHeaders()).getStatusCode().value()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("mps.focal");
        tasks.setAssignee(task.getId(), null);
    }

    @Test
    void theImportPageStillImportsWithItsSessionAndToken() {
        HttpHeaders session = loggedIn("mofa.focal");
        String page = http.exchange("/imports", HttpMethod.GET, new HttpEntity<>(session), String.class).getBody();
        Matcher token = Pattern.compile("name=\"upr-csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();

        HttpHeaders fromThePage = new HttpHeaders();
        fromThePage.addAll(session);
        fromThePage.addAll(origin("http://localhost:" + port));
        fromThePage.add("Sec-Fetch-Site", "same-origin");
        String number = nextNumber();
        HttpHeaders withoutToken = new HttpHeaders();
        withoutToken.addAll(fromThePage);
        ResponseEntity<String> refused = importAs(null, number, withoutToken);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("mã CSRF");
        fromThePage.add(ApiAuthenticationFilter.CSRF_HEADER, token.group(1));
        assertThat(importAs(null, number, fromThePage).getStatusCode().value()).isEqualTo(200);
        assertThat(found(number)).isEqualTo(1);
    }

    /**
     * Tasklist's own calls ({@code /camunda/api}) are Camunda's: its CsrfPreventionFilter wants the session's token in
     * {@code X-XSRF-TOKEN}, which a page of another site cannot read, and ends the session when it is missing.
     */
    @Test
    void camundasOwnApiRefusesAnotherSitesChangesToo() {
        Task task = taskOfMps();
        HttpHeaders fromElsewhere = loggedIn("mps.focal");
        fromElsewhere.addAll(origin(EVIL));
        fromElsewhere.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> claim = http.postForEntity("/camunda/api/engine/engine/default/task/" + task.getId() + "/claim",
                new HttpEntity<>("{\"userId\":\"mps.focal\"}", fromElsewhere), String.class);
        assertThat(claim.getStatusCode().value()).isEqualTo(403);
        assertThat(claim.getHeaders().getFirst("X-XSRF-TOKEN")).as("refused for want of Camunda's token").isEqualTo("Required");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    private ResponseEntity<String> importAs(String user, String number, HttpHeaders browser) {
        var file = new ByteArrayResource(new Recommendations.Annex()
                .row(CYCLE, number, text(number), "mps", null, "1", "31/12/2031").bytes()) {
            @Override
            public String getFilename() {
                return "annex.csv";
            }
        };
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", file);
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(browser);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
        return client.postForEntity("/api/imports", new HttpEntity<>(form, headers), String.class);
    }

    /** How many recommendations of this test carry the number, as MOFA's registry lists them. */
    private int found(String number) {
        String page = http.withBasicAuth("mofa.focal", "demo")
                .getForObject("/api/recommendations?cycle=" + CYCLE + "&q=" + text(number), String.class);
        Matcher total = Pattern.compile("\"totalElements\":(\\d+)").matcher(page);
        assertThat(total.find()).as(page).isTrue();
        return Integer.parseInt(total.group(1));
    }

    private Task taskOfMps() {
        String number = nextNumber();
        var instance = new Recommendations(imports, runtime, management)
                .track(CYCLE, number, text(number), "mps", null, "1", "31/12/2031");
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private ResponseEntity<String> claim(Task task, HttpHeaders browser) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(browser);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("mps.focal", "demo").postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                new HttpEntity<>("{\"userId\":\"mps.focal\"}", headers), String.class);
    }

    /** Logs in through the Camunda login as a browser does; returns the session cookie to send along. */
    private HttpHeaders loggedIn(String user) {
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = new ArrayList<>(tasklist.getHeaders().get(HttpHeaders.SET_COOKIE));
        HttpHeaders login = new HttpHeaders();
        login.add(HttpHeaders.COOKIE, cookieHeader(cookies));
        login.add("X-XSRF-TOKEN", cookieValue(cookies, "XSRF-TOKEN"));
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>("username=" + user + "&password=demo", login), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        if (answer.getHeaders().get(HttpHeaders.SET_COOKIE) != null) {
            cookies.addAll(answer.getHeaders().get(HttpHeaders.SET_COOKIE));
        }
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, "SESSION=" + cookieValue(cookies, "SESSION"));
        return session;
    }

    /** The last value the server set for the cookie. */
    private static String cookieValue(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).reduce((first, second) -> second).orElseThrow()
                .substring(name.length() + 1).split(";", 2)[0];
    }

    private static String cookieHeader(List<String> setCookies) {
        return String.join("; ", setCookies.stream().map(c -> c.split(";", 2)[0]).toList());
    }

    private static HttpHeaders origin(String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.ORIGIN, origin);
        return headers;
    }

    private static HttpHeaders fetchSite(String site) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Sec-Fetch-Site", site);
        return headers;
    }

    /** Each recommendation's own words, so that a search finds it and no other (63.1 is not 63.10). */
    private static String text(String number) {
        return "Khuyến nghị thử " + number + " hết";
    }

    private static synchronized String nextNumber() {
        return CYCLE + "." + ++numbers;
    }
}
