package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * {@code /actuator/prometheus}: after a small scenario (an import of two recommendations that go on to their first
 * tasks and mails, an import whose start is still a job, a login as an unknown user) an administrator finds every figure of
 * the application with a plausible value; an agency user and an anonymous client are refused, the monitoring
 * network ({@code upr.monitoring.allowed-addresses}, 127.0.9.x in the tests) needs no login; /actuator/health stays
 * public. The Prometheus scrape config and the Grafana dashboard in docker/ parse, and every metric the dashboard
 * queries is in the scrape.
 * <p>
 * The database figures are counted at most every 30 s: the scenario runs before this class's first scrape.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTest {

    static final int CYCLE = 58;
    static final String PROMETHEUS = "/actuator/prometheus";

    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Value("${local.server.port}") int port;

    @BeforeAll
    void scenario() throws IOException {
        var file = new Recommendations.Annex()
                .row(CYCLE, "1", "Strengthen the national human rights institution", "mps", null, "1", null)
                .row(CYCLE, "2", "Ratify the optional protocol", null, null, null, null).bytes();
        assertThat(imports.importFile("annex.csv", file, null, false, "mofa.focal").created()).isEqualTo(2);
        Recommendations.continueStarts(management);
        var later = new Recommendations.Annex().row(CYCLE, "3", "Adopt a national action plan", "mps", null, "1", null).bytes();
        assertThat(imports.importFile("annex.csv", later, null, false, "mofa.focal").created()).isEqualTo(1);
        assertThat(new ClientAt("127.0.8.1", port).basic("/api/recommendations", "metrics.nobody", "wrong").status()).isEqualTo(401);
    }

    @Test
    void anAdministratorReadsEveryFigureOfTheApplication() throws IOException {
        var answer = new ClientAt("127.0.8.2", port).basic(PROMETHEUS, "admin", "Quantri-2026");
        assertThat(answer.status()).isEqualTo(200);
        Map<String, List<Double>> figures = samples(answer.body());

        assertThat(value(answer.body(), "upr_tasks_open{agency=\"mps\",step=\"PreparePlan\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(answer.body(), "upr_tasks_open{agency=\"mofa\",step=\"AssignAgencies\"}")).isGreaterThanOrEqualTo(1);
        assertThat(figures.get("upr_tasks_overdue")).singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(0));
        assertThat(figures.get("upr_outbox_mails_pending")).singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(figures.get("upr_outbox_mails_failed")).singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(0));
        assertThat(figures.get("upr_outbox_mails_sent_total")).singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(0));
        assertThat(figures.get("upr_outbox_oldest_pending_mail_age_seconds")).singleElement()
                .satisfies(v -> assertThat(v).isBetween(0.0, 24 * 3600.0));
        assertThat(figures.get("upr_jobs_executable")).as("the third recommendation's start")
                .singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(figures.get("upr_jobs_failed")).singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(0));
        assertThat(figures.get("upr_incidents_open")).singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(0));
        assertThat(figures.get("upr_imports_total")).singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(2));
        assertThat(figures.get("upr_login_failures_total")).singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(figures).as("Spring Boot's own: JVM, connection pool, HTTP")
                .containsKeys("jvm_memory_used_bytes", "hikaricp_connections_active", "http_server_requests_seconds_count");
        assertThat(answer.body()).contains("# HELP upr_tasks_open Open user tasks by step");
    }

    @Test
    void anAgencyUserAndAnAnonymousClientAreRefused() throws IOException {
        ClientAt client = new ClientAt("127.0.8.3", port);
        var agency = client.basic(PROMETHEUS, "mps.focal", "demo");
        assertThat(agency.status()).isEqualTo(403);
        assertThat(agency.body()).contains("Chỉ quản trị viên").doesNotContain("upr_");
        var anonymous = client.send("GET", PROMETHEUS, Map.of(), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("upr_");
        assertThat(client.send("GET", "/actuator", Map.of(), null).status()).as("the endpoints' list").isEqualTo(401);
        assertThat(client.send("GET", "/actuator/health", Map.of(), null).status()).as("health stays public").isEqualTo(200);
    }

    @Test
    void anAgencyUserLoggedInToTheWebappsIsRefusedTooAndAnAdministratorIsNot() throws IOException {
        ClientAt client = new ClientAt("127.0.8.4", port);
        var agency = client.openSession();
        assertThat(client.webappLogin(agency, "mps.focal", "demo").status()).isEqualTo(200);
        assertThat(client.inSession(agency, "GET", PROMETHEUS, null, null).status()).isEqualTo(403);
        var admin = client.openSession();
        assertThat(client.webappLogin(admin, "admin", "Quantri-2026").status()).isEqualTo(200);
        assertThat(client.inSession(admin, "GET", PROMETHEUS, null, null).status()).isEqualTo(200);
    }

    @Test
    void theMonitoringNetworkNeedsNoLogin() throws IOException {
        var answer = new ClientAt("127.0.9.7", port).send("GET", PROMETHEUS, Map.of(), null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("upr_outbox_mails_pending");
    }

    @Test
    void theScrapeConfigAndTheDashboardQueryWhatTheApplicationExposes() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(Path.of("docker/prometheus.yml")));
        @SuppressWarnings("unchecked")
        var job = ((List<Map<String, Object>>) config.get("scrape_configs")).get(0);
        assertThat(job).containsEntry("metrics_path", PROMETHEUS);

        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docker/grafana-dashboard.json").toFile());
        Set<String> queried = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b([a-z_]+_[a-z_]+)(?=\\s*[{\\[)]|\\s*$)");
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = metric.matcher(target.get("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).as("the dashboard's metrics").contains("upr_tasks_open", "upr_imports_total", "jvm_memory_used_bytes");
        Set<String> scraped = samples(new ClientAt("127.0.8.5", port).basic(PROMETHEUS, "admin", "Quantri-2026").body()).keySet();
        assertThat(scraped).containsAll(queried);
    }

    /** Each sample's value by metric name (labels dropped). */
    private static Map<String, List<Double>> samples(String exposition) {
        Map<String, List<Double>> samples = new java.util.HashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name = line.split("[{ ]", 2)[0];
            samples.computeIfAbsent(name, n -> new ArrayList<>()).add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
        }
        return samples;
    }

    /** The value of one sample, named with its labels as the exposition writes them. */
    private static double value(String exposition, String sample) {
        return exposition.lines().filter(l -> l.startsWith(sample + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(sample.length() + 1))).orElseThrow(() -> new AssertionError(sample + " missing"));
    }
}
