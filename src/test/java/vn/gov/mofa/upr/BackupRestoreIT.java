package vn.gov.mofa.upr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.notification.OutboxSender;
import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess;

/**
 * The backup of docs/operations.md, restored: a database with work in every state is dumped with {@code pg_dump -Fc}
 * (Debian's client, as an operator runs it), restored with {@code pg_restore} into an empty database, and the
 * application started on the copy goes on where the original stood: the same open tasks and timers, the registry
 * and import log, an attachment, the mails still to send sent once and the mails already sent not again.
 */
class BackupRestoreIT {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final Path DUMP = Path.of("target", "backup-restore", "upr.dump");

    static final String FIRST_ANNEX = Recommendations.HEADER + """

            8.1,Waits for its plan,France,Supported,61,3,mps,,31/03/2031
            8.2,Its plan waits for MOFA's review,France,Supported,61,3,moj,,31/03/2031
            8.3,Waits for a reporting round,France,Supported,61,3,mps,moj,31/03/2031
            8.4,Waits for MOFA to assign it,France,Supported,61,,,,
            """;
    static final String SECOND_ANNEX = Recommendations.HEADER + """

            8.5,Its new-task mail is still in the outbox,France,Supported,61,3,moh,,31/03/2031
            """;

    /** Open tasks: where each recommendation waits and which agency it waits for. */
    static final String OPEN_TASKS = """
            select t.id_, p.business_key_, t.task_def_key_, t.due_date_, l.group_id_ from act_ru_task t
            join act_ru_execution p on p.id_ = t.proc_inst_id_
            left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
            order by t.id_, l.group_id_""";
    /** The recommendations' timers and when they are due. */
    static final String TIMERS = """
            select j.id_, p.business_key_, d.act_id_, j.duedate_, j.retries_ from act_ru_job j
            join act_ru_jobdef d on d.id_ = j.job_def_id_ join act_ru_execution p on p.id_ = j.process_instance_id_
            where j.type_ = 'timer' order by j.id_""";
    /** Where each recommendation waits in the process (a message catch has no task). */
    static final String WAITING = """
            select p.business_key_, e.act_id_ from act_ru_execution e join act_ru_execution p on p.id_ = e.proc_inst_id_
            where e.act_id_ is not null order by 1, 2""";

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRestoredDumpGoesOnWhereTheOriginalStood() throws Exception {
        ClockUtil.setCurrentTime(at("2031-01-10T09:00:00+07:00"));
        String original = EmbeddedPostgres.jdbcUrl("upr_backup");
        Snapshot before;
        byte[] plan = "Kế hoạch thực hiện KN 8.1".getBytes(StandardCharsets.UTF_8);
        // the job executor is off: each recommendation stays exactly where the test leaves it
        try (ConfigurableApplicationContext app = application(original, false)) {
            importAnnex(app, FIRST_ANNEX);
            TaskService tasks = app.getBean(TaskService.class);
            complete(tasks, "UPR61-8.2", Map.of("focalPointName", "Trần Thị Bình", "focalPointEmail", "binh@moj.gov.vn",
                    "planActions", "Rà soát luật", "planDeadline", "31/12/2031", "expectedOutput", "Báo cáo"));
            complete(tasks, "UPR61-8.3", Map.of("focalPointName", "Nguyễn Văn A", "focalPointEmail", "a@bca.gov.vn",
                    "planActions", "Rà soát quy định", "planDeadline", "31/12/2031", "expectedOutput", "Báo cáo"));
            complete(tasks, "UPR61-8.3", Map.of("approved", "true"));
            Task waiting = onlyTask(tasks, "UPR61-8.1");
            tasks.createAttachment("text/plain", waiting.getId(), waiting.getProcessInstanceId(), "ke-hoach.txt", null,
                    new ByteArrayInputStream(plan));
            app.getBean(OutboxSender.class).sendDue(); // the first import's new-task mails go out...
            importAnnex(app, SECOND_ANNEX);            // ...the second's wait in the outbox
            before = Snapshot.of(app.getBean(JdbcTemplate.class));
            assertThat(before.waiting).as("work in every state").contains(
                    Map.of("business_key_", "UPR61-8.1", "act_id_", RecommendationProcess.PREPARE_PLAN),
                    Map.of("business_key_", "UPR61-8.2", "act_id_", RecommendationProcess.REVIEW_PLAN),
                    Map.of("business_key_", "UPR61-8.3", "act_id_", RecommendationProcess.WAIT_FOR_REPORT_REQUEST),
                    Map.of("business_key_", "UPR61-8.4", "act_id_", RecommendationProcess.ASSIGN_AGENCIES));
            assertThat(before.timers).as("reminder timers, none due yet").isNotEmpty()
                    .allMatch(timer -> ((Date) timer.get("duedate_")).after(ClockUtil.getCurrentTime()));
            assertThat(before.mails("SENT")).as("mails already sent").isNotEmpty();
            assertThat(before.mails("PENDING")).as("mails still to send").isNotEmpty();
            // the backup, taken while the application runs: pg_dump reads one consistent snapshot
            run("pg_dump", "-Fc", "--file=" + DUMP, database(original));
        }
        List<ReceivedMail> sentByTheOriginal = ReceivedMail.of(mail.getReceivedMessages());
        mail.purgeEmailFromAllMailboxes();

        String restored = EmbeddedPostgres.jdbcUrl("upr_restored"); // a new, empty database
        run("pg_restore", "--exit-on-error", "--no-owner", database(restored), DUMP.toString());
        try (ConfigurableApplicationContext app = application(restored, true)) {
            JdbcTemplate db = app.getBean(JdbcTemplate.class);
            Snapshot after = Snapshot.of(db);
            assertThat(after.openTasks).as("the same open tasks, for the same agencies").isEqualTo(before.openTasks);
            assertThat(after.timers).as("the same timers, due when they were").isEqualTo(before.timers);
            assertThat(after.waiting).isEqualTo(before.waiting);
            assertThat(after.registry).as("the registry").isEqualTo(before.registry);
            assertThat(after.imports).as("the import log").isEqualTo(before.imports);
            assertThat(after.outbox).as("the mails already sent, as they were").containsAll(before.mails("SENT"));
            TaskService tasks = app.getBean(TaskService.class);
            String attachment = tasks.getTaskAttachments(onlyTask(tasks, "UPR61-8.1").getId()).get(0).getId();
            assertThat(tasks.getTaskAttachmentContent(onlyTask(tasks, "UPR61-8.1").getId(), attachment))
                    .as("the attachment").hasBinaryContent(plan);

            // the restored node sends what was waiting, once, and nothing it had sent before
            await(() -> db.queryForObject("select count(*) from outbox_mail where status <> 'SENT'", Integer.class) == 0);
            List<ReceivedMail> pending = before.mails("PENDING").stream()
                    .map(row -> new ReceivedMail((String) row.get("recipient_email"), (String) row.get("subject"), null)).toList();
            assertThat(received()).as("the mails still to send, once each").containsExactlyInAnyOrderElementsOf(pending);
            assertThat(received()).as("no mail sent before the backup").noneMatch(m -> sentByTheOriginal.stream()
                    .anyMatch(sent -> sent.to().equals(m.to()) && sent.subject().equals(m.subject())));

            // a timer fires when its time comes: the first plan reminder, 14 days before the plan is due
            mail.purgeEmailFromAllMailboxes();
            Date reminderDue = before.timers.stream().filter(t -> t.get("business_key_").equals("UPR61-8.1")
                    && t.get("act_id_").equals("PlanReminder1")).map(t -> (Date) t.get("duedate_")).findFirst().orElseThrow();
            ClockUtil.setCurrentTime(new Date(reminderDue.getTime() + 60_000));
            await(() -> received().stream().anyMatch(m -> m.to().equals("mps.focal@upr.example.vn")
                    && m.subject().contains("Nhắc hạn") && m.subject().contains("8.1")));
            Thread.sleep(2000); // a second delivery would come within the sender's next polls
            assertThat(received()).filteredOn(m -> m.subject().contains("Nhắc hạn") && m.subject().contains("8.1"))
                    .as("the reminder, once").hasSize(1);

            // and the work goes on: MOFA approves a plan, a reporting round reaches the recommendation that waited for it
            complete(tasks, "UPR61-8.2", Map.of("approved", "true"));
            app.getBean(RuntimeService.class).startProcessInstanceByKey(ReportingRoundProcess.KEY, Map.of(
                    "roundName", "Báo cáo giữa kỳ", "roundKind", "MID_TERM", "agencyDeadline", "15/04/2031",
                    "reportDeadline", "30/04/2031", "targetScope", "AGENCY", "targetAgency", "mps"));
            await(() -> tasks.createTaskQuery().processInstanceBusinessKey("UPR61-8.3")
                    .taskDefinitionKey(RecommendationProcess.CONTRIBUTE_INPUT).taskCandidateGroup("moj").count() == 1);
            assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey("UPR61-8.2")
                    .activityIdIn(RecommendationProcess.WAIT_FOR_REPORT_REQUEST).count()).isEqualTo(1);
        }
    }

    /** What must survive the backup, read with SQL so that the original and the copy are read alike. */
    record Snapshot(List<Map<String, Object>> openTasks, List<Map<String, Object>> timers, List<Map<String, Object>> waiting,
            List<Map<String, Object>> registry, List<Map<String, Object>> imports, List<Map<String, Object>> outbox) {

        static Snapshot of(JdbcTemplate db) {
            return new Snapshot(db.queryForList(OPEN_TASKS), db.queryForList(TIMERS), db.queryForList(WAITING),
                    db.queryForList("select * from recommendation order by id"),
                    db.queryForList("select * from import_log order by id"),
                    db.queryForList("select * from outbox_mail order by id"));
        }

        List<Map<String, Object>> mails(String status) {
            return outbox.stream().filter(row -> status.equals(row.get("status"))).toList();
        }
    }

    private static List<ReceivedMail> received() {
        return ReceivedMail.of(mail.getReceivedMessages()).stream().map(m -> new ReceivedMail(m.to(), m.subject(), null)).toList();
    }

    /**
     * The application on {@code url}, its mails to GreenMail. The restored one runs as in production: its job executor
     * fires timers and its sender polls the outbox every second.
     */
    private static ConfigurableApplicationContext application(String url, boolean running) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                // each new-task mail on its own at once: the test follows mails one by one across the backup
                "--upr.mail.batch-window=PT0S"));
        if (running) {
            args.addAll(List.of("--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.max-wait=1000",
                    "--upr.mail.poll-interval=PT1S"));
        }
        return new SpringApplicationBuilder(UprApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    private static void importAnnex(ConfigurableApplicationContext app, String annex) {
        assertThat(app.getBean(RecommendationImport.class).importFile("annex.csv", annex.getBytes(StandardCharsets.UTF_8),
                null, false, "mofa.focal").errors()).isEmpty();
        Recommendations.continueStarts(app.getBean(ManagementService.class));
    }

    private static void complete(TaskService tasks, String businessKey, Map<String, Object> variables) {
        tasks.complete(onlyTask(tasks, businessKey).getId(), variables);
    }

    private static Task onlyTask(TaskService tasks, String businessKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    /** The connection options of PostgreSQL's command-line clients for the database of {@code jdbcUrl}. */
    private static List<String> database(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return List.of("--host=" + uri.getHost(), "--port=" + uri.getPort(), "--username=postgres",
                "--dbname=" + uri.getPath().substring(1));
    }

    /** Runs one of PostgreSQL's client programs; fails the test with its output when it fails or is missing. */
    private static void run(String program, Object... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program));
        for (Object argument : arguments) {
            if (argument instanceof List<?> list) {
                list.forEach(item -> command.add(item.toString()));
            } else {
                command.add(argument.toString());
            }
        }
        Files.createDirectories(DUMP.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(program + " not found: install PostgreSQL's client programs (Debian: apt-get install"
                    + " postgresql-client; .ci/run does)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static Date at(String time) {
        return Date.from(OffsetDateTime.parse(time).toInstant());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Await.until(Duration.ofSeconds(30), condition);
    }
}
