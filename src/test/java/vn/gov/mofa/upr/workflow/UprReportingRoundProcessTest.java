package vn.gov.mofa.upr.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.reporting.ReportingRound;
import vn.gov.mofa.upr.reporting.ReportingRounds;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess.TargetScope;

/**
 * {@code upr-reporting-round}: MOFA opens a round and exactly the targeted recommendations that wait for one are asked
 * for their report. Cycle 91 is this class's own; other classes' instances may be waiting too, so counts are checked
 * against what the engine shows is waiting and assertions on movement are about this class's instances.
 */
@ApplicationTest
class UprReportingRoundProcessTest {

    private static final int CYCLE = 91;
    private static final String TEXT = "Continue to strengthen the rule of law";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    RecommendationImport imports;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ReportingRounds rounds;
    @Autowired
    TestRestTemplate http;

    private Recommendations recommendations;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        recommendations = new Recommendations(imports, runtimeService, managementService);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
    }

    /**
     * The round's gateways read the leader's decision and "close the cycle" as Booleans since this version; a round
     * that was already waiting for the leader stays on the previous version, whose expressions compare with 'true'
     * and come to the same answer for the Booleans the forms now store. Driven through the REST API as Tasklist sends.
     */
    @Test
    void aRoundOfThePreviousOrTheCurrentVersionRunsToItsEndWithTheBooleansFormsNowStore() {
        var previous = repositoryService.createDeployment().name("upr-reporting-round, previous version")
                .addClasspathResource("processes/upr-reporting-round-previous.bpmn")
                .addClasspathResource("upr/forms/compile-report.form")
                .addClasspathResource("upr/forms/approve-consolidated-report.form").deploy();
        try {
            String previousVersion = repositoryService.createProcessDefinitionQuery().deploymentId(previous.getId()).singleResult().getId();
            String currentVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ReportingRoundProcess.KEY)
                    .processDefinitionVersion(repositoryService.createProcessDefinitionQuery().deploymentId(previous.getId())
                            .singleResult().getVersion() - 1).singleResult().getId();
            for (String definition : List.of(previousVersion, currentVersion)) {
                ProcessInstance round = runtimeService.createProcessInstanceById(definition)
                        .startBeforeActivity(ReportingRoundProcess.APPROVE_CONSOLIDATED_REPORT)
                        .setVariables(Map.of(ReportingRoundProcess.VAR_ROUND_NAME, "Đợt trước khi nâng cấp",
                                ReportingRoundProcess.VAR_ROUND_KIND, "MID_TERM"))
                        .execute();
                // as its first step would have: the round's record, whose report the leader's decision keeps
                rounds.open(new ReportingRound(round.getId(), "Đợt trước khi nâng cấp", "MID_TERM", LocalDate.of(2027, 3, 15),
                        LocalDate.of(2027, 3, 31), "ALL", null, ReportingRound.OPEN, "mofa.focal", Instant.now()), List.of());

                submit(round, "mofa.lead", "{\"consolidatedApproved\": {\"value\": \"false\"}, \"leaderComment\": {\"value\": \"Bổ sung\"}}");
                assertThat(round).isWaitingAt(ReportingRoundProcess.COMPILE_REPORT);
                submit(round, "mofa.focal", "{\"compilationNote\": {\"value\": \"Đã bổ sung\"}}");
                assertThat(runtimeService.getVariable(round.getId(), ReportingRoundProcess.VAR_CLOSE_CYCLE))
                        .as("the hidden checkbox of a mid-term round is a no").isEqualTo(false);
                submit(round, "mofa.lead", "{\"consolidatedApproved\": {\"value\": \"true\"}}");
                assertThat(round).isEnded();
                assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(round.getId()).singleResult()
                        .getEndActivityId()).isEqualTo("SubmittedToPrimeMinister");
            }
        } finally {
            // the current version is the latest again for every test that follows
            repositoryService.createDeployment().name("upr-reporting-round, current version")
                    .addClasspathResource("upr/processes/upr-reporting-round.bpmn")
                    .addClasspathResource("upr/forms/start-reporting-round.form")
                    .addClasspathResource("upr/forms/follow-up-missing.form")
                    .addClasspathResource("upr/forms/compile-report.form")
                    .addClasspathResource("upr/forms/approve-consolidated-report.form").deploy();
        }
    }

    private void submit(ProcessInstance round, String user, String variables) {
        Task task = taskService.createTaskQuery().processInstanceId(round.getId()).singleResult();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var answer = http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                new HttpEntity<>("{\"variables\": " + variables + "}", headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    }

    @Test
    void aRoundForOneAgencyAsksOnlyItsRecommendationsThatWaitForARound() {
        ProcessInstance alone = waitingForARound("1.1", "gi", null, "1");
        ProcessInstance withPartner = waitingForARound("1.2", "gi", "moj", "1");
        ProcessInstance stillPlanning = recommendations.track(CYCLE, "1.3", TEXT, "gi", null, "1", "31/03/2027");
        ProcessInstance otherAgency = waitingForARound("1.4", "ogo", null, "1");
        long waitingOfGi = waitingWith(VAR_LEAD_AGENCY, "gi");

        ProcessInstance round = openRound("Báo cáo giữa kỳ - Thanh tra Chính phủ", TargetScope.AGENCY, Map.of(
                ReportingRoundProcess.VAR_TARGET_AGENCY, "gi"));

        assertThat(requestedCount(round)).isEqualTo(waitingOfGi).isGreaterThanOrEqualTo(2);
        assertThat(alone).isWaitingAt(WAIT_FOR_REPORT_REQUEST);
        runRequests(round);

        assertThat(alone).isWaitingAt(PREPARE_REPORT);
        Task report = task(PREPARE_REPORT, alone);
        assertThat(taskService.getVariable(report.getId(), VAR_ROUND_NAME)).isEqualTo("Báo cáo giữa kỳ - Thanh tra Chính phủ");
        assertThat(taskService.getVariable(report.getId(), VAR_ROUND_ID)).isEqualTo(round.getId());
        assertThat(report.getDueDate()).as("due on the agencies' deadline").isEqualTo(moment("2027-03-15T17:00+07:00"));
        assertThat(withPartner).isWaitingAt(CONTRIBUTE_INPUT);
        assertThat(taskService.getVariable(task(CONTRIBUTE_INPUT, withPartner).getId(), VAR_ROUND_NAME))
                .isEqualTo("Báo cáo giữa kỳ - Thanh tra Chính phủ");
        assertThat(stillPlanning).isWaitingAt(PREPARE_PLAN);
        assertThat(otherAgency).isWaitingAt(WAIT_FOR_REPORT_REQUEST);
    }

    @Test
    void aRoundForOneTaskGroupLeavesTheOtherGroupsWaiting() {
        ProcessInstance inGroup = waitingForARound("2.1", "sbv", null, "6");
        ProcessInstance otherGroup = waitingForARound("2.2", "sbv", null, "2");
        ProcessInstance stillPlanning = recommendations.track(CYCLE, "2.3", TEXT, "sbv", null, "6", "31/03/2027");
        long waitingInGroup = waitingWith(VAR_TASK_GROUP, "6");

        ProcessInstance round = openRound("Báo cáo nhóm 6", TargetScope.TASK_GROUP, Map.of(
                ReportingRoundProcess.VAR_TARGET_TASK_GROUP, "6"));

        assertThat(requestedCount(round)).isEqualTo(waitingInGroup).isGreaterThanOrEqualTo(1);
        runRequests(round);

        assertThat(inGroup).isWaitingAt(PREPARE_REPORT);
        assertThat(taskService.getVariable(task(PREPARE_REPORT, inGroup).getId(), VAR_ROUND_NAME)).isEqualTo("Báo cáo nhóm 6");
        assertThat(otherGroup).isWaitingAt(WAIT_FOR_REPORT_REQUEST);
        assertThat(stillPlanning).isWaitingAt(PREPARE_PLAN);
    }

    @Test
    void aRoundForAllAsksEveryRecommendationThatWaitsButNotThoseStillPlanning() {
        ProcessInstance waiting = waitingForARound("3.1", "most", null, "2");
        ProcessInstance stillPlanning = recommendations.track(CYCLE, "3.2", TEXT, "most", null, "2", "31/03/2027");
        long waitingAnywhere = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .activityIdIn(WAIT_FOR_REPORT_REQUEST).count();

        ProcessInstance round = openRound("Báo cáo quốc gia chu kỳ V", TargetScope.ALL, Map.of());

        assertThat(requestedCount(round)).isEqualTo(waitingAnywhere);
        runRequests(round);

        assertThat(waiting).isWaitingAt(PREPARE_REPORT);
        assertThat(stillPlanning).isWaitingAt(PREPARE_PLAN);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .activityIdIn(WAIT_FOR_REPORT_REQUEST).count()).as("nobody left waiting").isZero();
    }

    @Test
    void agenciesMustBeDueBeforeTheConsolidatedReport() {
        Map<String, Object> variables = roundVariables("Đợt sai hạn", TargetScope.ALL);
        variables.put(VAR_AGENCY_DEADLINE, "01/04/2027");

        assertThatThrownBy(() -> asMofaOfficer(() -> runtimeService.startProcessInstanceByKey(ReportingRoundProcess.KEY, variables)))
                .hasMessageContaining("Hạn các cơ quan gửi báo cáo phải trước hạn trình báo cáo tổng hợp");
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ReportingRoundProcess.KEY)
                .variableValueEquals(VAR_ROUND_NAME, "Đợt sai hạn").count()).isZero();
    }

    /** A recommendation whose plan MOFA approved: it waits for a reporting round. */
    private ProcessInstance waitingForARound(String number, String lead, String coordinating, String taskGroup) {
        ProcessInstance pi = recommendations.track(CYCLE, number, TEXT, lead, coordinating, taskGroup, "31/03/2027");
        complete(task(PREPARE_PLAN, pi), withVariables("focalPointName", "Lê Văn Cường", "planActions", "Rà soát"));
        complete(task(REVIEW_PLAN, pi), withVariables(VAR_APPROVED, "true"));
        assertThat(pi).isWaitingAt(WAIT_FOR_REPORT_REQUEST);
        return pi;
    }

    private long waitingWith(String variable, String value) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).activityIdIn(WAIT_FOR_REPORT_REQUEST)
                .variableValueEquals(variable, value).count();
    }

    /** MOFA opens the round from Tasklist's start form. */
    private ProcessInstance openRound(String name, TargetScope scope, Map<String, Object> target) {
        Map<String, Object> variables = roundVariables(name, scope);
        variables.putAll(target);
        ProcessInstance[] round = new ProcessInstance[1];
        asMofaOfficer(() -> round[0] = runtimeService.startProcessInstanceByKey(ReportingRoundProcess.KEY, variables));
        assertThat(round[0]).as("the round waits for the agencies' deadline").isWaitingAt("AgencyDeadlineReached");
        return round[0];
    }

    private static Map<String, Object> roundVariables(String name, TargetScope scope) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReportingRoundProcess.VAR_ROUND_NAME, name);
        variables.put(ReportingRoundProcess.VAR_ROUND_KIND, ReportingRoundProcess.RoundKind.MID_TERM.name());
        variables.put(VAR_AGENCY_DEADLINE, "15/03/2027");
        variables.put(VAR_REPORT_DEADLINE, "31/03/2027");
        variables.put(ReportingRoundProcess.VAR_TARGET_SCOPE, scope.name());
        return variables;
    }

    private long requestedCount(ProcessInstance round) {
        Object value = historyService.createHistoricVariableInstanceQuery().processInstanceId(round.getId())
                .variableName(ReportingRoundProcess.VAR_REQUESTED_COUNT).singleResult().getValue();
        return ((Number) value).longValue();
    }

    /** What the job executor would do: run the round's batch (seed, one job per instance, monitor) to its end. */
    private void runRequests(ProcessInstance round) {
        Set<String> batchIds = batchesStartedBy(round);
        assertThat(batchIds).as("the round's message batch").hasSize(1);
        Batch batch = managementService.createBatchQuery().batchId(batchIds.iterator().next()).singleResult();
        for (int pass = 0; pass < 20 && managementService.createBatchQuery().batchId(batch.getId()).count() > 0; pass++) {
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                for (Job job : managementService.createJobQuery().jobDefinitionId(definition).list()) {
                    managementService.executeJob(job.getId());
                }
            }
        }
        assertThat(managementService.createBatchQuery().batchId(batch.getId()).count()).as("batch finished").isZero();
    }

    /** Batches are not linked to the round, so the round's batch is the one created while it ran. */
    private Set<String> batchesStartedBy(ProcessInstance round) {
        Date started = historyService.createHistoricProcessInstanceQuery().processInstanceId(round.getId()).singleResult()
                .getStartTime();
        // the runtime batch: batch history is kept only at history level full
        return managementService.createBatchQuery().list().stream()
                .filter(b -> b.getStartTime() != null && !b.getStartTime().before(started))
                .map(b -> b.getId()).collect(Collectors.toSet());
    }

    private void asMofaOfficer(Runnable work) {
        identityService.setAuthentication("mofa.focal", List.of("mofa"));
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Date moment(String isoOffsetDateTime) {
        return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }
}
