package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * A MOFA officer watches every recommendation in Cockpit and changes none of them there: Cockpit does not offer the
 * changes (user-styles.css, CockpitBrowserIT), and here the server refuses each one sent straight to /engine-rest on a
 * real running recommendation (cancel, suspend, modify, migrate, edit or delete a variable, the same in bulk), and the
 * recommendation is as it was.
 */
@ApplicationTest
class MofaReadsOnlyTest {

    static final int CYCLE = 96;

    @Autowired TestRestTemplate http;
    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;

    @Test
    void aMofaOfficerCannotChangeARunningRecommendation() {
        ProcessInstance instance = new Recommendations(imports, runtime, management)
                .track(CYCLE, "7.1", "Strengthen the independence of the judiciary", "moj", null, "2", "31/12/2030");
        String id = instance.getId();
        String definition = instance.getProcessDefinitionId();
        long batches = management.createBatchQuery().count();
        String ids = "{\"processInstanceIds\": [\"" + id + "\"]";

        List<String[]> attempts = List.of(
                new String[] {"DELETE", "/process-instance/" + id, null},
                new String[] {"PUT", "/process-instance/" + id + "/suspended", "{\"suspended\": true}"},
                new String[] {"POST", "/process-instance/" + id + "/modification",
                        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"" + RecommendationProcess.PREPARE_PLAN + "\"}]}"},
                new String[] {"PUT", "/process-instance/" + id + "/variables/number", "{\"value\": \"999.9\", \"type\": \"String\"}"},
                new String[] {"POST", "/process-instance/" + id + "/variables",
                        "{\"modifications\": {\"number\": {\"value\": \"999.9\", \"type\": \"String\"}}}"},
                new String[] {"DELETE", "/process-instance/" + id + "/variables/number", null},
                new String[] {"POST", "/process-instance/delete", ids + ", \"deleteReason\": \"x\"}"},
                new String[] {"PUT", "/process-instance/suspended", ids + ", \"suspended\": true}"},
                new String[] {"POST", "/process-instance/variables-async", ids
                        + ", \"variables\": {\"number\": {\"value\": \"999.9\", \"type\": \"String\"}}}"},
                new String[] {"PUT", "/process-definition/" + definition + "/suspended", "{\"suspended\": true, \"includeProcessInstances\": true}"},
                new String[] {"POST", "/migration/execute", "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"" + definition
                        + "\", \"targetProcessDefinitionId\": \"" + definition + "\", \"instructions\": []}, " + ids.substring(1)},
                new String[] {"DELETE", "/process-definition/" + definition + "?cascade=true", null});

        for (String[] attempt : attempts) {
            ResponseEntity<String> answer = send(HttpMethod.valueOf(attempt[0]), "/engine-rest" + attempt[1], attempt[2]);
            assertThat(answer.getStatusCode().value()).as(attempt[0] + " " + attempt[1] + ": " + answer.getBody()).isEqualTo(403);
            assertThat(answer.getBody()).as(attempt[0] + " " + attempt[1]).contains(RestSurfaceMatrixTest.GUARD_REFUSAL);
        }

        ProcessInstance after = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(after).as("the recommendation still runs").isNotNull();
        assertThat(after.isSuspended()).isFalse();
        assertThat(runtime.getVariable(id, RecommendationProcess.VAR_NUMBER)).isEqualTo("7.1");
        assertThat(management.createBatchQuery().count()).as("no batch started").isEqualTo(batches);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionId(definition).singleResult().isSuspended()).isFalse();
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("mofa.focal", "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
