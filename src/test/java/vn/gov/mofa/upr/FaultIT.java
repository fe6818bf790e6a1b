package vn.gov.mofa.upr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.notification.Recipients;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * Faults that must lose nothing: PostgreSQL restarted while users complete tasks and timers fire, a failing step that becomes an
 * incident and is retried, two users completing the same task at once. Runs on its own PostgreSQL server (fixed
 * data directory and port, so it can be restarted) with the job executor on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultIT {

    static final int PORT = 54329;
    static final int TIMERS = 30;

    Path dataDirectory;
    EmbeddedPostgres postgres;
    ConfigurableApplicationContext app;

    @BeforeAll
    void start() throws Exception {
        dataDirectory = Files.createTempDirectory("upr-fault-pg");
        postgres = startPostgres();
        app = new SpringApplicationBuilder(UprApplication.class).profiles("test").run("--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.connection-timeout=2000", "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
                // a job whose failure could not be written while the database was away is taken again after its lock
                // expires (5 minutes in production; seconds here)
                "--camunda.bpm.job-execution.lock-time-in-millis=5000",
                // the shipped three tries five minutes apart, one second apart here
                "--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R3/PT1S");
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
        postgres.close();
        FileSystemUtils.deleteRecursively(dataDirectory);
    }

    @Test
    void aDatabaseRestartLosesNoCompletedTaskAndNoTimer() throws Exception {
        int count = 40;
        importPlans("F", count, "mps");
        importPlans("T", TIMERS, "moj");
        List<String> reminded = app.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceBusinessKeyLike("UPR60-T.%").list().stream().map(p -> p.getId()).toList();
        TaskService tasks = app.getBean(TaskService.class);
        List<Task> plans = tasks.createTaskQuery().processInstanceBusinessKeyLike("UPR60-F.%").list();
        assertThat(plans).hasSize(count);

        List<String> completed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        CountDownLatch halfway = new CountDownLatch(1);
        CompletableFuture<Void> users = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < plans.size(); i++) {
                Task plan = plans.get(i);
                try {
                    tasks.complete(plan.getId(), Map.of("planActions", "Rà soát văn bản"));
                    completed.add(plan.getProcessInstanceId());
                } catch (RuntimeException e) {
                    refused.add(plan.getProcessInstanceId());
                }
                if (i == count / 3) {
                    halfway.countDown();
                }
                sleep(100);
            }
        });
        halfway.await();
        List<Date> dues = dueOneAfterAnother(reminded);
        Date down = new Date();
        postgres.close();          // the database goes away while users work and timers come due...
        sleep(1500);
        postgres = startPostgres(); // ...and comes back on the same data
        Date up = new Date();
        users.get();

        assertThat(refused).as("some completions failed during the outage").isNotEmpty();
        assertThat(completed).as("the application reconnected by itself").hasSizeGreaterThan(count / 3);
        for (String instance : completed) {
            assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("ReviewPlan").count())
                    .as("a completed plan stays completed").isEqualTo(1);
        }
        for (String instance : refused) {
            Task plan = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("PreparePlan").singleResult();
            assertThat(plan).as("a refused completion left the plan open").isNotNull();
            tasks.complete(plan.getId(), Map.of("planActions", "Rà soát văn bản"));
        }
        assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike("UPR60-F.%").taskDefinitionKey("ReviewPlan").count())
                .isEqualTo(count);
        System.out.printf("database restart: %d completed before/after, %d refused during the outage and completed after%n",
                completed.size(), refused.size());

        // every reminder timer that came due around the outage ran, once: by itself, or from Cockpit's retry when its
        // retries ran out
        assertThat(dues).as("timers came due while the database was away").anyMatch(due -> due.after(down) && due.before(up));
        RuntimeService runtime = app.getBean(RuntimeService.class);
        HistoryService history = app.getBean(HistoryService.class);
        await(() -> reminded.stream().allMatch(instance -> remindedOnce(history, instance)
                || runtime.createIncidentQuery().processInstanceId(instance).count() > 0));
        List<Incident> incidents = reminded.stream()
                .flatMap(instance -> runtime.createIncidentQuery().processInstanceId(instance).list().stream()).toList();
        for (Incident incident : incidents) {
            app.getBean(ManagementService.class).setJobRetries(incident.getConfiguration(), 1);
        }
        await(() -> reminded.stream().allMatch(instance -> remindedOnce(history, instance)));
        int focalPoints = app.getBean(Recipients.class).focalPoints("moj").size();
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        for (String instance : reminded) {
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("RemindPlan").count())
                    .as("the reminder ran once").isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from outbox_mail where kind = 'reminder' and business_key = ?",
                    Integer.class, instance)).as("and queued its mail once").isEqualTo(focalPoints);
        }
        assertThat(reminded).as("no reminder job left behind").allMatch(instance -> app.getBean(ManagementService.class)
                .createJobQuery().processInstanceId(instance).activityId("PlanReminder1").count() == 0);
        System.out.printf("database restart: %d reminder timers due around the outage (%d while it was away) ran once each"
                + " (%d after a retry)%n", reminded.size(), dues.stream().filter(due -> due.after(down) && due.before(up)).count(),
                incidents.size());
    }

    /** The first reminder timers of {@code instances} come due one after another from now, 100 ms apart. */
    private List<Date> dueOneAfterAnother(List<String> instances) {
        ManagementService management = app.getBean(ManagementService.class);
        long now = System.currentTimeMillis();
        List<Date> dues = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            var timer = management.createJobQuery().processInstanceId(instances.get(i)).activityId("PlanReminder1").singleResult();
            dues.add(new Date(now + 100L * i));
            management.setJobDuedate(timer.getId(), dues.get(i));
        }
        return dues;
    }

    private static boolean remindedOnce(HistoryService history, String instance) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("RemindPlan").finished()
                .count() == 1;
    }

    @Test
    void aFailingStepBecomesAReadableIncidentAndARetryFinishesIt() throws Exception {
        app.getBean(RepositoryService.class).createDeployment().addModelInstance("fault-probe.bpmn",
                Bpmn.createExecutableProcess("fault-probe").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("Compute").camundaAsyncBefore().camundaExpression("${execution.getVariable('text').substring(5)}")
                        .userTask("Done").camundaCandidateGroups("mofa").endEvent().done()).deploy();
        RuntimeService runtime = app.getBean(RuntimeService.class);
        long started = System.nanoTime();
        String instance = runtime.startProcessInstanceByKey("fault-probe", Map.of("text", "abc")).getId();
        await(() -> runtime.createIncidentQuery().processInstanceId(instance).count() == 1);
        assertThat(System.nanoTime() - started).as("three tries, a second apart, before the incident")
                .isGreaterThanOrEqualTo(2_000_000_000L);
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getIncidentMessage()).contains("begin 5, end 3, length 3");
        assertThat(incident.getActivityId()).isEqualTo("Compute");

        // what Cockpit's "retry" does, after the cause is fixed
        runtime.setVariable(instance, "text", "abcdefgh");
        ResponseEntity<String> retried = admin().exchange("/engine-rest/job/" + incident.getConfiguration() + "/retries",
                org.springframework.http.HttpMethod.PUT, json("{\"retries\": 1}"), String.class);
        assertThat(retried.getStatusCode().value()).isEqualTo(204);
        await(() -> app.getBean(TaskService.class).createTaskQuery().processInstanceId(instance).count() == 1);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void twoUsersCompletingTheSameTaskAtOnceCompleteItOnce() throws Exception {
        importPlans("G", 1, "moh");
        Task plan = app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey("UPR60-G.0").singleResult();
        String body = """
                {"variables": {"focalPointName": {"value": "Trần Thị Bình"}, "focalPointEmail": {"value": "binh@moh.gov.vn"},
                 "planActions": {"value": "Kế hoạch", "type": "String"}, "planDeadline": {"value": "31/12/2027"},
                 "expectedOutput": {"value": "Báo cáo"}}}""";
        var first = CompletableFuture.supplyAsync(() -> as("moh.focal").postForEntity(
                "/engine-rest/task/" + plan.getId() + "/complete", json(body), String.class));
        var second = CompletableFuture.supplyAsync(() -> as("moh.focal").postForEntity(
                "/engine-rest/task/" + plan.getId() + "/complete", json(body), String.class));
        List<ResponseEntity<String>> answers = List.of(first.get(), second.get());
        assertThat(answers).filteredOn(r -> r.getStatusCode().is2xxSuccessful()).hasSize(1);
        ResponseEntity<String> loser = answers.stream().filter(r -> !r.getStatusCode().is2xxSuccessful()).findFirst().orElseThrow();
        assertThat(loser.getStatusCode().value()).as("the other user is refused").isGreaterThanOrEqualTo(400);
        assertThat(loser.getBody()).as("and told why").containsAnyOf("vừa được người khác hoàn thành",
                "updated by another transaction", "Cannot find task", "does not exist", "Không tìm thấy công việc");
        HistoryService history = app.getBean(HistoryService.class);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(plan.getProcessInstanceId())
                .taskDefinitionKey("ReviewPlan").count()).as("the plan went to review once").isEqualTo(1);
    }

    private void importPlans(String prefix, int count, String agency) throws InterruptedException {
        var csv = new StringBuilder("number,text,recommending_states,response,cycle,task_group,lead_agency,plan_due_date\n");
        for (int i = 0; i < count; i++) {
            csv.append(prefix).append('.').append(i).append(",Fault test ").append(i).append(",France,,60,1,")
                    .append(agency).append(",31/12/2030\n");
        }
        assertThat(app.getBean(RecommendationImport.class)
                .importFile("fault.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal").errors()).isEmpty();
        ManagementService management = app.getBean(ManagementService.class);
        await(() -> management.createJobQuery().activityId(RecommendationProcess.TRACKED).count() == 0);
    }

    private EmbeddedPostgres startPostgres() throws Exception {
        return EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
    }

    private TestRestTemplate admin() {
        return as("admin").withBasicAuth("admin", "Quantri-2026");
    }

    private TestRestTemplate as(String user) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)).withBasicAuth(user, "demo");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Await.until(Duration.ofMinutes(2), condition);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
