package vn.gov.mofa.upr.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;
import static vn.gov.mofa.upr.workflow.UnitDelegationProcess.ACCEPT_ANSWER;
import static vn.gov.mofa.upr.workflow.UnitDelegationProcess.ANSWER;
import static vn.gov.mofa.upr.workflow.UnitDelegationProcess.VAR_UNIT_ANSWER;
import static vn.gov.mofa.upr.workflow.UnitDelegationProcess.VAR_UNIT_ANSWER_ACCEPTED;
import static vn.gov.mofa.upr.workflow.UnitDelegationProcess.VAR_UNIT_RETURN_COMMENT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.ReceivedMail;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.notification.OutboxSender;
import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.UnitDelegationProcess;

/**
 * An agency delegates part of its step to two of its units (process {@code upr-unit-delegation}): one answers and is
 * returned once, the other is late; reminders and the escalation stay inside the agency; the agency is never held
 * back; units see their own task only. Cycle 37 is this class's own.
 */
@ApplicationTest
class UnitDelegationProcessTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final int CYCLE = 37;
    private static final String LEGAL = "mps.t37-legal";
    private static final String PRISONS = "mps.t37-prisons";

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired RecommendationImport imports;
    @Autowired UnitDelegations delegations;
    @Autowired Deadlines deadlines;
    @Autowired OutboxSender outbox;
    @Autowired TestRestTemplate http;

    private Recommendations recommendations;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        recommendations = new Recommendations(imports, runtimeService, managementService);
        unit(LEGAL, "Cục Pháp chế và cải cách hành chính, tư pháp");
        unit(PRISONS, "Cục Cảnh sát quản lý trại giam");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void twoUnitsOneReturnedOneLateTheAgencyIsNeverHeldBack() throws Exception {
        ProcessInstance pi = recommendations.track(CYCLE, "1.1", "Improve prison conditions", "mps", "moj", "3", "31/03/2027");
        Task plan = task(PREPARE_PLAN, pi);

        ResponseEntity<String> delegated = delegate("mps.focal", "1.1", plan.getId(), List.of(LEGAL, PRISONS), "2027-01-15");
        assertThat(delegated.getStatusCode().value()).as(delegated.getBody()).isEqualTo(201);
        assertThat(delegated.getBody()).contains("Đã giao cho 2 đơn vị");
        assertThat(pi).as("the agency's own step stays open with MOFA's deadline").isWaitingAt(PREPARE_PLAN);

        ProcessInstance delegation = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(UnitDelegationProcess.KEY).processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
        Task legal = unitTask(delegation, LEGAL);
        Task prisons = unitTask(delegation, PRISONS);
        assertThat(legal.getName()).isEqualTo("Đơn vị thực hiện phần việc được giao — KN 1.1");
        assertThat(legal.getDueDate()).isEqualTo(moment("2027-01-15T17:00+07:00"));
        assertThat(taskService.getVariable(legal.getId(), "unitName")).isEqualTo("Cục Pháp chế và cải cách hành chính, tư pháp");

        // each unit sees its own task, nothing of the other unit or of the agency's own step
        assertThat(http.withBasicAuth(LEGAL + ".focal", "demo").getForObject("/engine-rest/task?firstResult=0&maxResults=100", String.class))
                .contains(legal.getId()).doesNotContain(prisons.getId()).doesNotContain(plan.getId());
        assertThat(http.withBasicAuth(LEGAL + ".focal", "demo").getForEntity("/engine-rest/process-instance/"
                + pi.getId() + "/variables", String.class).getStatusCode().value()).isIn(403, 404);
        assertThat(http.withBasicAuth(LEGAL + ".focal", "demo").getForEntity("/api/recommendations/" + CYCLE + "/1.1/delegations",
                String.class).getStatusCode().value()).isEqualTo(403);

        // the legal department answers and is returned once, then accepted
        complete(legal, withVariables(VAR_UNIT_ANSWER, "Dự thảo Thông tư sửa đổi chế độ ăn"));
        Task accept = taskService.createTaskQuery().processInstanceId(delegation.getId()).taskDefinitionKey(ACCEPT_ANSWER).singleResult();
        assertThat(candidates(accept)).containsExactly("mps");
        assertThatThrownBy(() -> taskService.complete(accept.getId(), Map.of(VAR_UNIT_ANSWER_ACCEPTED, "false")))
                .hasMessageContaining("cần ghi ý kiến để đơn vị bổ sung");
        taskService.complete(accept.getId(), Map.of(VAR_UNIT_ANSWER_ACCEPTED, "false", VAR_UNIT_RETURN_COMMENT, "Nêu số liệu"));
        Task legalAgain = unitTask(delegation, LEGAL);
        assertThat(taskService.getVariable(legalAgain.getId(), VAR_UNIT_RETURN_COMMENT)).isEqualTo("Nêu số liệu");
        assertThat(taskService.getVariable(unitTask(delegation, PRISONS).getId(), VAR_UNIT_RETURN_COMMENT))
                .as("the other unit does not read it").isNull();
        complete(legalAgain, withVariables(VAR_UNIT_ANSWER, "Dự thảo Thông tư; 53 trại giam áp dụng"));
        complete(taskService.createTaskQuery().processInstanceId(delegation.getId()).taskDefinitionKey(ACCEPT_ANSWER)
                .singleResult(), withVariables(VAR_UNIT_ANSWER_ACCEPTED, "true"));

        assertThat(taskService.getVariable(task(PREPARE_PLAN, pi).getId(), VAR_UNIT_ANSWERS))
                .isEqualTo("— Cục Pháp chế và cải cách hành chính, tư pháp: Dự thảo Thông tư; 53 trại giam áp dụng");
        assertThat(delegations.ofRecommendation(CYCLE, "1.1")).extracting(UnitDelegation::unitGroup,
                UnitDelegation::status, UnitDelegation::timesReturned).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LEGAL, UnitDelegation.ACCEPTED, 1),
                        org.assertj.core.groups.Tuple.tuple(PRISONS, UnitDelegation.ASSIGNED, 0));

        // the prisons department is late: reminded before its internal deadline, its agency told after it
        mails();
        ClockUtil.setCurrentTime(Date.from(deadlines.reminderMoment("2027-01-15", Deadlines.Reminder.FIRST).plusMinutes(1).toInstant()));
        managementService.executeJob(dueJob(delegation, "UnitsReminder").getId());
        assertThat(mails()).filteredOn(m -> m.subject().startsWith("[UPR] Nhắc hạn")).extracting(ReceivedMail::to)
                .containsExactly(PRISONS + ".focal@upr.example.vn");
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2027-01-15T17:01+07:00").toInstant()));
        managementService.executeJob(dueJob(delegation, "UnitsOverdue").getId());
        List<ReceivedMail> overdue = mails().stream().filter(m -> m.subject().startsWith("[UPR] Quá hạn")).toList();
        assertThat(overdue).extracting(ReceivedMail::to).as("inside the agency: its focal point, not MOFA, not leaders")
                .containsExactly("mps.focal@upr.example.vn");

        // the agency does not wait: it sends its plan, the late unit's task closes
        complete(task(PREPARE_PLAN, pi), withVariables(VAR_FOCAL_POINT_NAME, "Nguyễn Văn An", VAR_PLAN_ACTIONS, "Sửa Thông tư"));
        assertThat(delegation).isEnded();
        assertThat(taskService.createTaskQuery().taskCandidateGroup(PRISONS).processInstanceBusinessKey(pi.getBusinessKey())
                .count()).isZero();
        assertThat(delegations.ofRecommendation(CYCLE, "1.1")).extracting(UnitDelegation::status)
                .containsExactly(UnitDelegation.ACCEPTED, UnitDelegation.CLOSED);
        assertThat(pi).isWaitingAt(REVIEW_PLAN);
    }

    @Test
    void onlyTheStepsHolderDelegatesToItsOwnUnitsBeforeItsOwnDeadline() {
        ProcessInstance pi = recommendations.track(CYCLE, "2.1", "Train prison staff", "mps", "moj", "3", "31/03/2027");
        String plan = task(PREPARE_PLAN, pi).getId();

        assertThat(delegate("moj.focal", "2.1", plan, List.of(LEGAL), "2027-01-15").getStatusCode().value())
                .as("a coordinating agency does not hold the plan").isEqualTo(403);
        assertThat(delegate("mps.lead", "2.1", plan, List.of(LEGAL), "2027-01-15").getStatusCode().value())
                .as("the leader signs off, the focal point delegates").isEqualTo(403);
        assertThat(delegate(LEGAL + ".focal", "2.1", plan, List.of(LEGAL), "2027-01-15").getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<String> notItsUnit = delegate("mps.focal", "2.1", plan, List.of("moj.x"), "2027-01-15");
        assertThat(notItsUnit.getStatusCode().value()).isEqualTo(400);
        assertThat(notItsUnit.getBody()).contains("không phải là đơn vị của Bộ Công an");
        ResponseEntity<String> late = delegate("mps.focal", "2.1", plan, List.of(LEGAL), "2027-04-01");
        assertThat(late.getStatusCode().value()).isEqualTo(400);
        assertThat(late.getBody()).contains("trước hạn của cơ quan (31/03/2027)");
        assertThat(delegate("mps.focal", "2.1", "no-such-task", List.of(LEGAL), "2027-01-15").getStatusCode().value())
                .isEqualTo(409);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitDelegationProcess.KEY)
                .processInstanceBusinessKey(pi.getBusinessKey()).count()).as("nothing started").isZero();
        assertThat(delegations.ofRecommendation(CYCLE, "2.1")).isEmpty();
    }

    @Test
    void aCoordinatingAgencyDelegatesItsContributionAndOnlyItsFormShowsTheAnswer() {
        unit("moj.t37-vbqp", "Cục Kiểm tra văn bản quy phạm pháp luật");
        ProcessInstance pi = recommendations.track(CYCLE, "3.1", "Review the Penal Code", "mps", "moj", "3", "31/03/2027");
        complete(task(PREPARE_PLAN, pi), withVariables(VAR_FOCAL_POINT_NAME, "Nguyễn Văn An", VAR_PLAN_ACTIONS, "Rà soát"));
        complete(task(REVIEW_PLAN, pi), withVariables(VAR_APPROVED, "true"));
        runtimeService.createMessageCorrelation(MESSAGE_REPORT_REQUESTED).processInstanceId(pi.getId())
                .setVariables(Map.of(VAR_ROUND_ID, "round-37", VAR_ROUND_NAME, "Giữa kỳ", VAR_AGENCY_DEADLINE, "2027-03-15",
                        VAR_REPORT_DEADLINE, "2027-03-31"))
                .correlate();
        Task contribution = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CONTRIBUTE_INPUT)
                .singleResult();
        Task report = task(PREPARE_REPORT, pi);
        assertThat(delegate("mps.focal", "3.1", contribution.getId(), List.of(LEGAL), "2027-02-01").getStatusCode()
                .value()).as("the lead does not hold the coordinating agency's contribution").isEqualTo(403);

        assertThat(delegate("moj.focal", "3.1", contribution.getId(), List.of("moj.t37-vbqp"), "2027-02-01").getStatusCode()
                .value()).isEqualTo(201);
        ProcessInstance delegation = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(UnitDelegationProcess.KEY).processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
        complete(unitTask(delegation, "moj.t37-vbqp"), withVariables(VAR_UNIT_ANSWER, "Đã rà soát 12 điều"));
        Task accept = taskService.createTaskQuery().processInstanceId(delegation.getId()).taskDefinitionKey(ACCEPT_ANSWER)
                .singleResult();
        assertThat(candidates(accept)).containsExactly("moj");
        complete(accept, withVariables(VAR_UNIT_ANSWER_ACCEPTED, "true"));

        assertThat(taskService.getVariable(contribution.getId(), VAR_UNIT_ANSWERS))
                .isEqualTo("— Cục Kiểm tra văn bản quy phạm pháp luật: Đã rà soát 12 điều");
        assertThat(taskService.getVariable(report.getId(), VAR_UNIT_ANSWERS)).as("the lead's report form shows none").isNull();
        assertThat(delegation).isEnded();
        String page = http.withBasicAuth("moj.focal", "demo").getForObject("/recommendations/" + CYCLE + "/3.1", String.class);
        assertThat(page).contains("Phần việc giao đơn vị").contains("Cục Kiểm tra văn bản quy phạm pháp luật")
                .contains("Đã tiếp nhận").contains("Đã rà soát 12 điều").contains("id=\"delegation-form\"");
        assertThat(http.withBasicAuth("mofa.focal", "demo").getForObject("/recommendations/" + CYCLE + "/3.1", String.class))
                .as("MOFA reads what units did, but delegates nothing").contains("Đã rà soát 12 điều")
                .doesNotContain("id=\"delegation-form\"");
    }

    @Test
    void aUnitAttachesEvidenceToItsPartAndSeesNothingElseOfTheRecommendation() {
        ProcessInstance pi = recommendations.track(CYCLE, "4.1", "Improve legal aid in detention", "mps", null, "3", "31/03/2027");
        assertThat(delegate("mps.focal", "4.1", task(PREPARE_PLAN, pi).getId(), List.of(LEGAL, PRISONS), "2027-01-15")
                .getStatusCode().value()).isEqualTo(201);
        ProcessInstance delegation = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(UnitDelegationProcess.KEY).processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
        String legalTask = unitTask(delegation, LEGAL).getId();
        String url = "/api/recommendations/" + CYCLE + "/4.1/evidence";

        assertThat(http.withBasicAuth(PRISONS + ".focal", "demo").postForEntity(url,
                vn.gov.mofa.upr.casefile.CaseFileTest.form(legalTask, "so-lieu.pdf", vn.gov.mofa.upr.casefile.CaseFileTest.PDF),
                String.class).getStatusCode().value()).as("another unit's part").isEqualTo(403);
        ResponseEntity<String> attached = http.withBasicAuth(LEGAL + ".focal", "demo").postForEntity(url,
                vn.gov.mofa.upr.casefile.CaseFileTest.form(legalTask, "so-lieu.pdf", vn.gov.mofa.upr.casefile.CaseFileTest.PDF),
                String.class);
        assertThat(attached.getStatusCode().value()).as(attached.getBody()).isEqualTo(201);

        String page = http.withBasicAuth(LEGAL + ".focal", "demo").getForObject("/recommendations/" + CYCLE + "/4.1/unit-work",
                String.class);
        assertThat(page).contains("Rà soát quy định, báo cáo số liệu").contains("15/01/2027").contains("so-lieu.pdf")
                .contains("id=\"evidence-form\"");
        assertThat(http.withBasicAuth(LEGAL + ".focal", "demo").getForEntity("/recommendations/" + CYCLE + "/4.1",
                String.class).getStatusCode().value()).as("the case page stays the agency's").isEqualTo(403);
        assertThat(page).as("no link to lists that hold nothing for a unit").contains("/camunda/app/tasklist/default/")
                .doesNotContain("href=\"/recommendations\"").doesNotContain("href=\"/dashboard\"");
        assertThat(http.withBasicAuth("mps.focal", "demo").getForEntity("/recommendations/" + CYCLE + "/4.1/unit-work",
                String.class).getStatusCode().value()).as("the agency holds no unit's part").isEqualTo(403);
        assertThat(http.withBasicAuth("mofa.focal", "demo").getForObject("/recommendations/" + CYCLE + "/4.1", String.class))
                .as("MOFA sees the unit's file, named by the unit").contains("so-lieu.pdf")
                .contains("Cục Pháp chế và cải cách hành chính, tư pháp");

        complete(task(PREPARE_PLAN, pi), withVariables(VAR_FOCAL_POINT_NAME, "Nguyễn Văn An", VAR_PLAN_ACTIONS, "Sửa Thông tư"));
        assertThat(http.withBasicAuth(LEGAL + ".focal", "demo").postForEntity(url,
                vn.gov.mofa.upr.casefile.CaseFileTest.form(legalTask, "muon.pdf", vn.gov.mofa.upr.casefile.CaseFileTest.PDF),
                String.class).getStatusCode().value()).as("the part closed with the agency's plan").isEqualTo(403);
    }

    private ResponseEntity<String> delegate(String user, String number, String taskId, List<String> units, String due) {
        return http.withBasicAuth(user, "demo").postForEntity("/api/recommendations/" + CYCLE + "/" + number + "/delegations",
                Map.of("taskId", taskId, "units", units, "tasks", "Rà soát quy định, báo cáo số liệu", "internalDue",
                        LocalDate.parse(due).toString()), String.class);
    }

    private Task unitTask(ProcessInstance delegation, String unit) {
        return taskService.createTaskQuery().processInstanceId(delegation.getId()).taskDefinitionKey(ANSWER)
                .taskCandidateGroup(unit).singleResult();
    }

    private List<String> candidates(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
    }

    private Job dueJob(ProcessInstance pi, String boundaryEvent) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(boundaryEvent).executable()
                .singleResult();
    }

    private List<ReceivedMail> mails() throws Exception {
        outbox.sendDue();
        List<ReceivedMail> received = ReceivedMail.of(greenMail.getReceivedMessages());
        greenMail.purgeEmailFromAllMailboxes();
        return received.stream().filter(m -> m.text() != null && m.text().contains("(chu kỳ UPR " + CYCLE + ")")).toList();
    }

    /** A unit as the agency's units page makes it: a group of type AGENCY_UNIT with one person. */
    private void unit(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(vn.gov.mofa.upr.agency.AgencyUnit.GROUP_TYPE);
            identityService.saveGroup(group);
            User user = identityService.newUser(id + ".focal");
            user.setFirstName("Cán bộ");
            user.setLastName(name);
            user.setEmail(id + ".focal@upr.example.vn");
            user.setPassword("demo");
            ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService).saveUser(user, true);
            identityService.createMembership(id + ".focal", id);
        }
    }

    private static Date moment(String isoOffsetDateTime) {
        return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }
}
