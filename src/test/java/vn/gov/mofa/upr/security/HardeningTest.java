package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.UprApplication;

/** Production refuses weak settings; user text stays inert on the pages. */
@ApplicationTest
class HardeningTest {

    /** What an operator might set: long, every kind of character, none of the admin's id or names. */
    static final String STRONG = "A-long-and-secret-passphrase-2026";

    @Autowired TestRestTemplate http;

    @Test
    void productionRefusesToStartWithoutAStrongAdminPassword() {
        for (String password : new String[] {"", "admin", "short", "Quantri-2026"}) {
            assertThatThrownBy(() -> prod(password).close()).as("password '%s'", password)
                    .hasStackTraceContaining("UPR_ADMIN_PASSWORD");
        }
    }

    @Test
    void productionRefusesAnAdminPasswordThePolicyWouldRefuseAndSaysWhatItNeeds() {
        for (String password : new String[] {"a-long-and-secret-passphrase", "My-Admin-Passphrase-1"}) {
            assertThatThrownBy(() -> prod(password).close()).as("password '%s'", password)
                    .hasStackTraceContaining("UPR_ADMIN_PASSWORD")
                    .hasStackTraceContaining("at least 10 characters with a lower-case letter, an upper-case letter, a digit"
                            + " and a special character")
                    .hasStackTraceContaining("none of the user's id, names or email");
        }
    }

    /** Every setting is named at once, each with what it is for, in Spring Boot's report rather than a stack trace. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void productionWithoutItsSettingsNamesEveryMissingOneInOneMessage(CapturedOutput output) throws Exception {
        List<String> required = new ArrayList<>(placeholdersWithoutDefault("application-prod.yaml"));
        required.add("UPR_ADMIN_PASSWORD");
        assertThat(required).contains("UPR_DB_URL", "UPR_MAIL_HOST");
        assertThatThrownBy(() -> prodWith().close()).isInstanceOf(ProductionSettingsRefused.class)
                .hasMessageContainingAll(required.toArray(String[]::new))
                .hasMessageContaining("SMTP");
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START").contains(required)
                .doesNotContain("Application run failed").doesNotContain("Could not resolve placeholder");
    }

    @Test
    void productionNamesOnlyTheSettingThatIsMissing() {
        List<String> withoutMailHost = settings(STRONG).stream().filter(s -> !s.startsWith("--UPR_MAIL_HOST=")).toList();
        assertThatThrownBy(() -> prodWith(withoutMailHost.toArray(String[]::new)).close())
                .isInstanceOf(ProductionSettingsRefused.class)
                .hasMessageContaining("UPR_MAIL_HOST").hasMessageNotContaining("UPR_DB_URL")
                .hasMessageNotContaining("UPR_ADMIN_PASSWORD");
    }

    @Test
    void productionStartsWithAStrongPasswordAndHasNoDemoUsers() {
        try (var app = prod(STRONG)) {
            var identity = app.getBean(org.camunda.bpm.engine.IdentityService.class);
            assertThat(identity.createUserQuery().userId("mps.focal").count()).isZero();
            assertThat(identity.createUserQuery().userId("admin").count()).isEqualTo(1);
            // the right password first: after a wrong one, Camunda delays the next login attempt
            assertThat(identity.checkPassword("admin", STRONG)).isTrue();
            assertThat(identity.checkPassword("admin", "admin")).isFalse();
            assertThat(identity.createGroupQuery().groupId("mps").count()).isEqualTo(1);
        }
    }

    @Test
    void productionKeepsBrowsersOnHttpsAndCookiesOutOfScripts() throws Exception {
        try (var app = prod(STRONG)) {
            String site = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            List<String> cookies = page.headers().allValues("Set-Cookie");
            assertThat(cookies).filteredOn(c -> c.startsWith("SESSION=")).singleElement().asString()
                    .contains("Secure", "HttpOnly", "SameSite=Lax");
            assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).singleElement().asString().contains("Secure");
            var landing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site + "/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            for (var answer : List.of(page, landing)) {
                assertThat(answer.headers().allValues("Strict-Transport-Security")).as(answer.uri().toString())
                        .containsExactly("max-age=31536000");
            }
        }
    }

    /**
     * Production trusts X-Forwarded-For from its reverse proxy only (UPR_TRUSTED_PROXIES, by default this host).
     * Through /api: this application's /engine-rest would find the shared test context's engine, named "default".
     */
    @Test
    void behindTheProxyTheLoginLimitCountsTheForwardedClientAndNobodyElseCanNameOne() throws Exception {
        try (var app = prod(STRONG)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            ClientAt proxy = new ClientAt("127.0.0.1", port);
            Map<String, String> guess = Map.of("X-Forwarded-For", "203.0.113.5", "Authorization", "Basic "
                    + java.util.Base64.getEncoder().encodeToString("nobody.focal:guess".getBytes()));
            for (int i = 1; i <= 10; i++) {
                assertThat(proxy.send("GET", "/api/recommendations", guess, null).status()).isEqualTo(401);
            }
            assertThat(proxy.send("GET", "/api/recommendations", guess, null).status()).as("the client behind the proxy")
                    .isEqualTo(429);
            assertThat(proxy.send("GET", "/api/recommendations", Map.of("X-Forwarded-For", "203.0.113.6",
                    "Authorization", guess.get("Authorization")), null).status()).as("another client").isEqualTo(401);
            assertThat(new ClientAt("127.0.5.1", port).send("GET", "/api/recommendations", guess, null).status())
                    .as("a client that is not the proxy names the refused address: its own counts").isEqualTo(401);
        }
    }

    @Test
    void markupInARoundNameStaysTextOnTheDashboard() {
        String payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var opened = http.withBasicAuth("mofa.focal", "demo").postForEntity("/api/reporting-rounds", new HttpEntity<>(Map.of(
                "name", payload, "kind", "AD_HOC", "agencyDeadline", "01/06/2031", "reportDeadline", "30/06/2031",
                "scope", "AGENCY", "agency", "spp"), headers), String.class);
        assertThat(opened.getStatusCode().value()).isEqualTo(200);
        String page = http.withBasicAuth("mofa.focal", "demo").getForObject("/dashboard", String.class);
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;")
                .doesNotContain("<img src=x").doesNotContain("<script>alert");
    }

    @Test
    void aRoundWithoutATargetIsRefusedWithTheReason() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var refused = http.withBasicAuth("mofa.focal", "demo").postForEntity("/api/reporting-rounds", new HttpEntity<>(Map.of(
                "name", "Đợt thiếu cơ quan", "kind", "AD_HOC", "agencyDeadline", "01/06/2031", "reportDeadline", "30/06/2031",
                "scope", "AGENCY"), headers), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("Thiếu agency");
        var forbidden = http.withBasicAuth("mps.focal", "demo").postForEntity("/api/reporting-rounds", new HttpEntity<>(Map.of(
                "name", "x", "kind", "AD_HOC", "agencyDeadline", "01/06/2031", "reportDeadline", "30/06/2031"), headers), String.class);
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
    }

    private static ProductionApp prod(String adminPassword) {
        return prodWith(settings(adminPassword).toArray(String[]::new));
    }

    /** What an operator sets for prod: every required setting, the database an H2 of this password's own. */
    private static List<String> settings(String adminPassword) {
        return List.of("--UPR_ADMIN_PASSWORD=" + adminPassword,
                "--UPR_DB_URL=jdbc:h2:mem:prod" + Math.abs(adminPassword.hashCode()) + ";DB_CLOSE_DELAY=-1", "--UPR_DB_USER=sa",
                "--UPR_DB_PASSWORD=", "--UPR_MAIL_HOST=localhost");
    }

    private static ProductionApp prodWith(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--upr.mail.poll-interval=PT1H",
                // its own engine name: closing this app must not unregister the shared test context's engine
                "--camunda.bpm.process-engine-name=prodcheck"));
        arguments.addAll(List.of(settings));
        return new ProductionApp(new SpringApplicationBuilder(UprApplication.class).profiles("prod")
                .run(arguments.toArray(String[]::new)));
    }

    /** The variables a profile's file takes from the environment with no default: {@code ${UPR_X}}, not {@code ${UPR_X:25}}. */
    private static List<String> placeholdersWithoutDefault(String file) throws Exception {
        try (var in = HardeningTest.class.getResourceAsStream("/" + file)) {
            return Pattern.compile("\\$\\{(\\w+)}").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).results()
                    .map(match -> match.group(1)).toList();
        }
    }

    /**
     * An application in profile prod beside the shared test context. Camunda's webapps keep their runtime in static
     * fields that a closing webapp empties; closing this one gives the shared context's webapps theirs back, so its
     * logins keep working.
     */
    record ProductionApp(ConfigurableApplicationContext context) implements AutoCloseable {

        <T> T getBean(Class<T> type) {
            return context.getBean(type);
        }

        org.springframework.core.env.Environment getEnvironment() {
            return context.getEnvironment();
        }

        @Override
        public void close() {
            context.close();
            Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
            Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
            Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
            Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
        }
    }
}
