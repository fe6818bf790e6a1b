package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * Every answer tells the browser not to guess content types, not to show it inside another site's frame, to run only
 * the application's own scripts and styles, and not to pass addresses on to other sites; the pages need nothing more.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

    static final int CYCLE = 64;

    @Autowired TestRestTemplate http;
    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void everyPageAndApiAnswerKeepsTheBrowserToTheApplicationsOwnFiles() {
        for (Map.Entry<String, ResponseEntity<String>> answer : answers().entrySet()) {
            HttpHeaders headers = answer.getValue().getHeaders();
            assertThat(headers.getFirst("X-Content-Type-Options")).as(answer.getKey()).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).as(answer.getKey()).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).as(answer.getKey()).isEqualTo("same-origin");
            assertThat(headers.get("Content-Security-Policy")).as(answer.getKey()).singleElement().asString()
                    .contains("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
                            "frame-ancestors 'none'")
                    .doesNotContain("unsafe");
            assertThat(headers.get("Strict-Transport-Security")).as("no HSTS outside production").isNull();
        }
    }

    @Test
    void thePagesNeedNoInlineScriptOrStyle() {
        assertThat(http.withBasicAuth("mofa.focal", "demo").getForObject("/dashboard", String.class))
                .as("the dashboard draws its bars").contains("<rect height=\"1\" width=\"100\"");
        for (Map.Entry<String, ResponseEntity<String>> answer : answers().entrySet()) {
            if (MediaType.TEXT_HTML.isCompatibleWith(answer.getValue().getHeaders().getContentType())) {
                assertThat(answer.getValue().getBody()).as(answer.getKey())
                        .doesNotContainPattern("(?i)<script(?![^>]*\\ssrc=)")
                        .doesNotContainPattern("(?i)<[a-z][^>]*\\sstyle=")
                        .doesNotContainPattern("(?i)<style")
                        // inside a tag: a user's text may well read "onerror=", escaped, as the round names of HardeningTest do
                        .doesNotContainPattern("(?i)<[a-z][^>]*\\son[a-z]+=");
            }
        }
    }

    @Test
    void camundasWebappsAreKeptOutOfFramesToo() {
        for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
            HttpHeaders headers = http.getForEntity("/camunda/app/" + app + "/default/", String.class).getHeaders();
            assertThat(headers.getFirst("X-Content-Type-Options")).as(app).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).as(app).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).as(app).isEqualTo("same-origin");
            assertThat(headers.get("Content-Security-Policy")).as(app).singleElement().asString()
                    .contains("default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'");
        }
    }

    @BeforeAll
    void aTrackedRecommendationSoThatTheDashboardDrawsItsBars() {
        new Recommendations(imports, runtime, management).track(CYCLE, "64.1", "Khuyến nghị có biểu đồ", "mps", null, "1", "31/12/2031");
    }

    /** The pages, the API, static files and error pages, as MOFA (who may see all of them) or anonymous. */
    private Map<String, ResponseEntity<String>> answers() {
        TestRestTemplate mofa = http.withBasicAuth("mofa.focal", "demo");
        TestRestTemplate agency = http.withBasicAuth("mps.focal", "demo");
        Map<String, ResponseEntity<String>> answers = new LinkedHashMap<>();
        answers.put("landing", http.getForEntity("/", String.class));
        answers.put("landing, logged in", mofa.getForEntity("/", String.class));
        for (String page : new String[] {"/dashboard", "/imports", "/notifications", "/agency-units"}) {
            answers.put(page, mofa.getForEntity(page, String.class));
        }
        answers.put("/imports refused to an agency", agency.getForEntity("/imports", String.class));
        answers.put("/api/recommendations", mofa.getForEntity("/api/recommendations?cycle=" + CYCLE, String.class));
        answers.put("/api 401", http.getForEntity("/api/imports", String.class));
        answers.put("/api 403", agency.getForEntity("/api/imports", String.class));
        answers.put("/api 404", mofa.getForEntity("/api/no-such-thing", String.class));
        answers.put("/api 400", mofa.getForEntity("/api/recommendations?size=0", String.class));
        answers.put("/upr.css", http.getForEntity("/upr.css", String.class));
        answers.put("/imports.js", http.getForEntity("/imports.js", String.class));
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(java.util.List.of(MediaType.TEXT_HTML));
        answers.put("error page", mofa.exchange("/no-such-page", HttpMethod.GET, new HttpEntity<>(browser), String.class));
        answers.put("/engine-rest", mofa.getForEntity("/engine-rest/task?maxResults=1", String.class));
        return answers;
    }
}
