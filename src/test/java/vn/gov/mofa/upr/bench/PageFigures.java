package vn.gov.mofa.upr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.gov.mofa.upr.recommendation.CurrentSteps;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.web.RecommendationListQuery;

/**
 * The figures of the pages people read, on a registry of {@code scale} recommendations of one cycle (lead and
 * coordinating agencies spread over the 18 ministries, six task groups): the recommendation list with a filter and a
 * page of 50, the case page, each against a query of the registry table alone in the same run; the export of the
 * whole cycle; the dashboard of that cycle. Every request goes over HTTP as a MOFA officer's browser sends it (HTTP
 * Basic, so each one also checks the password, which a browser's session does not).
 *
 * <p>History: {@value #SAMPLE} recommendations go through their plan and five real reporting rounds (contribution,
 * report, review each time), so the case pages measured have five rounds in the engine's history, their reports in
 * {@code approved_report} and their mails in the outbox; every other recommendation gets five approved reports and
 * five round rows written directly, and every recommendation three evidence files (tiny content: the lists read
 * the other columns only), so that the product's tables have their full size.
 */
final class PageFigures {

    static final int SAMPLE = 40;
    static final int ROUNDS = 5;
    static final int EVIDENCE_PER_RECOMMENDATION = 3;
    static final int CYCLE = 44;
    static final String[] MINISTRIES = {"mps", "mod", "moj", "moha", "mof", "moit", "mae", "moc", "mocst", "most", "moet",
            "moh", "mera", "sbv", "gi", "ogo", "spc", "spp"};

    private final ConfigurableApplicationContext app;
    private final int scale;
    private final List<String> rows;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final JdbcTemplate jdbc;

    PageFigures(ConfigurableApplicationContext app, int scale, List<String> rows) {
        this.app = app;
        this.scale = scale;
        this.rows = rows;
        this.base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        this.jdbc = app.getBean(JdbcTemplate.class);
    }

    void measure() throws Exception {
        UprBenchmark.importInFiles(app, "P", CYCLE, scale,
                i -> (1 + i % 6) + "," + MINISTRIES[i % 18] + "," + MINISTRIES[(i + 1) % 18]);
        UprBenchmark.awaitStartsContinued(app);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < SAMPLE; i++) {
            sample.add("P." + (i * (scale / SAMPLE)));
        }
        fiveRounds(sample);
        productHistory(sample);
        jdbc.execute("analyze");

        // what any page costs before it reads anything: the request, the password check, the user's groups
        double[] floor = latencies("/api/mail-preferences");
        rows.add(String.format("| floor: an authenticated request that reads almost nothing (`GET /api/mail-preferences`), over HTTP: p50 / p95 | %.1f / %.1f ms | — | baseline of the pages below |",
                floor[0], floor[1]));
        double[] registryAlone = UprBenchmark.latencies(() -> jdbc.queryForList(
                "select * from recommendation where cycle = ? and lead_agency = 'moj' order by cycle, number_order limit 50", CYCLE));
        for (String filter : List.of("lead=moj", "lead=moj&step=waiting")) {
            String list = "/recommendations?cycle=" + CYCLE + "&" + filter;
            int listed = countOf(get(list));
            double[] page = latencies(list);
            // the list's own queries (count, page, where each stands), without HTTP and the template
            var query = RecommendationListQuery.of(java.util.Arrays.stream(("cycle=" + CYCLE + "&" + filter).split("&"))
                    .map(p -> p.split("=")).collect(java.util.stream.Collectors.toMap(p -> p[0], p -> p[1])));
            RecommendationRegistry registry = app.getBean(RecommendationRegistry.class);
            CurrentSteps steps = app.getBean(CurrentSteps.class);
            double[] queries = UprBenchmark.latencies(() -> steps.of(registry.search(query.filter(null), query.sort(), 0,
                    RecommendationListQuery.PAGE_SIZE).content()));
            rows.add(String.format("| the recommendation list, `%s` (%,d of %,d found), page of 50, over HTTP: p50 / p95 | %.1f / %.1f ms; its queries alone (count, page, steps; no HTTP) %.1f / %.1f ms | the registry table alone (same lead agency, 50 rows, JDBC) %.1f / %.1f ms; floor %.1f / %.1f ms | p95 %.1f × the floor (target ≤ 100 ms: %s) |",
                    filter, listed, scale, page[0], page[1], queries[0], queries[1], registryAlone[0], registryAlone[1], floor[0],
                    floor[1], page[1] / floor[1], met(page[1] <= 100)));
        }

        int[] next = {0};
        double[] casePage = UprBenchmark.latencies(() -> get("/recommendations/" + CYCLE + "/" + sample.get(next[0]++ % SAMPLE)));
        double[] oneRow = UprBenchmark.latencies(() -> jdbc.queryForList(
                "select * from recommendation where cycle = ? and number = ?", CYCLE, sample.get(next[0]++ % SAMPLE)));
        rows.add(String.format("| the case page of a recommendation with %d rounds of history (plan, contributions, reports, reviews, %d evidence files, mails), over HTTP: p50 / p95 | %.1f / %.1f ms | its registry row alone (JDBC) %.2f / %.2f ms; floor %.1f / %.1f ms | p95 %.1f × the floor (target ≤ 100 ms: %s) |",
                ROUNDS, EVIDENCE_PER_RECOMMENDATION, casePage[0], casePage[1], oneRow[0], oneRow[1], floor[0], floor[1],
                casePage[1] / floor[1], met(casePage[1] <= 100)));
        // what migration 14's index is for: the timeline's mails, by business key, among every mail sent
        long mails = jdbc.queryForObject("select count(*) from outbox_mail", Long.class);
        jdbc.execute("drop index ix_outbox_business_key");
        double[] withoutIndex = UprBenchmark.latencies(() -> get("/recommendations/" + CYCLE + "/" + sample.get(next[0]++ % SAMPLE)));
        jdbc.execute("create index ix_outbox_business_key on outbox_mail (business_key)");
        rows.add(String.format("| the same case page without the index on `outbox_mail.business_key` (migration 14), %,d mails in the outbox: p50 / p95 | %.1f / %.1f ms | with it (above) %.1f / %.1f ms | p95 %.2f × |",
                mails, withoutIndex[0], withoutIndex[1], casePage[0], casePage[1], withoutIndex[1] / casePage[1]));

        for (String format : List.of("xlsx", "csv")) {
            // the first export after a start also loads and compiles the writer: both are reported
            double[] seconds = new double[2];
            int size = 0;
            for (int run = 0; run < 2; run++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> export = http.send(request("/recommendations/export." + format + "?cycle=" + CYCLE),
                        HttpResponse.BodyHandlers.ofByteArray());
                seconds[run] = (System.nanoTime() - t0) / 1e9;
                assertThat(export.statusCode()).isEqualTo(200);
                size = export.body().length;
            }
            rows.add(String.format("| export of the whole cycle, %,d rows, %s (%,d KB): the first after start, then again | %.2f s, %.2f s | — | target ≤ 3 s: %s |",
                    scale, format.toUpperCase(), size / 1024, seconds[0], seconds[1], met(Math.max(seconds[0], seconds[1]) <= 3)));
        }

        double[] dashboard = latencies("/dashboard?cycle=" + CYCLE);
        rows.add(String.format("| the dashboard of that cycle (every figure, late tasks, changes of the week), MOFA, over HTTP: p50 / p95 | %.1f / %.1f ms | — | report |",
                dashboard[0], dashboard[1]));
    }

    /** Plan, review, then five rounds of contribution, report and review, as the agencies and MOFA would do them. */
    private void fiveRounds(List<String> numbers) throws InterruptedException {
        for (String number : numbers) {
            String key = businessKey(CYCLE, number);
            complete(key, PREPARE_PLAN, Map.of("focalPointName", "Nguyễn Văn An", "planActions", "Tập huấn", "planDeadline", "2030-06-30"));
            complete(key, REVIEW_PLAN, Map.of(VAR_APPROVED, "true"));
            for (int round = 1; round <= ROUNDS; round++) {
                awaitWaiting(key);
                app.getBean(RuntimeService.class).createMessageCorrelation(MESSAGE_REPORT_REQUESTED).processInstanceBusinessKey(key)
                        .setVariables(Map.of(VAR_ROUND_ID, "bench-round-" + round, VAR_ROUND_NAME, "Đợt " + round,
                                VAR_AGENCY_DEADLINE, "2030-09-30", VAR_REPORT_DEADLINE, "2030-10-31"))
                        .correlate();
                complete(key, CONTRIBUTE_INPUT, Map.of("contributionResults", "Đã phối hợp đợt " + round, "contributionFigures", "",
                        "contributionDifficulties", ""));
                complete(key, PREPARE_REPORT, Map.of("implementationStatus", "IN_PROGRESS", "reportResults", "Kết quả đợt " + round));
                complete(key, REVIEW_REPORT, Map.of(VAR_APPROVED, "true"));
            }
        }
    }

    /** Waits for the recommendation's task of that step (the job executor takes it on) and completes it. */
    private void complete(String businessKey, String step, Map<String, Object> variables) throws InterruptedException {
        TaskService tasks = app.getBean(TaskService.class);
        UprBenchmark.await(() -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(step).count() > 0);
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(step).list()) {
            tasks.complete(task.getId(), variables);
        }
    }

    private void awaitWaiting(String businessKey) throws InterruptedException {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        UprBenchmark.await(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .activityIdIn(WAIT_FOR_REPORT_REQUEST).count() > 0);
    }

    /** Five approved reports and round rows for every other recommendation, three evidence files for each. */
    private void productHistory(List<String> sampled) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> reports = new ArrayList<>();
        List<Object[]> roundRows = new ArrayList<>();
        List<Object[]> files = new ArrayList<>();
        List<Map<String, Object>> registry = jdbc.queryForList(
                "select number, lead_agency, process_instance_id from recommendation where cycle = ?", CYCLE);
        for (Map<String, Object> r : registry) {
            String number = (String) r.get("number");
            String lead = (String) r.get("lead_agency");
            if (!sampled.contains(number)) {
                for (int round = 1; round <= ROUNDS; round++) {
                    reports.add(new Object[] {CYCLE, number, "bench-round-" + round, "Đợt " + round, lead, "IN_PROGRESS",
                            "Kết quả đợt " + round, "mofa.focal", now});
                    roundRows.add(new Object[] {"bench-round-" + round, r.get("process_instance_id"), CYCLE, number, lead, now});
                }
            }
            for (int f = 1; f <= EVIDENCE_PER_RECOMMENDATION; f++) {
                files.add(new Object[] {CYCLE, number, PREPARE_REPORT, "Báo cáo kết quả", "Đợt " + f, lead, "bang-chung-" + f + ".pdf",
                        "application/pdf", 16L, "%PDF-1.4 bench\n".getBytes(StandardCharsets.US_ASCII), "bench", now});
            }
        }
        jdbc.batchUpdate("""
                insert into approved_report (cycle, number, round_id, round_name, agency, implementation_status, results,
                    approved_by, approved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", reports);
        jdbc.batchUpdate("""
                insert into round_report (round_id, process_instance_id, cycle, number, agency, status, updated_at)
                values (?, ?, ?, ?, ?, 'APPROVED', ?)""", roundRows);
        jdbc.batchUpdate("""
                insert into evidence_file (cycle, number, step, step_name, round_name, agency, file_name, media_type, size_bytes,
                    content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", files);
    }

    private double[] latencies(String path) {
        return UprBenchmark.latencies(() -> get(path));
    }

    private String get(String path) {
        try {
            HttpResponse<String> answer = http.send(request(path), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("mofa.focal:demo".getBytes(StandardCharsets.UTF_8))).build();
    }

    private static int countOf(String listPage) {
        var m = java.util.regex.Pattern.compile("<strong id=\"total\">(\\d+)</strong>").matcher(listPage);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String met(boolean met) {
        return met ? "met" : "**not met**";
    }
}
