package vn.gov.mofa.upr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import vn.gov.mofa.upr.Await;
import vn.gov.mofa.upr.UprApplication;
import vn.gov.mofa.upr.importing.ImportReport;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.recommendation.RecommendationNumber;
import vn.gov.mofa.upr.notification.MailComposer;
import vn.gov.mofa.upr.notification.MailKind;
import vn.gov.mofa.upr.notification.MailLanguage;
import vn.gov.mofa.upr.notification.OutboxSender;
import vn.gov.mofa.upr.notification.Recipient;
import vn.gov.mofa.upr.notification.TaskNotice;
import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess;

/**
 * The benchmark harness ({@code mvn verify -Pbench}). Each figure is measured next to a baseline in the same run
 * and database, so the ratio means something on a noisy machine. Prints a Markdown table and writes it to
 * {@code target/benchmark.md}. {@code -Dbench.scale=N} sets the number of instances (default 10,000).
 */
class UprBenchmark {

    static final int SCALE = Integer.getInteger("bench.scale", 10_000);
    static final int INBOX_TASKS = Integer.getInteger("bench.inbox-tasks", 50_000);
    static final int IMPORT_ROWS = 300;
    static final int FILE_ROWS = 500;
    static final String[] AGENCIES = {"mps", "mod", "moj", "moha", "mof", "moit", "mae", "moc", "mocst", "most", "moet",
            "moh", "mera", "sbv", "gi", "ogo", "spc", "spp", "mofa"};

    final List<String> rows = new ArrayList<>();

    @Test
    void measure() throws Exception {
        startupOnTheEmbeddedDefault();
        GreenMail smtp = new GreenMail(new ServerSetup(3326, null, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (var postgres = durablePostgres();
                ConfigurableApplicationContext app = start(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            importOf300(app, 40, "the first import after startup");
            startRateAndRound(app);
            importOf300(app, 42, "a later import");
            inbox(app);
            reminderMails(app, smtp);
        } finally {
            smtp.stop();
        }
        write("benchmark.md");
    }

    /**
     * The pages people read, on a registry of {@code bench.scale} recommendations with five rounds of history and three
     * evidence files each ({@link PageFigures}). Its own database, so that it runs alone too:
     * {@code mvn verify -Pbench -Dit.test=UprBenchmark#pages}.
     */
    @Test
    void pages() throws Exception {
        try (var postgres = durablePostgres();
                ConfigurableApplicationContext app = start(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            new PageFigures(app, SCALE, rows).measure();
        }
        write("benchmark-pages.md");
    }

    /**
     * An agency that runs its own share: MPS with 30 units and 60 recommendations each delegated to 5 of them
     * ({@link AgencyFigures}), among {@code bench.scale} others. Its own database:
     * {@code mvn verify -Pbench -Dit.test=UprBenchmark#agency}.
     */
    @Test
    void agency() throws Exception {
        try (var postgres = durablePostgres();
                ConfigurableApplicationContext app = start(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            new AgencyFigures(app, SCALE, rows).measure();
        }
        write("benchmark-agency.md");
    }

    private void write(String file) throws IOException {
        String table = "| figure | measured | baseline (same run) | ratio / target |\n| --- | --- | --- | --- |\n"
                + String.join("\n", rows) + "\n";
        System.out.println("\n" + table);
        Files.writeString(Path.of("target", file), table);
    }

    private void startupOnTheEmbeddedDefault() throws Exception {
        Path dir = Files.createTempDirectory("upr-startup");
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(UprApplication.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("upr") + ";DB_CLOSE_ON_EXIT=FALSE")) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
            rows.add(String.format("| startup, embedded default (H2 file, fresh) | %.1f s, heap after GC %d MB | — | report |", seconds, heap));
        }
    }

    private void importOf300(ConfigurableApplicationContext app, int cycle, String when) throws InterruptedException {
        var csv = new StringBuilder("number,text,recommending_states,response,cycle,task_group,lead_agency,coordinating_agencies,plan_due_date\n");
        for (int i = 1; i <= IMPORT_ROWS; i++) {
            csv.append("300.").append(i).append(",Recommendation ").append(i).append(" on the rights of persons,France,,").append(cycle).append(',')
                    .append(1 + i % 6).append(',').append(AGENCIES[i % 18]).append(',').append(AGENCIES[(i + 1) % 18])
                    .append(",31/12/2030\n");
        }
        RecommendationImport imports = app.getBean(RecommendationImport.class);
        long t0 = System.nanoTime();
        ImportReport report = imports.importFile("bench.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, false, "bench");
        double started = (System.nanoTime() - t0) / 1e9;
        assertThat(report.created()).isEqualTo(IMPORT_ROWS);
        awaitStartsContinued(app);
        double seconds = (System.nanoTime() - t0) / 1e9;
        rows.add(String.format("| import + start of %d recommendations (annex CSV, PostgreSQL), %s | %.2f s until every first task exists (import committed, instances started, after %.2f s) | — | target ≤ 2 s: %s until the first tasks, %s until started |",
                IMPORT_ROWS, when, seconds, started, seconds <= 2 ? "met" : "NOT met", started <= 2 ? "met" : "NOT met"));
    }

    /** Until the job executor has taken every started recommendation on to its first task. */
    static void awaitStartsContinued(ConfigurableApplicationContext app) throws InterruptedException {
        ManagementService management = app.getBean(ManagementService.class);
        await(() -> management.createJobQuery().activityId(RecommendationProcess.TRACKED).count() == 0);
    }

    /**
     * Start rate of {@code upr-recommendation} through the import (registry row, assignment, authorizations, timers)
     * against a bare process (start → one user task); then one round over all of them against a bare message
     * correlation batch.
     */
    private void startRateAndRound(ConfigurableApplicationContext app) throws Exception {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        RepositoryService repository = app.getBean(RepositoryService.class);
        repository.createDeployment().addModelInstance("bench-bare.bpmn", Bpmn.createExecutableProcess("bench-bare")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Work").camundaCandidateGroups("mps").endEvent().done()).deploy();
        repository.createDeployment().addModelInstance("bench-ping.bpmn", Bpmn.createExecutableProcess("bench-ping")
                .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent("Wait").message("BenchPing")
                .userTask("Work").camundaCandidateGroups("mps").endEvent().done()).deploy();

        long t0 = System.nanoTime();
        for (int i = 0; i < SCALE; i++) {
            runtime.startProcessInstanceByKey("bench-bare");
        }
        double bareRate = SCALE / ((System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        importInFiles(app, "B", 41, SCALE);
        double uprRate = SCALE / ((System.nanoTime() - t0) / 1e9);
        awaitStartsContinued(app);
        double throughRate = SCALE / ((System.nanoTime() - t0) / 1e9);
        rows.add(String.format("| start rate of `upr-recommendation`, %,d instances (import of %d-row files, PostgreSQL) | %.0f /s started; %.0f /s through to the first task (job executor, one node) | bare process (start → one user task) %.0f /s | started %.2f ×, through %.2f × (target ≥ 0.8) |",
                SCALE, FILE_ROWS, uprRate, throughRate, bareRate, uprRate / bareRate, throughRate / bareRate));

        startRateBrokenDown(app, bareRate);

        // bring them to the implementation phase: plan done and approved (not measured)
        TaskService tasks = app.getBean(TaskService.class);
        List<String> planTasks = tasks.createTaskQuery().processInstanceBusinessKeyLike("UPR41-%")
                .taskDefinitionKey(RecommendationProcess.PREPARE_PLAN).list().stream().map(t -> t.getId()).toList();
        for (String id : planTasks) {
            tasks.complete(id, Map.of("planActions", "x"));
        }
        for (String id : tasks.createTaskQuery().processInstanceBusinessKeyLike("UPR41-%")
                .taskDefinitionKey(RecommendationProcess.REVIEW_PLAN).list().stream().map(t -> t.getId()).toList()) {
            tasks.complete(id, Map.of("approved", "true"));
        }

        // baseline: the same batch correlation to bare instances waiting for a message
        for (int i = 0; i < SCALE; i++) {
            runtime.startProcessInstanceByKey("bench-ping");
        }
        t0 = System.nanoTime();
        runtime.createMessageCorrelationAsync("BenchPing").processInstanceQuery(
                runtime.createProcessInstanceQuery().processDefinitionKey("bench-ping")).correlateAllAsync();
        await(() -> runtime.createProcessInstanceQuery().processDefinitionKey("bench-ping").activityIdIn("Wait").count() == 0);
        double baseline = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        IdentityService identity = app.getBean(IdentityService.class);
        runtime.startProcessInstanceByKey(ReportingRoundProcess.KEY, Map.of("roundName", "Benchmark", "roundKind", "AD_HOC",
                "agencyDeadline", "15/03/2031", "reportDeadline", "31/03/2031", "targetScope", "ALL"));
        await(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("UPR41-%")
                .activityIdIn(RecommendationProcess.WAIT_FOR_REPORT_REQUEST).count() == 0);
        double round = (System.nanoTime() - t0) / 1e9;
        identity.clearAuthentication();
        rows.add(String.format("| one reporting round over %,d recommendations (all `ReportRequested` delivered) | %.1f s (%.2f ms/instance) | bare batch correlation %.1f s (%.2f ms/instance) | %.2f × (target ≥ 0.5) |",
                SCALE, round, 1000 * round / SCALE, baseline, 1000 * baseline / SCALE, baseline / round));
    }

    /**
     * Where a start's time goes: a fifth of the instances again (cycle 43), first imported with the job executor
     * paused (the import's own work: registry, variables, authorizations, the job), then only the first steps (task,
     * timers, mail). Each rate against the same bare baseline.
     */
    private void startRateBrokenDown(ConfigurableApplicationContext app, double bareRate) throws InterruptedException {
        int count = SCALE / 5;
        var jobExecutor = ((ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                .getJobExecutor();
        jobExecutor.shutdown();
        long t0 = System.nanoTime();
        importInFiles(app, "D", 43, count);
        double importRate = count / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        jobExecutor.start();
        awaitStartsContinued(app);
        double firstStepRate = count / ((System.nanoTime() - t0) / 1e9);
        rows.add(String.format("| the same, broken down (%,d more): the import alone (job executor paused), then the first steps alone | import %.0f /s; first steps %.0f /s | bare process %.0f /s | import %.2f ×, first steps %.2f × |",
                count, importRate, firstStepRate, bareRate, importRate / bareRate, firstStepRate / bareRate));
    }

    /** Imports {@code count} recommendations of one cycle, all led by mps, in files of {@value #FILE_ROWS} rows. */
    private static void importInFiles(ConfigurableApplicationContext app, String prefix, int cycle, int count) {
        importInFiles(app, prefix, cycle, count, i -> "3,mps,");
    }

    /** The same, {@code agencies} giving row i's "task group,lead agency,coordinating agencies" (CSV cells). */
    static void importInFiles(ConfigurableApplicationContext app, String prefix, int cycle, int count, IntFunction<String> agencies) {
        RecommendationImport imports = app.getBean(RecommendationImport.class);
        for (int from = 0; from < count; from += FILE_ROWS) {
            var csv = new StringBuilder("number,text,recommending_states,response,cycle,task_group,lead_agency,"
                    + "coordinating_agencies,plan_due_date\n");
            for (int i = from; i < Math.min(count, from + FILE_ROWS); i++) {
                csv.append(prefix).append('.').append(i).append(",Benchmark recommendation ").append(i).append(",France,,")
                        .append(cycle).append(',').append(agencies.apply(i)).append(",31/12/2030\n");
            }
            assertThat(imports.importFile("bench.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, false, "bench")
                    .errors()).isEmpty();
        }
    }

    /** An agency's inbox, as Tasklist asks for it, with authorization on, among many open tasks of all agencies. */
    private void inbox(ConfigurableApplicationContext app) {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        app.getBean(RepositoryService.class).createDeployment().addModelInstance("bench-inbox.bpmn",
                Bpmn.createExecutableProcess("bench-inbox").camundaHistoryTimeToLive(1).startEvent().userTask("Work")
                        .camundaCandidateGroups("${agency}").multiInstance().parallel().cardinality("50").multiInstanceDone()
                        .endEvent().done()).deploy();
        for (int i = 0; i < INBOX_TASKS / 50; i++) {
            runtime.startProcessInstanceByKey("bench-inbox", Map.of("agency", AGENCIES[i % AGENCIES.length],
                    RecommendationProcess.VAR_NUMBER_ORDER, RecommendationNumber.orderKey((i % 300) + "." + (i / 300 + 1))));
        }
        TaskService tasks = app.getBean(TaskService.class);
        IdentityService identity = app.getBean(IdentityService.class);
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration();
        long open = tasks.createTaskQuery().count();
        // fresh statistics after the bulk load, as PostgreSQL's autovacuum keeps them in production
        app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).execute("analyze");
        Runnable query = () -> tasks.createTaskQuery().taskCandidateGroupIn(List.of("moj")).includeAssignedTasks()
                .orderByDueDate().asc().listPage(0, 15);
        identity.setAuthentication("moj.focal", List.of("moj"));
        double[] withAuthorization = latencies(query);
        // Tasklist's filters: nearest deadline first, then the recommendation's number (a join on its variable)
        double[] thenByNumber = latencies(() -> tasks.createTaskQuery().taskCandidateGroupIn(List.of("moj"))
                .includeAssignedTasks().orderByDueDate().asc()
                .orderByProcessVariable(RecommendationProcess.VAR_NUMBER_ORDER, ValueType.STRING).asc().listPage(0, 15));
        config.setAuthorizationEnabled(false);
        double[] without = latencies(query);
        config.setAuthorizationEnabled(true);
        identity.clearAuthentication();
        rows.add(String.format("| an agency's inbox (15 tasks by candidate group, authorization on), %,d open tasks over %d agencies: p50 / p95 | %.1f / %.1f ms | authorization off %.1f / %.1f ms | p95 %.2f × (target ≤ 50 ms, ≤ 2 ×) |",
                open, AGENCIES.length, withAuthorization[0], withAuthorization[1], without[0], without[1],
                withAuthorization[1] / without[1]));
        rows.add(String.format("| the same inbox by due date then number (Tasklist's filters, numberOrder): p50 / p95 | %.1f / %.1f ms | by due date alone %.1f / %.1f ms | p95 %.2f × |",
                thenByNumber[0], thenByNumber[1], withAuthorization[0], withAuthorization[1], thenByNumber[1] / withAuthorization[1]));
    }

    static double[] latencies(Runnable query) {
        for (int i = 0; i < 20; i++) {
            query.run();
        }
        double[] ms = new double[200];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            query.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[(int) (ms.length * 0.95)]};
    }

    /** Due reminders rendered with the real template, written to the outbox and delivered over SMTP. */
    private void reminderMails(ConfigurableApplicationContext app, GreenMail smtp) throws Exception {
        MailComposer mails = app.getBean(MailComposer.class);
        OutboxSender sender = app.getBean(OutboxSender.class);
        var transaction = app.getBean(org.springframework.transaction.support.TransactionTemplate.class);
        sender.sendDue(); // the new-task mails of the earlier figures, not measured
        smtp.purgeEmailFromAllMailboxes();
        int total = SCALE;
        long t0 = System.nanoTime();
        for (int from = 0; from < total; from += 1000) {
            int start = from;
            transaction.executeWithoutResult(status -> {
                for (int i = start; i < Math.min(total, start + 1000); i++) {
                    var notice = new TaskNotice("B." + i, 41, "Benchmark recommendation", "Lập kế hoạch thực hiện",
                            "Bộ Công an", "31/12/2030", 3, "http://localhost/task/" + i, null);
                    mails.queue(MailKind.REMINDER, new Recipient("u" + i, "Người nhận " + i, "u" + i + "@upr.example.vn",
                            MailLanguage.VI, false), language -> Map.of("notice", notice), "bench", notice.taskLink());
                }
            });
        }
        sender.sendDue();
        double seconds = (System.nanoTime() - t0) / 1e9;
        MimeMessage[] received = smtp.getReceivedMessages();
        var subjects = new HashSet<String>();
        for (MimeMessage m : received) {
            subjects.add(m.getSubject());
        }
        rows.add(String.format("| %,d due reminders → mails delivered to a local SMTP server (GreenMail) | %.0f mails/s, %d delivered, %d duplicates | — | target ≥ 200/s, 0 duplicates: %s |",
                total, total / seconds, received.length, received.length - subjects.size(),
                total / seconds >= 200 && received.length == subjects.size() ? "met" : "NOT met"));
    }

    /**
     * An embedded PostgreSQL of the benchmark's own whose commits wait for the disk, as production's do (PostgreSQL's
     * defaults). The integration tests' server turns {@code fsync} and {@code synchronous_commit} off for speed,
     * which makes the bare baseline's commit per start nearly free.
     */
    static EmbeddedPostgres durablePostgres() throws IOException {
        return EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start();
    }

    static ConfigurableApplicationContext start(String url, String user, String password) {
        return new SpringApplicationBuilder(UprApplication.class).profiles("test").run(
                "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--camunda.bpm.job-execution.enabled=true",
                "--spring.mail.host=localhost", "--spring.mail.port=3326", "--upr.mail.poll-interval=PT1H",
                // the new-task mails of the earlier figures go out before the reminders are measured, each on its own
                "--upr.mail.batch-window=PT0S");
    }

    static void await(BooleanSupplier done) throws InterruptedException {
        Await.until(Duration.ofMinutes(30), done);
    }
}
