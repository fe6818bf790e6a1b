package vn.gov.mofa.upr.web;

import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Two people completing the same task at once: the engine lets one win, and the other's request can fail deep in
 * the engine with an internal error. Tasklist shows that message as it is; say instead what happened, in Vietnamese.
 * The engine REST's answers keep Camunda's shape ({@code type}, {@code message}), which Tasklist reads.
 */
@Configuration(proxyBeanMethods = false)
public class TaskConflicts {

    static final String MESSAGE = "Công việc này vừa được người khác hoàn thành hoặc thay đổi. Vui lòng tải lại danh sách công việc.";

    @Bean
    ResourceConfigCustomizer taskConflictMessages(TaskService tasks) {
        return config -> config.register(new InternalErrorOnTaskCompletion(
                taskId -> tasks.createTaskQuery().taskId(taskId).count() > 0));
    }

    /**
     * The race shows as a NullPointerException inside the engine, after which the task is gone. Only that one is
     * mapped: a failure that leaves the task open is a fault, a 500 with its type, and a listener's refusal (e.g. "a
     * return needs a comment") must still reach the user as it is, through Camunda's own mappers.
     */
    public static class InternalErrorOnTaskCompletion implements ExceptionMapper<NullPointerException> {

        private static final Pattern COMPLETION = Pattern.compile(".*task/([^/]+)/(complete|submit-form)$");

        @Context
        UriInfo uri;

        private final Predicate<String> stillOpen;

        /** {@code stillOpen}: whether the task of this id still waits to be completed. */
        public InternalErrorOnTaskCompletion(Predicate<String> stillOpen) {
            this.stillOpen = stillOpen;
        }

        @Override
        public Response toResponse(NullPointerException e) {
            Matcher completion = uri == null ? null : COMPLETION.matcher(uri.getPath());
            if (completion != null && completion.matches() && !stillOpen.test(completion.group(1))) {
                return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "TaskConflict", "message", MESSAGE)).build();
            }
            return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage()))).build();
        }
    }
}
