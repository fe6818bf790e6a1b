package vn.gov.mofa.upr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.gov.mofa.upr.delegation.DelegatedPart;
import vn.gov.mofa.upr.delegation.DelegatedWork;
import vn.gov.mofa.upr.delegation.UnitDelegations;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * An agency that runs its own share (issue 19): MPS with {@value #UNITS} units and {@value #RECOMMENDATIONS}
 * recommendations, each delegated to {@value #UNITS_EACH} units (an open unit task for each), in seven internal groups,
 * half of them with an approved plan, among {@code scale} recommendations of the other ministries. Measured over HTTP
 * as MPS's focal point asks (HTTP Basic): the agency's progress view (JSON and page) beside the recommendation list of
 * the same agency and the floor, and the focal point's Tasklist inbox before and after the units' tasks exist.
 */
final class AgencyFigures {

    static final int CYCLE = 46;
    static final int UNITS = 30;
    static final int RECOMMENDATIONS = 60;
    static final int UNITS_EACH = 5;
    static final int GROUPS = 7;
    static final String[] OTHERS = {"mod", "moj", "moha", "mof", "moit", "mae", "moc", "mocst", "most", "moet", "moh",
            "mera", "sbv", "gi", "ogo", "spc", "spp"};

    private final ConfigurableApplicationContext app;
    private final int scale;
    private final List<String> rows;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    AgencyFigures(ConfigurableApplicationContext app, int scale, List<String> rows) {
        this.app = app;
        this.scale = scale;
        this.rows = rows;
        this.base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    void measure() throws Exception {
        UprBenchmark.importInFiles(app, "G", CYCLE, scale, i -> (1 + i % 6) + "," + OTHERS[i % OTHERS.length] + ","
                + OTHERS[(i + 1) % OTHERS.length]);
        UprBenchmark.importInFiles(app, "K", CYCLE, RECOMMENDATIONS, i -> (1 + i % 6) + ",mps," + (i % 4 == 0 ? "moj" : ""));
        UprBenchmark.awaitStartsContinued(app);
        IdentityService identity = app.getBean(IdentityService.class);
        for (int u = 1; u <= UNITS; u++) {
            Group unit = identity.newGroup(unit(u));
            unit.setName("Đơn vị " + u + " thuộc Bộ Công an");
            unit.setType("AGENCY_UNIT");
            identity.saveGroup(unit);
        }
        for (int g = 1; g <= GROUPS; g++) {
            send("PUT", "/api/agencies/mps/groups/" + g, "{\"name\":\"Nhóm " + g + "\"}");
        }
        for (int g = 1; g <= GROUPS; g++) {
            int group = g;
            String items = java.util.stream.IntStream.range(0, RECOMMENDATIONS).filter(i -> i % GROUPS == group - 1)
                    .mapToObj(i -> "{\"cycle\":" + CYCLE + ",\"number\":\"K." + i + "\"}").collect(Collectors.joining(","));
            send("PUT", "/api/agencies/mps/tags", "{\"group\":\"" + g + "\",\"items\":[" + items + "]}");
        }
        approveHalfThePlans();

        RuntimeService runtime = app.getBean(RuntimeService.class);
        DelegatedWork work = new DelegatedWork(app.getBean(UnitDelegations.class));
        LocalDate today = LocalDate.now();
        List<String[]> unitTasks = new ArrayList<>();
        for (int i = 0; i < RECOMMENDATIONS; i++) {
            String number = "K." + i;
            String instance = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(RecommendationProcess.businessKey(CYCLE, number)).singleResult().getId();
            for (int k = 0; k < UNITS_EACH; k++) {
                String unit = unit(1 + (i * UNITS_EACH + k) % UNITS);
                work.assign("bench-d-" + i, instance, CYCLE, number, "mps", unit, DelegatedPart.PLAN, "Phần việc " + k,
                        "Kết quả " + k, k == 0 ? today.minusDays(5) : today.plusDays(20 + k));
                if (k == 1) {
                    work.returnAnswer("bench-d-" + i, unit);
                }
                if (k == 2) {
                    work.accept("bench-d-" + i, unit, "Đã làm");
                } else {
                    unitTasks.add(new String[] {unit, number});
                }
            }
        }
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        jdbc.execute("analyze");

        String inbox = "/engine-rest/task?candidateGroup=mps&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc&maxResults=15";
        String count = "/engine-rest/task/count?candidateGroup=mps&includeAssignedTasks=true";
        String inboxSize = get(count).replaceAll("\\D", "");
        double[] inboxBefore = latencies(inbox);
        // the units' own tasks, as the delegation process opens them: a candidate group each, beside the agency's
        app.getBean(RepositoryService.class).createDeployment().addModelInstance("bench-unit-task.bpmn",
                Bpmn.createExecutableProcess("bench-unit-task").camundaHistoryTimeToLive(1).startEvent().userTask("UnitWork")
                        .camundaCandidateGroups("${unit}").endEvent().done()).deploy();
        for (String[] task : unitTasks) {
            runtime.startProcessInstanceByKey("bench-unit-task", Map.of("unit", task[0], "number", task[1]));
        }
        jdbc.execute("analyze");
        double[] inboxAfter = latencies(inbox);
        assertThat(get(count).replaceAll("\\D", "")).as("the units' tasks are not the focal point's").isEqualTo(inboxSize);

        double[] floor = latencies("/api/mail-preferences");
        String list = "/recommendations?cycle=" + CYCLE + "&lead=mps";
        double[] listPage = latencies(list);
        String json = "/api/agencies/mps/progress?cycle=" + CYCLE;
        String progress = get(json);
        assertThat(progress).contains("\"unit\":\"mps.u30\"", "\"name\":\"Nhóm 7\"");
        double[] progressJson = latencies(json);
        double[] progressPage = latencies("/agencies/mps/progress?cycle=" + CYCLE);
        double[] drillDown = latencies("/agencies/mps/progress?cycle=" + CYCLE + "&unit=mps.u01&measure=late");

        rows.add(String.format("| floor for MPS's focal point (`GET /api/mail-preferences`), over HTTP: p50 / p95 | %.1f / %.1f ms | — | baseline of the rows below |",
                floor[0], floor[1]));
        rows.add(String.format("| MPS's progress view, JSON (`/api/agencies/mps/progress`): %d units, %d recommendations × %d units = %d delegations, %d groups, among %,d recommendations: p50 / p95 | %.1f / %.1f ms | the recommendation list of the same agency (page of 50) %.1f / %.1f ms; floor %.1f / %.1f ms | p95 %.2f × the list (target ≤ 100 ms: %s) |",
                UNITS, RECOMMENDATIONS, UNITS_EACH, RECOMMENDATIONS * UNITS_EACH, GROUPS, scale + RECOMMENDATIONS,
                progressJson[0], progressJson[1], listPage[0], listPage[1], floor[0], floor[1], progressJson[1] / listPage[1],
                met(progressJson[1] <= 100)));
        rows.add(String.format("| the same, the page (`/agencies/mps/progress`), and the page with one unit's late work listed: p50 / p95 | %.1f / %.1f ms; with the list %.1f / %.1f ms | the list page above %.1f / %.1f ms | p95 %.2f × the list (target ≤ 100 ms: %s) |",
                progressPage[0], progressPage[1], drillDown[0], drillDown[1], listPage[0], listPage[1],
                progressPage[1] / listPage[1], met(Math.max(progressPage[1], drillDown[1]) <= 100)));
        rows.add(String.format("| MPS's focal point's Tasklist inbox (`/engine-rest/task`, candidate group mps, 15 by due date, of its %s open tasks), with the units' %d open tasks: p50 / p95 | %.1f / %.1f ms | before the units' tasks existed %.1f / %.1f ms | p95 %.2f × (target ≤ 100 ms: %s) |",
                inboxSize, unitTasks.size(), inboxAfter[0], inboxAfter[1], inboxBefore[0], inboxBefore[1],
                inboxAfter[1] / inboxBefore[1], met(inboxAfter[1] <= 100)));
    }

    /** Every other recommendation's plan sent and approved by MOFA (not measured). */
    private void approveHalfThePlans() {
        TaskService tasks = app.getBean(TaskService.class);
        for (int i = 0; i < RECOMMENDATIONS; i += 2) {
            String key = RecommendationProcess.businessKey(CYCLE, "K." + i);
            Task plan = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(RecommendationProcess.PREPARE_PLAN)
                    .singleResult();
            tasks.complete(plan.getId(), Map.of("focalPointName", "Cán bộ " + i, "planActions", "Hoạt động " + i,
                    "planDeadline", "2028-06-30", "expectedOutput", "Kết quả " + i));
            Task review = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(RecommendationProcess.REVIEW_PLAN)
                    .singleResult();
            tasks.complete(review.getId(), Map.of("approved", true));
        }
    }

    private static String unit(int u) {
        return String.format("mps.u%02d", u);
    }

    private double[] latencies(String path) {
        return UprBenchmark.latencies(() -> get(path));
    }

    private String get(String path) {
        return send("GET", path, null);
    }

    private String send(String method, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("mps.focal:demo".getBytes(StandardCharsets.UTF_8)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> answer = http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String met(boolean met) {
        return met ? "met" : "**not met**";
    }
}
