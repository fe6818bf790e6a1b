package vn.gov.mofa.upr.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.never;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess;

/**
 * What a round covers of its scope: the preview MOFA confirms before opening it counts the recommendations it asks and
 * says why the others are left out; the round's page keeps those sentences; with "include the open plans" those are
 * recorded as awaiting their plan and join the round ({@code roundJoining}) once their plan is approved.
 */
@ApplicationTest
class RoundCoverageTest {

    static final int CYCLE = 68;
    /** Few other tests lead with the Supreme People's Court; counts are compared with a survey taken just before. */
    static final String LEAD = "spc";
    /** The task group of the mix; shared with other tests' recommendations, hence counted as differences too. */
    static final String GROUP = "5";

    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired RoundJoining joining;
    @Autowired ReportingRounds rounds;

    @Test
    void thePreviewCountsWhatTheRoundAsksAndSaysWhyTheOthersAreLeftOut() throws Exception {
        JsonNode before = preview("scope=TASK_GROUP&taskGroup=" + GROUP, "vi").get("coverage");
        var fixture = new Recommendations(imports, runtime, management);
        ProcessInstance waiting = fixture.track(CYCLE, "1", "Khuyến nghị chờ đợt báo cáo", LEAD, null, GROUP, "31/12/2030");
        approvePlan(waiting);
        fixture.track(CYCLE, "2", "Khuyến nghị đang lập kế hoạch", LEAD, null, GROUP, "31/12/2030");
        ProcessInstance inReview = fixture.track(CYCLE, "3", "Khuyến nghị đang thẩm định kế hoạch", LEAD, null, GROUP, "31/12/2030");
        complete(inReview, Map.of("planActions", "Kế hoạch"));
        ProcessInstance returned = fixture.track(CYCLE, "4", "Khuyến nghị bị trả lại kế hoạch", LEAD, null, GROUP, "31/12/2030");
        complete(returned, Map.of("planActions", "Kế hoạch"));
        complete(returned, Map.of("approved", false, "reviewComment", "Bổ sung chỉ số"));
        fixture.track(CYCLE, "5", "Khuyến nghị chưa phân công", null, null, GROUP, "31/12/2030");
        ProcessInstance inRound = fixture.track(CYCLE, "6", "Khuyến nghị đang trong đợt khác", LEAD, null, GROUP, "31/12/2030");
        approvePlan(inRound);
        runtime.createMessageCorrelation(RecommendationProcess.MESSAGE_REPORT_REQUESTED).processInstanceId(inRound.getId())
                .setVariables(Map.of("roundId", "round-68", "roundName", "Đợt khác", "agencyDeadline", "2030-09-30",
                        "reportDeadline", "2030-10-31")).correlate();
        ProcessInstance closed = fixture.track(CYCLE, "7", "Khuyến nghị đã kết thúc", LEAD, null, GROUP, "31/12/2030");
        runtime.deleteProcessInstance(closed.getId(), "đã kết thúc");

        JsonNode preview = preview("scope=TASK_GROUP&taskGroup=" + GROUP, "vi");
        JsonNode after = preview.get("coverage");
        assertThat(difference(before, after, "requested")).isEqualTo(1);
        assertThat(difference(before, after, "planOpen")).as("prepared, under review, returned").isEqualTo(3);
        assertThat(difference(before, after, "noAgencies")).isEqualTo(1);
        assertThat(difference(before, after, "inOtherRound")).isEqualTo(1);
        assertThat(difference(before, after, "closed")).isEqualTo(1);
        assertThat(after.get("awaitingPlan").asInt()).isZero();
        assertThat(text(preview.get("sentences"))).contains("Yêu cầu báo cáo " + after.get("requested").asInt() + " trong số",
                "khuyến nghị không được yêu cầu", "chưa được phân công cơ quan chủ trì",
                "chưa được duyệt kế hoạch (đang lập, đang thẩm định hoặc bị trả lại)", "đã thực hiện đầy đủ hoặc đã kết thúc",
                "đang trong một đợt báo cáo khác", "Gồm cả khuyến nghị chưa được duyệt kế hoạch");
        assertThat(preview.get("question").asText()).isEqualTo("Mở đợt báo cáo với phạm vi này?");

        JsonNode including = preview("scope=TASK_GROUP&taskGroup=" + GROUP + "&includeOpenPlans=true", "vi");
        assertThat(including.get("coverage").get("awaitingPlan").asInt()).isEqualTo(after.get("planOpen").asInt());
        assertThat(including.get("coverage").get("planOpen").asInt()).isZero();
        assertThat(text(including.get("sentences"))).contains("chưa được duyệt kế hoạch được ghi nhận vào đợt")
                .doesNotContain("(đang lập, đang thẩm định hoặc bị trả lại)");

        assertThat(text(preview("scope=TASK_GROUP&taskGroup=" + GROUP, "en").get("sentences")))
                .as("in the reader's language").contains("recommendations not requested", "no lead agency assigned yet");
    }

    @Test
    void onlyMofaOfficersPreviewARoundAndAScopeNeedsItsValue() {
        for (String user : List.of("spc.focal", "mps.lead", "mofa.lead")) {
            var refused = http.withBasicAuth(user, "demo").getForEntity("/api/reporting-rounds/preview?scope=ALL", String.class);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getBody()).as(user).contains("Chỉ Bộ Ngoại giao");
        }
        var missing = http.withBasicAuth("mofa.focal", "demo").getForEntity("/api/reporting-rounds/preview?scope=AGENCY", String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody()).contains("Thiếu agency");
    }

    @Test
    void openPlansIncludedWaitForTheirPlanAndJoinTheRoundWhenItIsApproved() throws Exception {
        var fixture = new Recommendations(imports, runtime, management);
        ProcessInstance waiting = fixture.track(CYCLE, "11", "Khuyến nghị chờ đợt báo cáo", LEAD, null, "6", "31/12/2030");
        approvePlan(waiting);
        ProcessInstance planning = fixture.track(CYCLE, "12", "Khuyến nghị đang lập kế hoạch", LEAD, null, "6", "31/12/2030");
        ProcessInstance reviewing = fixture.track(CYCLE, "13", "Khuyến nghị đang thẩm định", LEAD, null, "6", "31/12/2030");
        complete(reviewing, Map.of("planActions", "Kế hoạch"));

        JsonNode confirmed = preview("scope=AGENCY&agency=" + LEAD + "&includeOpenPlans=true", "vi");
        String round = runtime.startProcessInstanceByKey(ReportingRoundProcess.KEY, Map.of("roundName", "Đợt gồm kế hoạch đang mở 68",
                "roundKind", "AD_HOC", "agencyDeadline", "15/03/2031", "reportDeadline", "31/03/2031",
                "targetScope", "AGENCY", "targetAgency", LEAD, "includeOpenPlans", true)).getId();

        JsonNode record = roundRecord(round);
        assertThat(record.get("coverage")).as("kept as MOFA confirmed it").isEqualTo(confirmed.get("coverage"));
        int requested = record.get("progress").get("requested").asInt();
        assertThat(requested).as("only those waiting for a round are asked now").isEqualTo(confirmed.get("coverage").get("requested").asInt());
        int awaiting = record.get("awaitingPlan").asInt();
        assertThat(awaiting).isEqualTo(confirmed.get("coverage").get("awaitingPlan").asInt()).isGreaterThanOrEqualTo(2);
        String page = http.withBasicAuth("mofa.focal", "demo").getForObject("/rounds", String.class);
        assertThat(page).contains("Đợt gồm kế hoạch đang mở 68");
        for (JsonNode sentence : confirmed.get("sentences")) {
            assertThat(page).as("the round's page says what the confirmation said").contains(sentence.asText());
        }

        // 68.12's plan is approved: it joins the round as the opening would have asked it
        DelegateExecution execution = execution(planning);
        joining.execute(execution);
        verify(execution).setVariables(Map.of("roundId", round, "roundName", "Đợt gồm kế hoạch đang mở 68",
                "agencyDeadline", "2031-03-15", "reportDeadline", "2031-03-31"));
        verify(execution).setVariable("roundAwaiting", true);
        record = roundRecord(round);
        assertThat(record.get("progress").get("requested").asInt()).as("the round counts it").isEqualTo(requested + 1);
        assertThat(record.get("awaitingPlan").asInt()).isEqualTo(awaiting - 1);

        DelegateExecution again = execution(planning);
        joining.execute(again);
        verify(again).setVariable("roundAwaiting", false);
        verify(again, never()).setVariables(anyMap());

        DelegateExecution notAwaited = execution(waiting);
        joining.execute(notAwaited);
        verify(notAwaited).setVariable("roundAwaiting", false);

        rounds.close(round);
        DelegateExecution afterTheRound = execution(reviewing);
        joining.execute(afterTheRound);
        verify(afterTheRound).setVariable("roundAwaiting", false);
        verify(afterTheRound, never()).setVariables(any(Map.class));
    }

    private DelegateExecution execution(ProcessInstance instance) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessInstanceId()).thenReturn(instance.getId());
        when(execution.getProcessBusinessKey()).thenReturn(instance.getBusinessKey());
        return execution;
    }

    private JsonNode roundRecord(String round) throws Exception {
        for (JsonNode record : json.readTree(http.withBasicAuth("mofa.focal", "demo").getForObject("/api/reporting-rounds/all", String.class))) {
            if (record.get("round").get("id").asText().equals(round)) {
                return record;
            }
        }
        throw new AssertionError("round " + round + " not listed");
    }

    private JsonNode preview(String query, String lang) throws Exception {
        var answer = http.withBasicAuth("mofa.focal", "demo").getForEntity("/api/reporting-rounds/preview?" + query + "&lang=" + lang,
                String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    @Test
    void aPlanApprovedAfterTheRoundOpenedGetsThatRoundsReportTaskThroughTheProcess() throws Exception {
        var fixture = new Recommendations(imports, runtime, management);
        ProcessInstance planning = fixture.track(CYCLE, "21", "Khuyến nghị lập kế hoạch muộn", "vtv", null, "6", "31/12/2030");
        String round = runtime.startProcessInstanceByKey(ReportingRoundProcess.KEY, Map.of("roundName", "Đợt 68 qua quy trình",
                "roundKind", "AD_HOC", "agencyDeadline", "15/03/2031", "reportDeadline", "31/03/2031",
                "targetScope", "AGENCY", "targetAgency", "vtv", "includeOpenPlans", true)).getId();
        assertThat(roundRecord(round).get("awaitingPlan").asInt()).isEqualTo(1);

        approvePlan(planning);

        var report = tasks.createTaskQuery().processInstanceId(planning.getId())
                .taskDefinitionKey(RecommendationProcess.PREPARE_REPORT).singleResult();
        assertThat(report).as("the report task of the round it was recorded with, without waiting for another").isNotNull();
        assertThat(report.getDueDate()).isEqualTo(java.util.Date.from(java.time.OffsetDateTime.parse("2031-03-15T17:00+07:00").toInstant()));
        assertThat(tasks.getVariable(report.getId(), RecommendationProcess.VAR_ROUND_NAME)).isEqualTo("Đợt 68 qua quy trình");
        assertThat(roundRecord(round).get("progress").get("requested").asInt()).isEqualTo(1);
        assertThat(roundRecord(round).get("awaitingPlan").asInt()).isZero();
    }

    private static int difference(JsonNode before, JsonNode after, String count) {
        return after.get(count).asInt() - before.get(count).asInt();
    }

    private static String text(JsonNode sentences) {
        StringBuilder all = new StringBuilder();
        sentences.forEach(s -> all.append(s.asText()).append('\n'));
        return all.toString();
    }

    private void approvePlan(ProcessInstance instance) {
        complete(instance, Map.of("planActions", "Kế hoạch"));
        complete(instance, Map.of("approved", true));
    }

    private void complete(ProcessInstance instance, Map<String, Object> variables) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(), variables);
    }
}
