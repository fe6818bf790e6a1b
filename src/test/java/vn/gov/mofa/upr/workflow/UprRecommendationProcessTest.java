package vn.gov.mofa.upr.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.ReceivedMail;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.notification.OutboxSender;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.reporting.ApprovedReport;
import vn.gov.mofa.upr.reporting.ApprovedReports;
import vn.gov.mofa.upr.reporting.ImplementationMatrices;
import vn.gov.mofa.upr.reporting.ReportFormat;

/** {@code upr-recommendation}, path by path, as the agencies and MOFA live it. Cycle 90 is this class's own. */
@ApplicationTest
class UprRecommendationProcessTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final int CYCLE = 90;
    private static final String TORTURE = "Take measures to prevent torture and ill-treatment in places of detention";
    private static final String POLICE_TRAINING = "Strengthen human rights training for police officers";

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
    AuthorizationService authorizationService;
    @Autowired
    RecommendationImport imports;
    @Autowired
    RecommendationRegistry registry;
    @Autowired
    ApprovedReports approvedReports;
    @Autowired
    ImplementationMatrices matrices;
    @Autowired
    OutboxSender outbox;

    private Recommendations recommendations;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        recommendations = new Recommendations(imports, runtimeService, managementService);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    // 0
    @Test
    void anImportOnlyStartsAndTheJobExecutorTakesTheRecommendationToItsFirstTask() {
        assertThat(imports.importFile("annex.csv", new Recommendations.Annex()
                .row(CYCLE, "0.1", POLICE_TRAINING, "mps", "moj", "3", "31/03/2027").bytes(), null, false, "mofa.focal").errors()).isEmpty();
        ProcessInstance pi = recommendations.instanceOf(CYCLE, "0.1");

        assertThat(pi).isWaitingAt(TRACKED);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(pi.getId()).list()).extracting(Authorization::getGroupId)
                .as("the agencies the annex names read their recommendation from its start")
                .containsExactlyInAnyOrder("mps", "mps-leaders", "moj", "moj-leaders");

        execute(job(pi));

        assertThat(pi).isWaitingAt(PREPARE_PLAN);
        assertThat(candidateGroups(task(PREPARE_PLAN, pi))).containsExactly("mps");
    }

    // 1
    @Test
    void annexWithLeadAgencyGoesStraightToTheLeadAgencysPlan() {
        ProcessInstance pi = recommendations.track(CYCLE, "1.1", POLICE_TRAINING, "mps", null, "3", "31/03/2027");

        assertThat(pi).isWaitingAt(PREPARE_PLAN);
        Task plan = task(PREPARE_PLAN, pi);
        assertThat(candidateGroups(plan)).containsExactly("mps");
        assertThat(plan.getDueDate()).isEqualTo(moment("2027-03-31T17:00+07:00"));
        assertThat(runtimeService.getVariable(pi.getId(), VAR_LEAD_AGENCY_NAME)).isEqualTo("Bộ Công an");
    }

    // 2
    @Test
    void mofaAssignsAgenciesStartingFromTheSuggestion() {
        ProcessInstance pi = recommendations.track(CYCLE, "2.1", TORTURE, null, null, null, null);

        assertThat(pi).isWaitingAt(ASSIGN_AGENCIES);
        Task assign = task(ASSIGN_AGENCIES, pi);
        assertThat(candidateGroups(assign)).containsExactly("mofa");
        assertThat(runtimeService.getVariable(pi.getId(), VAR_LEAD_AGENCY)).isEqualTo("mps");
        assertThat(String.valueOf(runtimeService.getVariable(pi.getId(), VAR_COORDINATING_AGENCIES))).contains("moj", "spp");
        assertThat(runtimeService.getVariable(pi.getId(), VAR_TASK_GROUP)).isEqualTo("3");

        assertThatThrownBy(() -> complete(assign, withVariables(VAR_LEAD_AGENCY, "bo-khong-ton-tai",
                VAR_COORDINATING_AGENCIES, "[\"moet\"]", VAR_TASK_GROUP, "4", VAR_PLAN_DUE_DATE, "31/03/2027")))
                .hasMessageContaining("Cơ quan chủ trì không hợp lệ: 'bo-khong-ton-tai'");
        assertThat(pi).isWaitingAt(ASSIGN_AGENCIES);
        assertThat(registry.find(CYCLE, "2.1").orElseThrow().assignmentConfirmed()).isFalse();

        asMofaOfficer(() -> complete(task(ASSIGN_AGENCIES, pi), withVariables(VAR_LEAD_AGENCY, "moh",
                VAR_COORDINATING_AGENCIES, "[\"moet\",\"mps\"]", VAR_TASK_GROUP, "4", VAR_PLAN_DUE_DATE, "31/03/2027")));

        assertThat(pi).isWaitingAt(PREPARE_PLAN);
        Task plan = task(PREPARE_PLAN, pi);
        assertThat(candidateGroups(plan)).containsExactly("moh");
        assertThat(plan.getDueDate()).isEqualTo(moment("2027-03-31T17:00+07:00"));
        Recommendation registered = registry.find(CYCLE, "2.1").orElseThrow();
        assertThat(registered.leadAgency()).isEqualTo("moh");
        assertThat(registered.coordinatingAgencies()).containsExactly("moet", "mps");
        assertThat(registered.taskGroup()).isEqualTo("4");
        assertThat(registered.assignmentConfirmed()).isTrue();
        assertThat(runtimeService.getVariables(pi.getId())).containsEntry(VAR_LEAD_AGENCY_NAME, "Bộ Y tế")
                .containsEntry(VAR_COORDINATING_AGENCY_NAMES, "Bộ Giáo dục và Đào tạo, Bộ Công an");
    }

    // 3
    @Test
    void mofaReturnsThePlanWithACommentUntilItIsGood() {
        ProcessInstance pi = recommendations.track(CYCLE, "3.1", POLICE_TRAINING, "mps", null, "3", "31/03/2027");

        complete(task(PREPARE_PLAN, pi), withVariables("focalPointName", "Nguyễn Văn An",
                "planActions", "Tập huấn cho cán bộ công an cấp tỉnh", "expectedOutput", "Báo cáo kết quả tập huấn"));
        assertThat(pi).isWaitingAt(REVIEW_PLAN);
        assertThat(candidateGroups(task(REVIEW_PLAN, pi))).containsExactly("mofa");

        assertThatThrownBy(() -> complete(task(REVIEW_PLAN, pi), withVariables(VAR_APPROVED, "false")))
                .hasMessageContaining("cần ghi ý kiến");
        assertThat(pi).isWaitingAt(REVIEW_PLAN);

        asMofaOfficer(() -> complete(task(REVIEW_PLAN, pi),
                withVariables(VAR_APPROVED, "false", VAR_REVIEW_COMMENT, "Cần bổ sung chỉ số đo lường")));
        assertThat(pi).isWaitingAt(PREPARE_PLAN);
        Task again = task(PREPARE_PLAN, pi);
        assertThat(candidateGroups(again)).containsExactly("mps");
        assertThat(taskService.getVariable(again.getId(), VAR_REVIEW_COMMENT)).isEqualTo("Cần bổ sung chỉ số đo lường");
        assertThat(taskService.getVariable(again.getId(), "planActions")).isEqualTo("Tập huấn cho cán bộ công an cấp tỉnh");

        complete(again, withVariables("indicators", "Số cán bộ được tập huấn"));
        assertThat(pi).isWaitingAt(REVIEW_PLAN);
        assertThat(taskService.getVariable(task(REVIEW_PLAN, pi).getId(), VAR_APPROVED)).as("decision starts empty").isNull();

        complete(task(REVIEW_PLAN, pi), withVariables(VAR_APPROVED, "true"));
        assertThat(pi).isWaitingAt(WAIT_FOR_REPORT_REQUEST);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count())
                .as("no plan reminders once the plan is approved").isZero();
    }

    // 4
    @Test
    void theLeadReportsBesideTheContributionsWhichReachItsFormAsTheyArrive() {
        ProcessInstance pi = recommendations.track(CYCLE, "4.1", POLICE_TRAINING, "mps", "moj, moh", "3", "31/03/2027");
        approvePlan(pi);

        requestReport(pi, "Báo cáo giữa kỳ 2027");

        List<Task> contributions = openTasks(pi, CONTRIBUTE_INPUT);
        assertThat(contributions).hasSize(2);
        assertThat(contributions).extracting(this::candidateGroups)
                .containsExactlyInAnyOrder(List.of("moj"), List.of("moh"));
        assertThat(contributions).allSatisfy(t -> {
            assertThat(t.getDueDate()).as("10 days before the agencies' deadline").isEqualTo(moment("2027-03-05T17:00+07:00"));
            assertThat(taskService.getVariable(t.getId(), VAR_ROUND_NAME)).isEqualTo("Báo cáo giữa kỳ 2027");
        });
        Task report = task(PREPARE_REPORT, pi);
        assertThat(candidateGroups(report)).as("the lead's report starts with the contributions").containsExactly("mps");
        assertThat(report.getDueDate()).isEqualTo(moment("2027-03-15T17:00+07:00"));
        assertThat((String) taskService.getVariable(report.getId(), VAR_CONTRIBUTIONS_SUMMARY))
                .isEqualTo("Chưa nhận đóng góp của: Bộ Tư pháp; Bộ Y tế (hạn 05/03/2027). Cơ quan chủ trì không cần chờ: "
                        + "đóng góp đến sau sẽ hiện ở đây.");
        Task moj = byGroup(contributions, "moj");
        Task moh = byGroup(contributions, "moh");
        assertThat(taskService.getVariable(moj.getId(), "contributingAgencyName")).isEqualTo("Bộ Tư pháp");

        complete(moj, withVariables("contributionResults", "Đã sửa đổi Bộ luật Tố tụng hình sự",
                "contributionFigures", "12 văn bản"));
        String summary = (String) taskService.getVariable(report.getId(), VAR_CONTRIBUTIONS_SUMMARY);
        assertThat(summary).as("the lead's form, opened again").contains("Bộ Tư pháp", "12 văn bản",
                "Chưa nhận đóng góp của: Bộ Y tế (hạn 05/03/2027)").doesNotContain("Bộ Tư pháp;");
        complete(moh, withVariables("contributionResults", "Đã tập huấn 300 cán bộ y tế trại giam"));

        summary = (String) taskService.getVariable(report.getId(), VAR_CONTRIBUTIONS_SUMMARY);
        assertThat(summary).contains("Bộ Tư pháp", "Bộ Y tế", "12 văn bản").doesNotContain("Chưa nhận");
        assertThat(StringUtils.countMatches(summary, "Đã sửa đổi Bộ luật Tố tụng hình sự")).isEqualTo(1);
        assertThat(StringUtils.countMatches(summary, "Đã tập huấn 300 cán bộ y tế trại giam")).isEqualTo(1);
        assertThat(openTasks(pi, CONTRIBUTE_INPUT)).isEmpty();
        assertThat(runtimeService.getVariable(pi.getId(), "contributionResults"))
                .as("each agency's answer stays on its own task").isNull();
    }

    // 4b
    @Test
    void aLateContributionNeverBlocksTheLeadAndClosesWhenTheReportIsApproved() {
        ProcessInstance pi = recommendations.track(CYCLE, "4.9", POLICE_TRAINING, "mps", "moj, moh", "3", "31/03/2027");
        approvePlan(pi);
        requestReport(pi, "Báo cáo giữa kỳ 2027");
        complete(byGroup(openTasks(pi, CONTRIBUTE_INPUT), "moj"), withVariables("contributionResults", "Đã hướng dẫn 3 tỉnh"));

        complete(task(PREPARE_REPORT, pi), withVariables(VAR_IMPLEMENTATION_STATUS, "PARTIALLY_IMPLEMENTED",
                "reportResults", "Đang triển khai"));
        assertThat(openTasks(pi, CONTRIBUTE_INPUT)).as("the Ministry of Health has still not answered").hasSize(1);
        complete(task(REVIEW_REPORT, pi), withVariables(VAR_APPROVED, "true"));

        assertThat(openTasks(pi, CONTRIBUTE_INPUT)).as("closed with the approved report").isEmpty();
        assertThat(pi).isWaitingAt(WAIT_FOR_REPORT_REQUEST);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("ContributionsClosed").count()).isEqualTo(1);
        assertThat(approvedReports.of(CYCLE, "4.9")).singleElement().satisfies(approved -> assertThat(approved.contributions())
                .as("the report keeps the contribution that came").contains("Đã hướng dẫn 3 tỉnh").doesNotContain("Bộ Y tế"));

        requestReport(pi, "Báo cáo quốc gia chu kỳ V");
        assertThat(openTasks(pi, CONTRIBUTE_INPUT)).as("the next round asks both agencies again").hasSize(2);
        assertThat(openTasks(pi, PREPARE_REPORT)).hasSize(1);
    }

    // 4a
    @Test
    void aRecommendationWhoseVariablesHaveThePreviousShapesRunsOn() {
        ProcessInstance pi = recommendations.track(CYCLE, "4.3", POLICE_TRAINING, "mps", "moj, moh", "3", "31/03/2027");
        // as the previous version wrote them: dates dd/MM/yyyy, agencies comma-separated, decisions as text
        runtimeService.setVariables(pi.getId(), Map.of(VAR_PLAN_DUE_DATE, "31/03/2027", VAR_COORDINATING_AGENCIES, "moj,moh"));
        complete(task(PREPARE_PLAN, pi), withVariables("focalPointName", "Nguyễn Văn An", "planActions", "Tập huấn"));
        complete(task(REVIEW_PLAN, pi), withVariables(VAR_APPROVED, "true"));
        assertThat(pi).isWaitingAt(WAIT_FOR_REPORT_REQUEST);
        runtimeService.createMessageCorrelation(MESSAGE_REPORT_REQUESTED).processInstanceId(pi.getId())
                .setVariables(Map.of(VAR_ROUND_ID, "round-old", VAR_ROUND_NAME, "Đợt cũ", VAR_AGENCY_DEADLINE, "15/03/2027",
                        VAR_REPORT_DEADLINE, "31/03/2027"))
                .correlate();

        List<Task> contributions = openTasks(pi, CONTRIBUTE_INPUT);
        assertThat(contributions).extracting(this::candidateGroups).containsExactlyInAnyOrder(List.of("moj"), List.of("moh"));
        assertThat(contributions).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(moment("2027-03-05T17:00+07:00")));
    }

    // 4b
    @Test
    void withoutCoordinatingAgenciesTheLeadReportsAtOnce() {
        ProcessInstance pi = recommendations.track(CYCLE, "4.2", POLICE_TRAINING, "mps", null, "3", "31/03/2027");
        approvePlan(pi);

        requestReport(pi, "Báo cáo giữa kỳ 2027");

        assertThat(pi).isWaitingAt(PREPARE_REPORT);
        assertThat(openTasks(pi, CONTRIBUTE_INPUT)).isEmpty();
        assertThat(candidateGroups(task(PREPARE_REPORT, pi))).containsExactly("mps");
    }

    // 5
    @Test
    void approvedReportsAreRecordedUntilTheRecommendationIsFullyImplemented() throws Exception {
        ProcessInstance pi = recommendations.track(CYCLE, "5.1", POLICE_TRAINING, "mps", null, "3", "31/03/2027");
        approvePlan(pi);
        requestReport(pi, "Báo cáo giữa kỳ 2027");

        complete(task(PREPARE_REPORT, pi), withVariables(VAR_IMPLEMENTATION_STATUS, "IN_PROGRESS",
                VAR_REPORT_RESULTS, "Đã ban hành Kế hoạch 566/KH-BCA-V02"));
        assertThat(pi).isWaitingAt(REVIEW_REPORT);
        complete(task(REVIEW_REPORT, pi), withVariables(VAR_APPROVED, "false", VAR_REVIEW_COMMENT, "Cần bổ sung số liệu"));

        assertThat(pi).isWaitingAt(PREPARE_REPORT);
        Task revision = task(PREPARE_REPORT, pi);
        assertThat(taskService.getVariable(revision.getId(), VAR_REVIEW_COMMENT)).isEqualTo("Cần bổ sung số liệu");
        complete(revision, withVariables(VAR_REPORT_FIGURES, "1.200 cán bộ được tập huấn",
                VAR_REPORT_SUMMARY_EN, "1,200 police officers trained on the prohibition of torture."));

        asMofaOfficer(() -> complete(task(REVIEW_REPORT, pi), withVariables(VAR_APPROVED, "true")));

        assertThat(pi).isWaitingAt(WAIT_FOR_REPORT_REQUEST);
        List<ApprovedReport> reports = approvedReports.of(CYCLE, "5.1");
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.implementationStatus()).isEqualTo("IN_PROGRESS");
            assertThat(r.results()).isEqualTo("Đã ban hành Kế hoạch 566/KH-BCA-V02");
            assertThat(r.figures()).isEqualTo("1.200 cán bộ được tập huấn");
            assertThat(r.roundName()).isEqualTo("Báo cáo giữa kỳ 2027");
            assertThat(r.agency()).isEqualTo("mps");
            assertThat(r.approvedBy()).isEqualTo("mofa.focal");
        });
        assertThat(registry.find(CYCLE, "5.1").orElseThrow().implementationStatus()).isEqualTo("IN_PROGRESS");
        try (var matrix = new XSSFWorkbook(new ByteArrayInputStream(
                matrices.ofCycle(CYCLE, List.of("mps"), ReportFormat.XLSX).content()))) {
            assertThat(new DataFormatter().formatCellValue(matrix.getSheetAt(0).getRow(rowOf(matrix, "5.1")).getCell(6)))
                    .as("the English matrix's assessment: the agency's English summary")
                    .isEqualTo("1,200 police officers trained on the prohibition of torture.");
        }

        requestReport(pi, "Báo cáo quốc gia chu kỳ V");
        complete(task(PREPARE_REPORT, pi), withVariables(VAR_IMPLEMENTATION_STATUS, "FULLY_IMPLEMENTED",
                VAR_REPORT_RESULTS, "Hoàn thành tập huấn toàn quốc"));
        Task finalReview = task(REVIEW_REPORT, pi);
        taskService.claim(finalReview.getId(), "mofa.lead");
        complete(finalReview, withVariables(VAR_APPROVED, "true"));

        assertThat(pi).isEnded();
        assertThat(approvedReports.of(CYCLE, "5.1")).extracting(ApprovedReport::implementationStatus, ApprovedReport::approvedBy)
                .as("without a logged-in user, the reviewer is whoever holds the task")
                .containsExactly(tuple("IN_PROGRESS", "mofa.focal"), tuple("FULLY_IMPLEMENTED", "mofa.lead"));
        Recommendation done = registry.find(CYCLE, "5.1").orElseThrow();
        assertThat(done.finalStatus()).isEqualTo("FULLY_IMPLEMENTED");
        assertThat(done.implementationStatus()).isEqualTo("FULLY_IMPLEMENTED");
    }

    // 6
    @Test
    void focalPointsAreRemindedAndLeadersAndMofaAreToldWhenThePlanIsLate() throws FolderException {
        // other tests' new tasks for mps would be listed in one mail with this one
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3650))));
        outbox.sendDue();
        greenMail.purgeEmailFromAllMailboxes();
        ClockUtil.setCurrentTime(moment("2027-03-01T09:00+07:00"));
        ProcessInstance pi = recommendations.track(CYCLE, "6.1", POLICE_TRAINING, "mps", null, "3", "31/03/2027");
        ClockUtil.setCurrentTime(moment("2027-03-01T09:05+07:00")); // a new-task mail waits upr.mail.batch-window
        assertThat(mailsAbout("6.1", "Công việc mới")).extracting(ReceivedMail::to).containsExactly("mps.focal@upr.example.vn");

        ClockUtil.setCurrentTime(moment("2027-03-17T08:01+07:00"));
        execute(dueJob(pi, "PlanReminder1"));
        List<ReceivedMail> first = mailsAbout("6.1", "Nhắc hạn");
        assertThat(first).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("mps.focal@upr.example.vn");
            assertThat(mail.subject()).contains("Nhắc hạn", "6.1", "Lập kế hoạch thực hiện", "31/03/2027");
            assertThat(mail.text()).contains("khuyến nghị số 6.1", "Bộ Công an", "hạn ngày 31/03/2027", "còn 14 ngày",
                    POLICE_TRAINING);
        });

        ClockUtil.setCurrentTime(moment("2027-03-28T08:01+07:00"));
        execute(dueJob(pi, "PlanReminder2"));
        assertThat(mailsAbout("6.1", "Nhắc hạn")).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("còn 3 ngày"));

        ClockUtil.setCurrentTime(moment("2027-03-31T17:01+07:00"));
        execute(dueJob(pi, "PlanOverdue"));
        List<ReceivedMail> overdue = mailsAbout("6.1", "Quá hạn");
        assertThat(overdue).extracting(ReceivedMail::to)
                .containsExactlyInAnyOrder("mps.lead@upr.example.vn", "mofa.focal@upr.example.vn");
        assertThat(overdue).allSatisfy(mail -> {
            assertThat(mail.subject()).contains("Quá hạn", "6.1", "Bộ Công an");
            assertThat(mail.text()).contains("đã đến hạn hôm nay (31/03/2027) mà chưa hoàn thành", "Lập kế hoạch thực hiện");
        });
        Task followUp = task(FOLLOW_UP_OVERDUE, pi);
        assertThat(candidateGroups(followUp)).containsExactly("mofa");
        assertThat((String) taskService.getVariable(followUp.getId(), VAR_OVERDUE_SUMMARY))
                .contains("Lập kế hoạch thực hiện", "Bộ Công an", "31/03/2027");
        assertThat(pi).isWaitingAt(PREPARE_PLAN, FOLLOW_UP_OVERDUE);

        ClockUtil.setCurrentTime(moment("2027-04-07T17:01+07:00"));
        execute(dueJob(pi, "PlanOverdue"));
        List<ReceivedMail> again = mailsAbout("6.1", "Quá hạn");
        assertThat(again).extracting(ReceivedMail::to)
                .containsExactlyInAnyOrder("mps.lead@upr.example.vn", "mofa.focal@upr.example.vn");
        assertThat(again).allSatisfy(mail -> assertThat(mail.text()).contains("đã quá hạn 7 ngày"));
        assertThat(openTasks(pi, FOLLOW_UP_OVERDUE)).as("one follow-up task while the first is open").hasSize(1);
        assertThat(openTasks(pi, PREPARE_PLAN)).hasSize(1);
    }

    // 6b
    @Test
    void noReminderForATaskCreatedAfterTheReminderMoment() {
        ClockUtil.setCurrentTime(moment("2027-03-29T10:00+07:00"));
        ProcessInstance pi = recommendations.track(CYCLE, "6.2", POLICE_TRAINING, "mps", null, "3", "31/03/2027");

        List<Job> stale = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list();
        assertThat(stale).extracting(this::activityOf).containsExactlyInAnyOrder("PlanReminder1", "PlanReminder2");
        stale.forEach(BpmnAwareTests::execute);

        assertThat(mailsAbout("6.2", "Nhắc hạn")).isEmpty();
        assertThat(pi).isWaitingAt(PREPARE_PLAN);
    }

    // 7
    @Test
    void closingTheCycleEndsEverythingStillOpen() {
        ClockUtil.setCurrentTime(moment("2027-03-01T09:00+07:00"));
        ProcessInstance pi = recommendations.track(CYCLE, "7.1", POLICE_TRAINING, "mps", null, "3", "31/03/2027");
        ClockUtil.setCurrentTime(moment("2027-04-01T09:00+07:00"));
        execute(dueJob(pi, "PlanOverdue"));
        assertThat(pi).isWaitingAt(PREPARE_PLAN, FOLLOW_UP_OVERDUE);

        runtimeService.createMessageCorrelation(MESSAGE_CYCLE_CLOSED)
                .processInstanceBusinessKey(businessKey(CYCLE, "7.1")).correlate();

        assertThat(pi).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(registry.find(CYCLE, "7.1").orElseThrow().finalStatus()).isEqualTo("CYCLE_CLOSED");
    }

    // 8
    @Test
    void anAgencySeesItsOwnTasksOnly() {
        ProcessInstance moh = recommendations.track(CYCLE, "8.1", "Improve access to health care in prisons", "moh", null, "2",
                "31/03/2027");
        ProcessInstance mps = recommendations.track(CYCLE, "8.2", POLICE_TRAINING, "mps", null, "3", "31/03/2027");

        identityService.setAuthentication("moh.focal", List.of("moh"));
        try {
            assertThat(taskService.createTaskQuery().processInstanceId(moh.getId()).listPage(0, 10))
                    .extracting(Task::getTaskDefinitionKey).containsExactly(PREPARE_PLAN);
            assertThat(taskService.createTaskQuery().processInstanceId(mps.getId()).count()).isZero();

            complete(task(PREPARE_PLAN, moh), withVariables("focalPointName", "Trần Thị Bình", "planActions", "Khảo sát"));
            assertThat(taskService.createTaskQuery().processInstanceId(moh.getId()).count())
                    .as("MOFA's review is not the agency's task").isZero();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The row of the English matrix whose first cell is {@code number}. */
    private static int rowOf(XSSFWorkbook matrix, String number) {
        for (var row : matrix.getSheetAt(0)) {
            if (number.equals(new DataFormatter().formatCellValue(row.getCell(0)))) {
                return row.getRowNum();
            }
        }
        throw new AssertionError(number + " not in the matrix");
    }

    private void approvePlan(ProcessInstance pi) {
        complete(task(PREPARE_PLAN, pi), withVariables("focalPointName", "Nguyễn Văn An", "planActions", "Tập huấn"));
        complete(task(REVIEW_PLAN, pi), withVariables(VAR_APPROVED, "true"));
        assertThat(pi).isWaitingAt(WAIT_FOR_REPORT_REQUEST);
    }

    private void requestReport(ProcessInstance pi, String roundName) {
        runtimeService.createMessageCorrelation(MESSAGE_REPORT_REQUESTED).processInstanceId(pi.getId())
                .setVariables(Map.of(VAR_ROUND_ID, "round-" + pi.getBusinessKey(), VAR_ROUND_NAME, roundName,
                        VAR_AGENCY_DEADLINE, "2027-03-15", VAR_REPORT_DEADLINE, "2027-03-31"))
                .correlate();
    }

    private void asMofaOfficer(Runnable work) {
        identityService.setAuthentication("mofa.focal", List.of("mofa"));
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The one timer of this boundary event, due now by the engine's clock. */
    private Job dueJob(ProcessInstance pi, String boundaryEvent) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(boundaryEvent).executable()
                .singleResult();
    }

    private String activityOf(Job job) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    /**
     * Delivers the outbox and returns the mails of one kind (subject starting "[UPR] Nhắc hạn", "[UPR] Quá hạn" ...)
     * about one of this class's recommendations, received since the last call.
     */
    private List<ReceivedMail> mailsAbout(String number, String kind) {
        outbox.sendDue();
        List<ReceivedMail> received = ReceivedMail.of(greenMail.getReceivedMessages());
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
        return received.stream().filter(mail -> mail.subject().startsWith("[UPR] " + kind))
                .filter(mail -> mail.text().contains("số " + number + " (chu kỳ UPR " + CYCLE + ")")).toList();
    }

    private List<Task> openTasks(ProcessInstance pi, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).list();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
    }

    private Task byGroup(List<Task> tasks, String group) {
        return tasks.stream().filter(t -> candidateGroups(t).contains(group)).findFirst().orElseThrow();
    }

    private static Date moment(String isoOffsetDateTime) {
        return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }
}
