package vn.gov.mofa.upr.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.TaskNames;

/**
 * The agency leader's sign-off (process version 3): a plan or report reaches MOFA only once the leader signed it; a
 * return stays inside the agency; an agency MOFA exempted sends straight to MOFA. Cycle 36 is this class's own.
 */
@ApplicationTest
class SignOffProcessTest {

    private static final int CYCLE = 36;
    /** Agencies no other test leads with: the setting stays in the shared database. */
    private static final String SIGNING = "ona";
    private static final String EXEMPT = "vff";
    private static final String TEXT = "Strengthen human rights training for police officers";

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired RecommendationImport imports;
    @Autowired AgencySignOff signOff;
    @Autowired TestRestTemplate http;

    private Recommendations recommendations;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        recommendations = new Recommendations(imports, runtimeService, managementService);
        signOff.set(SIGNING, true, "test");
        signOff.set(EXEMPT, false, "test");
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
    }

    @Test
    void aPlanReachesMofaOnlyOnceTheLeaderSignedItAndTheLeadersReturnIsNotMofas() {
        ProcessInstance pi = recommendations.track(CYCLE, "1.1", TEXT, SIGNING, null, "3", "31/03/2027");
        complete(task(PREPARE_PLAN, pi), withVariables(VAR_FOCAL_POINT_NAME, "Nguyễn Văn An", VAR_PLAN_ACTIONS, "Tập huấn"));

        Task signing = task(SIGN_OFF_PLAN, pi);
        assertThat(groups(signing)).containsExactly(SIGNING + "-leaders");
        assertThat(signing.getName()).startsWith("Lãnh đạo cơ quan ký duyệt kế hoạch — KN 1.1");
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(REVIEW_PLAN).count())
                .as("MOFA sees nothing before the leader signed").isZero();

        identityService.setAuthentication(SIGNING + ".lead", List.of(SIGNING + "-leaders"));
        assertThatThrownBy(() -> taskService.complete(signing.getId(), Map.of(VAR_SIGNED_OFF, "false")))
                .hasMessageContaining("cần ghi ý kiến của lãnh đạo");
        taskService.complete(signing.getId(), Map.of(VAR_SIGNED_OFF, "false", VAR_SIGN_OFF_COMMENT, "Bổ sung chỉ số"));
        identityService.clearAuthentication();

        Task again = task(PREPARE_PLAN, pi);
        assertThat(again.getName()).as("not marked as returned by MOFA").doesNotContain(TaskNames.RETURNED);
        assertThat(taskService.getVariable(again.getId(), VAR_SIGN_OFF_COMMENT)).isEqualTo("Bổ sung chỉ số");
        assertThat(taskService.getVariable(again.getId(), VAR_APPROVED)).as("MOFA has decided nothing").isNull();

        complete(again, withVariables(VAR_INDICATORS, "Số cán bộ được tập huấn"));
        identityService.setAuthentication(SIGNING + ".lead", List.of(SIGNING + "-leaders"));
        taskService.complete(task(SIGN_OFF_PLAN, pi).getId(), Map.of(VAR_SIGNED_OFF, "true"));
        identityService.clearAuthentication();

        assertThat(pi).isWaitingAt(REVIEW_PLAN);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_SIGNED_OFF_BY)).as("a full name, never a user id")
                .isEqualTo("Lãnh đạo Văn phòng Quốc hội");
        assertThat((String) runtimeService.getVariable(pi.getId(), VAR_SIGNED_OFF_AT)).contains("ngày");
        assertThat(runtimeService.getVariable(pi.getId(), VAR_SIGN_OFF_COMMENT)).isNull();
    }

    @Test
    void anAgencyMofaExemptedSendsItsPlanStraightToMofa() {
        ProcessInstance pi = recommendations.track(CYCLE, "2.1", TEXT, EXEMPT, null, "3", "31/03/2027");
        complete(task(PREPARE_PLAN, pi), withVariables(VAR_FOCAL_POINT_NAME, "Trần Thị Bình", VAR_PLAN_ACTIONS, "Rà soát"));

        assertThat(pi).isWaitingAt(REVIEW_PLAN);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_SIGNED_OFF_BY)).isNull();
    }

    @Test
    void theReportIsSignedOffTooAndMofasReturnStillReadsAsMofas() {
        ProcessInstance pi = recommendations.track(CYCLE, "3.1", TEXT, SIGNING, null, "3", "31/03/2027");
        complete(task(PREPARE_PLAN, pi), withVariables(VAR_FOCAL_POINT_NAME, "Nguyễn Văn An", VAR_PLAN_ACTIONS, "Tập huấn"));
        complete(task(SIGN_OFF_PLAN, pi), withVariables(VAR_SIGNED_OFF, "true"));
        complete(task(REVIEW_PLAN, pi), withVariables(VAR_APPROVED, "false", VAR_REVIEW_COMMENT, "Nêu rõ thời hạn"));
        assertThat(task(PREPARE_PLAN, pi).getName()).as("MOFA's return is marked").endsWith(TaskNames.RETURNED);
        complete(task(PREPARE_PLAN, pi), withVariables(VAR_PLAN_DEADLINE, "Quý IV/2026"));
        complete(task(SIGN_OFF_PLAN, pi), withVariables(VAR_SIGNED_OFF, "true"));
        complete(task(REVIEW_PLAN, pi), withVariables(VAR_APPROVED, "true"));
        assertThat(pi).isWaitingAt(WAIT_FOR_REPORT_REQUEST);

        runtimeService.createMessageCorrelation(MESSAGE_REPORT_REQUESTED).processInstanceId(pi.getId())
                .setVariables(Map.of(VAR_ROUND_ID, "round-sign-off", VAR_ROUND_NAME, "Giữa kỳ",
                        VAR_AGENCY_DEADLINE, "2027-03-15", VAR_REPORT_DEADLINE, "2027-03-31"))
                .correlate();
        complete(task(PREPARE_REPORT, pi), withVariables(VAR_IMPLEMENTATION_STATUS, "IN_PROGRESS", VAR_REPORT_RESULTS, "Đã tập huấn 200 cán bộ"));
        Task signing = task(SIGN_OFF_REPORT, pi);
        assertThat(groups(signing)).containsExactly(SIGNING + "-leaders");
        complete(signing, withVariables(VAR_SIGNED_OFF, "true"));
        assertThat(pi).isWaitingAt(REVIEW_REPORT);
    }

    @Test
    void theProductAsksForSignOffUnlessMofaSaysOtherwise() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        assertThat(yaml.getObject().getProperty("upr.sign-off.required-by-default")).isEqualTo("true");
    }

    @Test
    void onlyMofaChangesAnAgencysSignOffAndAnAgencyReadsOnlyItsOwn() {
        HttpEntity<Map<String, Object>> off = new HttpEntity<>(Map.of("required", false));
        assertThat(http.withBasicAuth(SIGNING + ".focal", "demo").exchange("/api/sign-off/" + SIGNING, HttpMethod.PUT, off, String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth(SIGNING + ".lead", "demo").exchange("/api/sign-off/" + SIGNING, HttpMethod.PUT, off, String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(signOff.required(SIGNING)).as("nothing changed").isTrue();

        assertThat(http.withBasicAuth("mofa.focal", "demo").exchange("/api/sign-off/moc", HttpMethod.PUT, off, String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(signOff.required("moc")).isFalse();
        assertThat(http.withBasicAuth("mofa.focal", "demo").exchange("/api/sign-off/moc", HttpMethod.PUT,
                new HttpEntity<>(Map.of()), String.class).getBody()).contains("Cần cho biết có yêu cầu ký duyệt");

        String own = http.withBasicAuth("mps.focal", "demo").getForObject("/api/sign-off", String.class);
        assertThat(own).contains("\"agency\":\"mps\"").doesNotContain("\"agency\":\"moj\"");
        assertThat(http.getForEntity("/api/sign-off", String.class).getStatusCode().value()).isEqualTo(401);
        signOff.set("moc", true, "test");
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
    }
}
