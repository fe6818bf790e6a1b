package vn.gov.mofa.upr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.web.TaskConflicts.InternalErrorOnTaskCompletion;

/**
 * Only the lost race of two completions (the task is gone) says "someone else completed it"; any other internal error
 * of the engine REST stays a 500 with its type, in Camunda's shape ({@code type}, {@code message}).
 */
@ApplicationTest
class TaskConflictsTest {

    private static final Predicate<String> GONE = taskId -> false;
    private static final Predicate<String> STILL_OPEN = taskId -> true;

    @Autowired TestRestTemplate http;
    @Autowired TaskService tasks;
    @Autowired ResourceConfigCustomizer taskConflictMessages;

    @Test
    void aCompletionThatLostTheRaceIsAConflictSaidInVietnamese() {
        for (String path : new String[] {"task/t-1/complete", "engine/default/task/t-1/submit-form"}) {
            Response answer = mapper(path, GONE).toResponse(new NullPointerException("execution is null"));
            assertThat(answer.getStatus()).as(path).isEqualTo(409);
            assertThat(answer.getEntity()).as(path).isEqualTo(Map.of("type", "TaskConflict", "message", TaskConflicts.MESSAGE));
        }
    }

    @Test
    void aCompletionThatFailedWhileTheTaskIsStillOpenIsAFaultNotAConflict() {
        Response answer = mapper("task/t-1/complete", STILL_OPEN).toResponse(new NullPointerException("variables is null"));
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getEntity()).isEqualTo(Map.of("type", "NullPointerException", "message", "variables is null"));
    }

    @Test
    void aNullPointerExceptionElsewhereIsAFaultWithItsType() {
        for (String path : new String[] {"task/t-1/variables", "process-instance/p-1/complete-ish", "task"}) {
            Response answer = mapper(path, GONE).toResponse(new NullPointerException("queryDto is null"));
            assertThat(answer.getStatus()).as(path).isEqualTo(500);
            assertThat(answer.getEntity()).as(path).isEqualTo(Map.of("type", "NullPointerException", "message", "queryDto is null"));
        }
    }

    /** As wired into the engine REST: "gone" is asked of the engine's tasks. */
    @Test
    void theRaceIsToldFromTheTaskBeingGone() {
        ResourceConfig config = new ResourceConfig();
        taskConflictMessages.customize(config);
        InternalErrorOnTaskCompletion wired = config.getInstances().stream().filter(InternalErrorOnTaskCompletion.class::isInstance)
                .map(InternalErrorOnTaskCompletion.class::cast).findFirst().orElseThrow();
        wired.uri = mock(UriInfo.class);
        Task task = tasks.newTask();
        tasks.saveTask(task);
        try {
            when(wired.uri.getPath()).thenReturn("task/" + task.getId() + "/complete");
            assertThat(wired.toResponse(new NullPointerException()).getStatus()).as("the task still open").isEqualTo(500);
        } finally {
            tasks.deleteTask(task.getId(), true);
        }
        assertThat(wired.toResponse(new NullPointerException()).getStatus()).as("the task gone").isEqualTo(409);
    }

    /** The same through the engine REST: a query without a body fails inside Camunda's resource with a NullPointerException. */
    @Test
    void theEngineRestAnswersAnInternalNullPointerExceptionAsA500WithItsType() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = http.withBasicAuth("mofa.focal", "demo")
                .postForEntity("/engine-rest/task", new HttpEntity<>("null", headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(500);
        JsonNode body = new ObjectMapper().readTree(answer.getBody());
        assertThat(body.path("type").asText()).isEqualTo("NullPointerException");
        assertThat(body.path("message").asText()).doesNotContain(TaskConflicts.MESSAGE);
    }

    private static InternalErrorOnTaskCompletion mapper(String path, Predicate<String> stillOpen) {
        InternalErrorOnTaskCompletion mapper = new InternalErrorOnTaskCompletion(stillOpen);
        mapper.uri = mock(UriInfo.class);
        when(mapper.uri.getPath()).thenReturn(path);
        return mapper;
    }
}
