package vn.gov.mofa.upr;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.ASSIGN_AGENCIES;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.CONTRIBUTE_INPUT;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.FOLLOW_UP_OVERDUE;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.PREPARE_PLAN;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.PREPARE_REPORT;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.REVIEW_PLAN;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.SIGN_OFF_PLAN;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.SIGN_OFF_REPORT;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.REVIEW_REPORT;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.WAIT_FOR_REPORT_REQUEST;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess;

/**
 * A release that changes a process, on PostgreSQL, as an administrator lives it (docs/operations.md, Upgrading): the
 * application of the previous release (version 1 of {@code upr-recommendation}, from
 * {@code src/test/resources/processes/versions/1/}) leaves recommendations waiting at every wait state; the new
 * release starts on the same database, the administrator asks for a dry run, migrates, reads the report. Every moved
 * recommendation waits where it waited, with the same task, timers due when they were due, the same variables and
 * history, no mail sent by the move and none twice afterwards, the new version's forms, and runs to its end. Two
 * instances that cannot move are named in the dry run with the reason, and stay untouched on their version.
 */
class ProcessMigrationIT {

    static final String VERSION_1 = "classpath*:processes/versions/1/*.bpmn,classpath*:upr/processes/*.dmn,"
            + "classpath*:processes/versions/1/forms/*.form";

    static final String VERSION_2 = "classpath*:processes/versions/2/*.bpmn,classpath*:upr/processes/upr-reporting-round.bpmn,"
            + "classpath*:upr/processes/*.dmn,classpath*:processes/versions/2/forms/*.form";

    static final String ANNEX_FOR_VERSION_2 = Recommendations.HEADER + """

            6.1,Waits for MOFA to assign it,France,Supported,63,,,,
            6.2,Waits for its plan; first reminder sent,France,Supported,63,3,mps,,15/01/2031
            6.3,Its plan waits for MOFA's review,France,Supported,63,3,moj,,31/03/2031
            6.4,Waits for a reporting round,France,Supported,63,3,moh,,31/03/2031
            6.5,Its report and a contribution are being written,France,Supported,63,3,mps,moj,31/03/2031
            6.6,Its report waits for MOFA's review,France,Supported,63,3,mps,,31/03/2031
            """;

    static final String ANNEX = Recommendations.HEADER + """

            5.1,Waits for MOFA to assign it,France,Supported,62,,,,
            5.2,Waits for its plan; no timer due,France,Supported,62,3,mps,,31/03/2031
            5.3,Waits for its plan; first reminder sent,France,Supported,62,3,mps,,15/01/2031
            5.4,Waits for its plan; first reminder due and not sent,France,Supported,62,3,moj,,15/01/2031
            5.5,Plan overdue; MOFA follows it up,France,Supported,62,3,moh,,05/01/2031
            5.6,Its plan waits for MOFA's review,France,Supported,62,3,moj,,31/03/2031
            5.7,Waits for a reporting round,France,Supported,62,3,moh,,31/03/2031
            5.8,One of two contributions given,France,Supported,62,3,mps,"moj,moh",31/03/2031
            5.9,Its report is being written,France,Supported,62,3,mps,moj,31/03/2031
            5.10,Its report waits for MOFA's review,France,Supported,62,3,mps,,31/03/2031
            """;

    static final String OPEN_TASKS = """
            select t.id_, p.business_key_, t.task_def_key_, t.due_date_, t.name_, l.group_id_ from act_ru_task t
            join act_ru_execution p on p.id_ = t.proc_inst_id_
            left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
            where p.business_key_ like 'UPR62-%' order by t.id_, l.group_id_""";
    static final String TIMERS = """
            select j.id_, p.business_key_, d.act_id_, j.duedate_, j.repeat_ from act_ru_job j
            join act_ru_jobdef d on d.id_ = j.job_def_id_ join act_ru_execution p on p.id_ = j.process_instance_id_
            where j.type_ = 'timer' order by j.id_""";
    static final String WAITING = """
            select p.business_key_, e.act_id_, e.is_active_, e.is_concurrent_, e.is_scope_ from act_ru_execution e
            join act_ru_execution p on p.id_ = e.proc_inst_id_ where e.act_id_ is not null order by 1, 2, 3, 4, 5""";
    static final String VARIABLES = """
            select p.business_key_, v.name_, v.type_, v.text_, v.text2_, v.long_, v.double_ from act_ru_variable v
            join act_ru_execution p on p.id_ = v.proc_inst_id_ order by 1, 2, 4, 6""";
    static final String HISTORY = """
            select a.id_, a.act_id_, a.start_time_, a.end_time_, a.assignee_ from act_hi_actinst a order by a.id_""";
    static final String HISTORIC_TASKS = """
            select t.id_, t.task_def_key_, t.assignee_, t.start_time_, t.end_time_ from act_hi_taskinst t order by t.id_""";

    static final String APPROVED_PLAN_TITLE = "Kế hoạch thực hiện đã được Bộ Ngoại giao duyệt";

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyWaitingRecommendationMovesToTheNewVersionAndGoesOnFromWhereItWaited() throws Exception {
        // imported on 20/12/2030, before the first reminders of the plans due in January; the rest happens on 10/01/2031
        ClockUtil.setCurrentTime(at("2030-12-20T09:00:00+07:00"));
        String database = EmbeddedPostgres.jdbcUrl("upr_migration");
        Map<String, List<Map<String, Object>>> before;
        try (ConfigurableApplicationContext previousRelease = application(database, VERSION_1)) {
            leaveWorkInEveryWaitState(previousRelease);
            leaveTwoInstancesThatCannotMove(previousRelease);
            before = snapshot(previousRelease.getBean(JdbcTemplate.class));
            assertThat(deployedForm(previousRelease, "UPR62-5.9")).as("version 1's report form")
                    .doesNotContain(APPROVED_PLAN_TITLE);
        }

        try (ConfigurableApplicationContext release = application(database, null)) {
            JdbcTemplate db = release.getBean(JdbcTemplate.class);
            String port = release.getEnvironment().getProperty("local.server.port");
            // what the new release's own start does (e.g. the recommendations' sort key given to running instances) is
            // not the migration's doing: the comparisons below start from here
            Map<String, List<Map<String, Object>>> baseline = snapshot(db);
            for (String part : List.of("tasks", "timers", "waiting")) {
                assertThat(baseline.get(part)).as(part + " as the previous release left them").isEqualTo(before.get(part));
            }

            // the dry run: how many would move, which would not and why; nothing changes
            JsonNode dryRun = asAdministrator(port, "/api/process-versions/dry-run");
            assertThat(dryRun.get("movable").asInt()).as("the ten recommendations and the round").isEqualTo(11);
            assertThat(dryRun.get("stuck")).extracting(s -> s.get("businessKey").asText() + ": " + s.get("reason").asText())
                    .satisfiesExactlyInAnyOrder(
                            stuck -> assertThat(stuck).startsWith("UPR62-5.20: Không chuyển được").contains("CheckPlan"),
                            stuck -> assertThat(stuck).isEqualTo(
                                    "UPR62-5.21: Chưa có kế hoạch chuyển phiên bản 0 sang 3 (tệp processes/migrations/"
                                            + "upr-recommendation-0-to-3.json)"));
            assertThat(snapshot(db)).as("a dry run changes nothing").isEqualTo(baseline);

            assertThat(send(port, "/api/process-versions/migration?expected=12", "POST").statusCode())
                    .as("a migration that does not match the dry run moves nothing").isEqualTo(409);
            JsonNode migration = asAdministrator(port, "/api/process-versions/migration?expected=11");
            assertThat(migration.get("batches")).extracting(b -> b.get("process").asText() + " " + b.get("instances").asInt())
                    .containsExactlyInAnyOrder(RecommendationProcess.KEY + " 9", ReportingRoundProcess.KEY + " 1");
            assertThat(migration.get("movedAtOnce")).as("the recommendation waiting for a contribution: its report starts now")
                    .extracting(m -> m.get("businessKey").asText() + " " + m.get("started"))
                    .containsExactly("UPR62-5.8 [\"ReportRevision\"]");
            for (JsonNode batch : migration.get("batches")) {
                runBatch(release.getBean(ManagementService.class), batch.get("batchId").asText());
            }
            JsonNode report = asAdministrator(port, "/api/process-versions", "GET");
            assertThat(report.get("batches")).as("the batches: finished, no job failed, nothing left behind").hasSize(2)
                    .allSatisfy(b -> assertThat(b.get("finished").asBoolean()).isTrue())
                    .allSatisfy(b -> assertThat(b.get("jobsFailed").asInt()).isZero())
                    .allSatisfy(b -> assertThat(b.get("leftOnOlderVersion").asInt()).isZero())
                    .allSatisfy(b -> assertThat(b.get("startedBy").asText()).isEqualTo("admin"))
                    .extracting(b -> b.get("fromTag").asText() + " -> " + b.get("toTag").asText() + ": " + b.get("instances"))
                    .containsExactlyInAnyOrder("1 -> 3: 9", "1 -> 2: 1");
            assertThat(report.get("gaps")).as("what stays on an older version").extracting(g -> g.get("fromTag").asText()
                    + " " + g.get("instances").asInt()).containsExactlyInAnyOrder("1 1", "0 1");

            RuntimeService runtime = release.getBean(RuntimeService.class);
            RepositoryService repository = release.getBean(RepositoryService.class);
            for (int n = 1; n <= 10; n++) {
                ProcessInstance moved = instance(runtime, "UPR62-5." + n);
                assertThat(repository.getProcessDefinition(moved.getProcessDefinitionId()).getVersionTag())
                        .as(moved.getBusinessKey()).isEqualTo("3");
            }
            Map<String, List<Map<String, Object>>> after = snapshot(db);
            String started = instance(runtime, "UPR62-5.8").getId();
            assertThat(without(after.get("tasks"), "UPR62-5.8")).as("the same tasks, for the same agencies, due when they were")
                    .isEqualTo(without(baseline.get("tasks"), "UPR62-5.8"));
            assertThat(after.get("tasks")).as("5.8 keeps its open contribution and gets its report task")
                    .containsAll(baseline.get("tasks")).filteredOn(t -> !baseline.get("tasks").contains(t))
                    .extracting(t -> t.get("business_key_") + " " + t.get("task_def_key_") + " " + t.get("group_id_"))
                    .containsExactly("UPR62-5.8 " + PREPARE_REPORT + " mps");
            assertThat(after.get("timers")).as("the same timers, due when they were").containsAll(baseline.get("timers"));
            assertThat(without(after.get("waiting"), "UPR62-5.8")).as("each waits where it waited")
                    .isEqualTo(without(baseline.get("waiting"), "UPR62-5.8"));
            assertThat(without(after.get("variables"), "UPR62-5.8")).as("the variables")
                    .isEqualTo(without(baseline.get("variables"), "UPR62-5.8"));
            assertThat(after.get("variables")).containsAll(baseline.get("variables"));
            assertThat(after.get("history")).as("the history").containsAll(baseline.get("history"));
            assertThat(after.get("historicTasks")).containsAll(baseline.get("historicTasks"));
            assertThat(after.get("outbox")).as("no mail from the move but the report task's").containsAll(baseline.get("outbox"))
                    .filteredOn(m -> !baseline.get("outbox").contains(m))
                    .isNotEmpty().allMatch(m -> started.equals(m.get("business_key")) && "new-task".equals(m.get("kind")));
            assertThat(deployedForm(release, "UPR62-5.9")).as("the open report task shows the new version's form")
                    .contains(APPROVED_PLAN_TITLE);
            assertThat(instance(runtime, "UPR62-5.20").getProcessDefinitionId()).as("left where it was")
                    .isEqualTo(baseline.get("stuck").get(0).get("proc_def_id_"));

            goOnToTheEnd(release);
        }
    }

    @Test
    void versionTwosRecommendationsMoveToVersionThreeAndMeetTheLeadersSignOffFromThen() throws Exception {
        ClockUtil.setCurrentTime(at("2030-12-20T09:00:00+07:00"));
        String database = EmbeddedPostgres.jdbcUrl("upr_migration_2");
        Map<String, List<Map<String, Object>>> before;
        try (ConfigurableApplicationContext previousRelease = application(database, VERSION_2)) {
            assertThat(previousRelease.getBean(RecommendationImport.class).importFile("annex.csv",
                    ANNEX_FOR_VERSION_2.getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal").errors()).isEmpty();
            ManagementService management = previousRelease.getBean(ManagementService.class);
            Recommendations.continueStarts(management);
            ClockUtil.setCurrentTime(at("2031-01-10T09:00:00+07:00"));
            TaskService tasks = previousRelease.getBean(TaskService.class);
            for (String key : List.of("UPR63-6.3", "UPR63-6.4", "UPR63-6.5", "UPR63-6.6")) {
                complete(tasks, key, PREPARE_PLAN, plan());
            }
            for (String key : List.of("UPR63-6.4", "UPR63-6.5", "UPR63-6.6")) {
                complete(tasks, key, REVIEW_PLAN, Map.of("approved", true));
            }
            previousRelease.getBean(RuntimeService.class).startProcessInstanceByKey(ReportingRoundProcess.KEY, Map.of(
                    "roundName", "Báo cáo giữa kỳ", "roundKind", "MID_TERM", "agencyDeadline", "15/04/2031",
                    "reportDeadline", "30/04/2031", "targetScope", "AGENCY", "targetAgency", "mps"));
            runMessageJobs(management);
            complete(tasks, "UPR63-6.6", PREPARE_REPORT, Map.of("implementationStatus", "IN_PROGRESS", "reportResults", "Đang làm"));
            execute(previousRelease, "UPR63-6.2", "PlanReminder1");
            Map<String, String> expected = Map.of("UPR63-6.1", ASSIGN_AGENCIES, "UPR63-6.2", PREPARE_PLAN,
                    "UPR63-6.3", REVIEW_PLAN, "UPR63-6.4", WAIT_FOR_REPORT_REQUEST, "UPR63-6.5", CONTRIBUTE_INPUT,
                    "UPR63-6.6", REVIEW_REPORT);
            RuntimeService runtime = previousRelease.getBean(RuntimeService.class);
            expected.forEach((key, activity) -> assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
                    .activityIdIn(activity).count()).as(key + " waits at " + activity).isEqualTo(1));
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("UPR63-6.5")
                    .activityIdIn(PREPARE_REPORT).count()).as("version 2: the report beside the contribution").isEqualTo(1);
            before = snapshot(previousRelease.getBean(JdbcTemplate.class));
        }

        try (ConfigurableApplicationContext release = application(database, null)) {
            JdbcTemplate db = release.getBean(JdbcTemplate.class);
            String port = release.getEnvironment().getProperty("local.server.port");
            Map<String, List<Map<String, Object>>> baseline = snapshot(db); // after the release's own start, as in the test above
            for (String part : List.of("tasks", "timers", "waiting")) {
                assertThat(baseline.get(part)).as(part + " as the previous release left them").isEqualTo(before.get(part));
            }
            JsonNode dryRun = asAdministrator(port, "/api/process-versions/dry-run");
            assertThat(dryRun.get("movable").asInt()).as("the six recommendations and the round").isEqualTo(7);
            assertThat(dryRun.get("stuck")).isEmpty();
            JsonNode migration = asAdministrator(port, "/api/process-versions/migration?expected=7");
            assertThat(migration.get("movedAtOnce")).as("version 3 starts nothing where version 2 waited").isEmpty();
            for (JsonNode batch : migration.get("batches")) {
                runBatch(release.getBean(ManagementService.class), batch.get("batchId").asText());
            }
            JsonNode report = asAdministrator(port, "/api/process-versions", "GET");
            assertThat(report.get("batches")).extracting(b -> b.get("fromTag").asText() + " -> " + b.get("toTag").asText()
                    + ": " + b.get("instances")).containsExactlyInAnyOrder("2 -> 3: 6", "2 -> 2: 1");
            assertThat(report.get("gaps")).as("nothing left on version 2").isEmpty();

            Map<String, List<Map<String, Object>>> after = snapshot(db);
            for (String part : List.of("tasks", "timers", "waiting", "variables", "outbox")) {
                assertThat(after.get(part)).as(part + ": the same, and no mail from the move").isEqualTo(baseline.get(part));
            }
            assertThat(after.get("history")).containsAll(baseline.get("history"));

            // from now on the leader signs off: MOFA turns it on for the Ministry of Public Security
            HttpResponse<String> on = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + port + "/api/sign-off/mps")).header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("admin:Quantri-2026".getBytes())).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"required\": true}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
            TaskService tasks = release.getBean(TaskService.class);
            int firstReminder = reminders(db, "UPR63-6.2");
            ClockUtil.setCurrentTime(at("2031-01-13T12:00:00+07:00"));
            runDueTimers(release.getBean(ManagementService.class));
            assertThat(reminders(db, "UPR63-6.2")).as("the second reminder, once, from version 3").isEqualTo(2 * firstReminder);
            complete(tasks, "UPR63-6.2", PREPARE_PLAN, plan());
            complete(tasks, "UPR63-6.2", SIGN_OFF_PLAN, "mps-leaders", Map.of("signedOff", "true"));
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey("UPR63-6.2").singleResult().getTaskDefinitionKey())
                    .isEqualTo(REVIEW_PLAN);
            complete(tasks, "UPR63-6.5", PREPARE_REPORT, Map.of("implementationStatus", "IN_PROGRESS", "reportResults", "Xong"));
            complete(tasks, "UPR63-6.5", SIGN_OFF_REPORT, "mps-leaders", Map.of("signedOff", "true"));
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey("UPR63-6.5").taskDefinitionKey(REVIEW_REPORT)
                    .count()).isEqualTo(1);
            complete(tasks, "UPR63-6.3", REVIEW_PLAN, Map.of("approved", true));
            assertThat(release.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey("UPR63-6.3")
                    .activityIdIn(WAIT_FOR_REPORT_REQUEST).count()).as("no round awaits it: it waits for the next").isEqualTo(1);
            complete(tasks, "UPR63-6.6", REVIEW_REPORT, Map.of("approved", true));
        }
    }

    /** Recommendations at every wait state of version 1, and a reporting round waiting for the agencies' deadline. */
    private static void leaveWorkInEveryWaitState(ConfigurableApplicationContext app) {
        assertThat(app.getBean(RecommendationImport.class).importFile("annex.csv", ANNEX.getBytes(StandardCharsets.UTF_8),
                null, false, "mofa.focal").errors()).isEmpty();
        ManagementService management = app.getBean(ManagementService.class);
        Recommendations.continueStarts(management);
        ClockUtil.setCurrentTime(at("2031-01-10T09:00:00+07:00"));
        TaskService tasks = app.getBean(TaskService.class);
        for (String key : List.of("UPR62-5.6", "UPR62-5.7", "UPR62-5.8", "UPR62-5.9", "UPR62-5.10")) {
            complete(tasks, key, PREPARE_PLAN, plan());
        }
        for (String key : List.of("UPR62-5.7", "UPR62-5.8", "UPR62-5.9", "UPR62-5.10")) {
            complete(tasks, key, REVIEW_PLAN, Map.of("approved", true));
        }
        // MOFA opens a round for the Ministry of Public Security: 5.8, 5.9 and 5.10 are asked for their reports
        app.getBean(RuntimeService.class).startProcessInstanceByKey(ReportingRoundProcess.KEY, Map.of(
                "roundName", "Báo cáo giữa kỳ", "roundKind", "MID_TERM", "agencyDeadline", "15/04/2031",
                "reportDeadline", "30/04/2031", "targetScope", "AGENCY", "targetAgency", "mps"));
        runMessageJobs(management);
        complete(tasks, "UPR62-5.8", CONTRIBUTE_INPUT, "moj", Map.of("contributionResults", "Đã sửa Bộ luật Tố tụng hình sự"));
        complete(tasks, "UPR62-5.9", CONTRIBUTE_INPUT, "moj", Map.of("contributionResults", "Đã tập huấn 200 cán bộ"));
        complete(tasks, "UPR62-5.10", PREPARE_REPORT, Map.of("implementationStatus", "FULLY_IMPLEMENTED",
                "reportResults", "Hoàn thành"));
        // 5.3's first reminder went out; 5.4's is due and waits for the job executor; 5.5 is overdue
        execute(app, "UPR62-5.3", "PlanReminder1");
        execute(app, "UPR62-5.5", "PlanOverdue");

        Map<String, String> expected = Map.of("UPR62-5.1", ASSIGN_AGENCIES, "UPR62-5.2", PREPARE_PLAN, "UPR62-5.6", REVIEW_PLAN,
                "UPR62-5.7", WAIT_FOR_REPORT_REQUEST, "UPR62-5.8", CONTRIBUTE_INPUT, "UPR62-5.9", PREPARE_REPORT,
                "UPR62-5.10", REVIEW_REPORT);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        expected.forEach((key, activity) -> assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
                .activityIdIn(activity).count()).as(key + " waits at " + activity).isEqualTo(1));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("UPR62-5.5").list())
                .extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder(PREPARE_PLAN, FOLLOW_UP_OVERDUE);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("UPR62-5.8").taskDefinitionKey(CONTRIBUTE_INPUT).list())
                .as("one contribution of two still open").hasSize(1);
        JdbcTemplate db = app.getBean(JdbcTemplate.class);
        assertThat(reminders(db, "UPR62-5.3")).as("5.3's first reminder, queued").isPositive();
        assertThat(reminders(db, "UPR62-5.4")).isZero();
        assertThat(dueTimer(app, "UPR62-5.4", "PlanReminder1")).as("5.4's first reminder is due").isTrue();
        assertThat(dueTimer(app, "UPR62-5.2", "PlanReminder1")).as("5.2's is not").isFalse();
    }

    /**
     * Two deployments made by hand, as someone might have: a version 1 whose review step has another id, and a version
     * without a plan to the current one. Their instances cannot move.
     */
    private static void leaveTwoInstancesThatCannotMove(ConfigurableApplicationContext app) throws IOException {
        String version1;
        try (InputStream in = ProcessMigrationIT.class.getResourceAsStream("/processes/versions/1/upr-recommendation.bpmn")) {
            version1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RepositoryService repository = app.getBean(RepositoryService.class);
        RecommendationImport imports = app.getBean(RecommendationImport.class);
        String renamed = version1.replace("\"ReviewPlan\"", "\"CheckPlan\"").replace("\"ReviewPlan_di\"", "\"CheckPlan_di\"");
        repository.createDeployment().name("renamed review").addString("upr-recommendation.bpmn", renamed)
                .addClasspathResource("upr/forms/review-plan.form").addClasspathResource("upr/forms/prepare-plan.form")
                .addClasspathResource("upr/forms/assign-agencies.form").deploy();
        imports.importFile("annex.csv", (Recommendations.HEADER + "\n5.20,Waits at a renamed step,France,Supported,62,3,mps,,"
                + "31/03/2031\n").getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal");
        Recommendations.continueStarts(app.getBean(ManagementService.class));
        complete(app.getBean(TaskService.class), "UPR62-5.20", PREPARE_PLAN, plan());

        repository.createDeployment().name("version 0").addString("upr-recommendation.bpmn",
                version1.replace("camunda:historyTimeToLive=\"3650\"", "camunda:historyTimeToLive=\"3650\" camunda:versionTag=\"0\""))
                .addClasspathResource("upr/forms/prepare-plan.form").addClasspathResource("upr/forms/assign-agencies.form")
                .deploy();
        imports.importFile("annex.csv", (Recommendations.HEADER + "\n5.21,Runs on a version without a plan,France,Supported,"
                + "62,3,mps,,31/03/2031\n").getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal");
        Recommendations.continueStarts(app.getBean(ManagementService.class));
        assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey("UPR62-5.20")
                .activityIdIn("CheckPlan").count()).isEqualTo(1);
    }

    /** After the move: due timers fire once, the work goes on on version 2, and the cycle's end closes the rest. */
    private static void goOnToTheEnd(ConfigurableApplicationContext app) {
        ManagementService management = app.getBean(ManagementService.class);
        TaskService tasks = app.getBean(TaskService.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        HistoryService history = app.getBean(HistoryService.class);
        JdbcTemplate db = app.getBean(JdbcTemplate.class);
        int firstReminder = reminders(db, "UPR62-5.3");

        runDueTimers(management);
        assertThat(reminders(db, "UPR62-5.4")).as("5.4's due reminder, sent after the move").isEqualTo(firstReminder);
        assertThat(reminders(db, "UPR62-5.3")).as("5.3's first reminder, not again").isEqualTo(firstReminder);
        assertThat(reminders(db, "UPR62-5.2")).isZero();

        ClockUtil.setCurrentTime(at("2031-01-13T12:00:00+07:00")); // past the second reminders of the plans due on 15/01
        runDueTimers(management);
        assertThat(reminders(db, "UPR62-5.3")).as("5.3's second reminder, from the new version's task")
                .isEqualTo(2 * firstReminder);
        assertThat(history.createHistoricActivityInstanceQuery().activityId("RemindPlanAgain").count())
                .as("second reminders of 5.3, 5.4 and 5.5").isEqualTo(3);

        complete(tasks, "UPR62-5.1", ASSIGN_AGENCIES, Map.of("leadAgency", "moh", "coordinatingAgencies", "[]",
                "taskGroup", "3", "planDueDate", "31/03/2031"));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("UPR62-5.1").singleResult().getTaskDefinitionKey())
                .isEqualTo(PREPARE_PLAN);
        complete(tasks, "UPR62-5.5", FOLLOW_UP_OVERDUE, Map.of("followUpNote", "Đã gọi điện cho Bộ Y tế"));
        complete(tasks, "UPR62-5.6", REVIEW_PLAN, Map.of("approved", true));
        complete(tasks, "UPR62-5.8", CONTRIBUTE_INPUT, Map.of("contributionResults", "Đã tổ chức hội thảo"));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("UPR62-5.8").singleResult().getTaskDefinitionKey())
                .as("the last contribution ends its branch; the report goes on").isEqualTo(PREPARE_REPORT);
        complete(tasks, "UPR62-5.10", REVIEW_REPORT, Map.of("approved", true));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("UPR62-5.10").singleResult()
                .getEndActivityId()).isEqualTo("RecommendationImplemented");

        for (int n = 1; n <= 9; n++) {
            runtime.createMessageCorrelation(RecommendationProcess.MESSAGE_CYCLE_CLOSED)
                    .processInstanceBusinessKey("UPR62-5." + n).correlate();
        }
        for (int n = 1; n <= 10; n++) {
            var ended = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("UPR62-5." + n).singleResult();
            assertThat(ended.getEndTime()).as("UPR62-5." + n + " ran to its end").isNotNull();
        }
        assertThat(history.createHistoricActivityInstanceQuery().activityId("RecordCycleClosed").count()).isEqualTo(9);
    }

    private static List<Map<String, Object>> without(List<Map<String, Object>> rows, String businessKey) {
        return rows.stream().filter(row -> !businessKey.equals(row.get("business_key_"))).toList();
    }

    private static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate db) {
        return Map.of("tasks", db.queryForList(OPEN_TASKS), "timers", db.queryForList(TIMERS),
                "waiting", db.queryForList(WAITING), "variables", db.queryForList(VARIABLES),
                "history", db.queryForList(HISTORY), "historicTasks", db.queryForList(HISTORIC_TASKS),
                "outbox", db.queryForList("select id, kind, business_key, recipient_email, subject from outbox_mail order by id"),
                "stuck", db.queryForList("select proc_def_id_ from act_ru_execution where business_key_ = 'UPR62-5.20'"));
    }

    private static String deployedForm(ConfigurableApplicationContext app, String businessKey) throws IOException {
        Task task = app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        try (InputStream form = app.getBean(FormService.class).getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What Cockpit's job executor would do with a migration batch: its seed job, its jobs, its monitor. */
    private static void runBatch(ManagementService management, String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                batch.getMonitorJobDefinitionId())) {
            for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
                management.executeJob(job.getId());
            }
        }
    }

    private static void runMessageJobs(ManagementService management) {
        List<Job> jobs;
        while (!(jobs = management.createJobQuery().messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private static void runDueTimers(ManagementService management) {
        management.createJobQuery().timers().executable().list().forEach(job -> management.executeJob(job.getId()));
    }

    private static void execute(ConfigurableApplicationContext app, String businessKey, String timer) {
        app.getBean(ManagementService.class).executeJob(timer(app, businessKey, timer).getId());
    }

    private static boolean dueTimer(ConfigurableApplicationContext app, String businessKey, String timer) {
        return !timer(app, businessKey, timer).getDuedate().after(ClockUtil.getCurrentTime());
    }

    private static Job timer(ConfigurableApplicationContext app, String businessKey, String timer) {
        String instance = instance(app.getBean(RuntimeService.class), businessKey).getId();
        return app.getBean(ManagementService.class).createJobQuery().processInstanceId(instance).activityId(timer)
                .singleResult();
    }

    private static int reminders(JdbcTemplate db, String businessKey) {
        // the outbox keeps the process instance's id in business_key
        return db.queryForObject("""
                select count(*) from outbox_mail where kind = 'reminder'
                and business_key = (select id_ from act_hi_procinst where business_key_ = ?)""", Integer.class, businessKey);
    }

    private static Map<String, Object> plan() {
        return Map.of("focalPointName", "Nguyễn Văn A", "focalPointEmail", "a@bca.gov.vn", "planActions", "Rà soát quy định",
                "planDeadline", "31/12/2031", "expectedOutput", "Báo cáo rà soát");
    }

    private static void complete(TaskService tasks, String businessKey, String step, Map<String, Object> variables) {
        complete(tasks, businessKey, step, null, variables);
    }

    private static void complete(TaskService tasks, String businessKey, String step, String group,
            Map<String, Object> variables) {
        var query = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(step);
        tasks.complete((group == null ? query : query.taskCandidateGroup(group)).singleResult().getId(), variables);
    }

    private static ProcessInstance instance(RuntimeService runtime, String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private JsonNode asAdministrator(String port, String path) throws IOException, InterruptedException {
        return asAdministrator(port, path, "POST");
    }

    private JsonNode asAdministrator(String port, String path, String method) throws IOException, InterruptedException {
        HttpResponse<String> response = send(port, path, method);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static HttpResponse<String> send(String port, String path, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:Quantri-2026".getBytes()))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The application on {@code url}, job executor off; {@code resources}: another release's processes and forms. */
    private static ConfigurableApplicationContext application(String url, String resources) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--spring.mail.port=3999"));
        if (resources != null) {
            args.add("--camunda.bpm.deployment-resource-pattern=" + resources);
        }
        return new SpringApplicationBuilder(UprApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    private static Date at(String time) {
        return Date.from(OffsetDateTime.parse(time).toInstant());
    }
}
