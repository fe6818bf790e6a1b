package vn.gov.mofa.upr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.gov.mofa.upr.importing.ImportReport;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.notification.OutboxSender;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess;

/**
 * The whole life of a recommendation on a real PostgreSQL server: import, plan, review, a reporting round with a
 * coordinating agency's contribution, approval of a final report, a reminder mail, and re-import idempotence.
 */
@SpringBootTest
@ActiveProfiles("test")
class PostgresFlowIT {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgres.jdbcUrl("upr_flow"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired RecommendationImport imports;
    @Autowired RecommendationRegistry registry;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired OutboxSender sender;
    @Autowired JdbcTemplate jdbc;

    static final String ANNEX = """
            number,text,recommending_states,response,cycle,task_group,lead_agency,coordinating_agencies,plan_due_date
            7.1,"Strengthen measures to prevent torture in detention",France; Lithuania,Supported,4,3,Bộ Công an,moj,31/03/2027
            7.2,"Improve access to education for ethnic minority children",Japan,,4,,,,
            7.3,"Abolish the death penalty",Germany,Noted,4,,,,
            """;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRecommendationRunsItsWholeCourseOnPostgres() throws Exception {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2027-01-10T09:00:00+07:00").toInstant()));
        ImportReport first = imports.importFile("annex.csv", ANNEX.getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal");
        assertThat(first.errors()).isEmpty();
        Recommendations.continueStarts(management);
        assertThat(first.created()).isEqualTo(3);
        assertThat(first.tracked()).isEqualTo(2);
        assertThat(registry.find(4, "7.3")).get().satisfies(r -> assertThat(r.tracked()).isFalse());

        // 7.2 has no lead agency: MOFA assigns it, prefilled from the suggestion table
        Task assign = onlyTask("UPR4-7.2");
        assertThat(assign.getTaskDefinitionKey()).isEqualTo(RecommendationProcess.ASSIGN_AGENCIES);
        assertThat(tasks.getVariable(assign.getId(), "leadAgency")).isEqualTo("mera");

        // 7.1 names its agencies: the Ministry of Public Security plans right away
        Task plan = onlyTask("UPR4-7.1");
        assertThat(plan.getTaskDefinitionKey()).isEqualTo(RecommendationProcess.PREPARE_PLAN);
        assertThat(plan.getName()).isEqualTo("Lập kế hoạch thực hiện — KN 7.1");
        assertThat(tasks.createTaskQuery().taskId(plan.getId()).taskCandidateGroup("mps").count()).isEqualTo(1);

        // the first reminder, 14 days before the plan is due, reaches the focal point
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2027-03-17T08:05:00+07:00").toInstant()));
        executeDueJobs();
        sender.sendDue();
        assertThat(mail.getReceivedMessages()).anySatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("mps.focal@upr.example.vn");
            assertThat(m.getSubject()).contains("Nhắc hạn", "7.1", "31/03/2027");
        });

        tasks.complete(plan.getId(), Map.of("focalPointName", "Nguyễn Văn A", "focalPointEmail", "a@bca.gov.vn",
                "planActions", "Rà soát quy định về tạm giữ", "planDeadline", "31/12/2027", "expectedOutput", "Báo cáo rà soát"));
        tasks.complete(onlyTask("UPR4-7.1").getId(), Map.of("approved", "true"));
        assertThat(waitingForRound("UPR4-7.1")).isTrue();

        // MOFA opens a round for the Ministry of Public Security's recommendations
        String round = runtime.startProcessInstanceByKey(ReportingRoundProcess.KEY, Map.of(
                "roundName", "Báo cáo giữa kỳ", "roundKind", "MID_TERM", "agencyDeadline", "15/04/2027",
                "reportDeadline", "30/04/2027", "targetScope", "AGENCY", "targetAgency", "mps")).getId();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(round).variableName("requestedCount")
                .singleResult().getValue()).isEqualTo(1);
        executeDueJobs();

        // the contribution and the lead's report start together
        Task contribution = tasks.createTaskQuery().processInstanceBusinessKey("UPR4-7.1")
                .taskDefinitionKey(RecommendationProcess.CONTRIBUTE_INPUT).taskCandidateGroup("moj").singleResult();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("UPR4-7.1")
                .taskDefinitionKey(RecommendationProcess.PREPARE_REPORT).taskCandidateGroup("mps").count()).isEqualTo(1);
        tasks.complete(contribution.getId(), Map.of("contributionResults", "Đã sửa Bộ luật Tố tụng hình sự"));

        Task report = onlyTask("UPR4-7.1");
        assertThat(report.getTaskDefinitionKey()).isEqualTo(RecommendationProcess.PREPARE_REPORT);
        assertThat((String) tasks.getVariable(report.getId(), "contributionsSummary"))
                .contains("Bộ Tư pháp", "Đã sửa Bộ luật Tố tụng hình sự");
        tasks.complete(report.getId(), Map.of("implementationStatus", "FULLY_IMPLEMENTED", "reportResults", "Hoàn thành"));
        tasks.complete(onlyTask("UPR4-7.1").getId(), Map.of("approved", "true"));

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("UPR4-7.1").count()).isZero();
        assertThat(registry.find(4, "7.1")).get().satisfies(r -> {
            assertThat(r.finalStatus()).isEqualTo("FULLY_IMPLEMENTED");
            assertThat(r.implementationStatus()).isEqualTo("FULLY_IMPLEMENTED");
        });
        assertThat(jdbc.queryForObject("select results from approved_report where cycle = 4 and number = '7.1'", String.class))
                .isEqualTo("Hoàn thành");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("UPR4-7.1").finished().count())
                .isEqualTo(1);

        ImportReport again = imports.importFile("annex.csv", ANNEX.getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal");
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
    }

    @Test
    void jobAcquisitionAuthorizationChecksAndTaskCompletionHaveTheirIndexes() {
        assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like 'upr_idx_%'", String.class))
                .containsExactlyInAnyOrder("upr_idx_job_duedate", "upr_idx_auth_user", "upr_idx_task_parent");
    }

    private Task onlyTask(String businessKey) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private boolean waitingForRound(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .activityIdIn(RecommendationProcess.WAIT_FOR_REPORT_REQUEST).count() == 1;
    }

    /** Runs every job that is due, including jobs those jobs create (batches), like the job executor would. */
    private void executeDueJobs() {
        for (int pass = 0; pass < 20; pass++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

}
