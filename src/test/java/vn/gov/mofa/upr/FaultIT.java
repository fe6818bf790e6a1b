package vn.gov.mofa.upr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * Faults that must lose nothing: PostgreSQL restarted while users complete tasks, a failing step that becomes an
 * incident and is retried, two users completing the same task at once. Runs on its own PostgreSQL server (fixed
 * data directory and port, so it can be restarted) with the job executor on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultIT {

    static final int PORT = 54329;

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
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000");
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
        postgres.close();
    }

    @Test
    void aDatabaseRestartLosesNoCompletedTask() throws Exception {
        int count = 40;
        importPlans("F", count, "mps");
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
        postgres.close();          // the database goes away while users work...
        sleep(1500);
        postgres = startPostgres(); // ...and comes back on the same data
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
    }

    @Test
    void aFailingStepBecomesAReadableIncidentAndARetryFinishesIt() throws Exception {
        app.getBean(RepositoryService.class).createDeployment().addModelInstance("fault-probe.bpmn",
                Bpmn.createExecutableProcess("fault-probe").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("Compute").camundaAsyncBefore().camundaExpression("${execution.getVariable('text').substring(5)}")
                        .userTask("Done").camundaCandidateGroups("mofa").endEvent().done()).deploy();
        RuntimeService runtime = app.getBean(RuntimeService.class);
        String instance = runtime.startProcessInstanceByKey("fault-probe", Map.of("text", "abc")).getId();
        await(() -> runtime.createIncidentQuery().processInstanceId(instance).count() == 1);
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
        String body = "{\"variables\": {\"planActions\": {\"value\": \"Kế hoạch\", \"type\": \"String\"}}}";
        var first = CompletableFuture.supplyAsync(() -> as("moh.focal").postForEntity(
                "/engine-rest/task/" + plan.getId() + "/complete", json(body), String.class));
        var second = CompletableFuture.supplyAsync(() -> as("moh.focal").postForEntity(
                "/engine-rest/task/" + plan.getId() + "/complete", json(body), String.class));
        List<ResponseEntity<String>> answers = List.of(first.get(), second.get());
        assertThat(answers).filteredOn(r -> r.getStatusCode().is2xxSuccessful()).hasSize(1);
        ResponseEntity<String> loser = answers.stream().filter(r -> !r.getStatusCode().is2xxSuccessful()).findFirst().orElseThrow();
        assertThat(loser.getStatusCode().value()).as("the other user is refused").isGreaterThanOrEqualTo(400);
        assertThat(loser.getBody()).as("and told why").containsAnyOf("vừa được người khác hoàn thành",
                "updated by another transaction", "Cannot find task", "does not exist");
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
        return as("admin").withBasicAuth("admin", "admin");
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
        long deadline = System.currentTimeMillis() + 120_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition within 2 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
