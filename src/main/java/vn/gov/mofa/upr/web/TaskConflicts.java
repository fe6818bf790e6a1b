package vn.gov.mofa.upr.web;

import java.util.Map;

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
 */
@Configuration(proxyBeanMethods = false)
public class TaskConflicts {

    static final String MESSAGE = "Công việc này vừa được người khác hoàn thành hoặc thay đổi. Vui lòng tải lại danh sách công việc.";

    @Bean
    ResourceConfigCustomizer taskConflictMessages() {
        return config -> config.register(InternalErrorOnTaskCompletion.class);
    }

    /**
     * The race shows as a NullPointerException inside the engine. Only that one is mapped: a listener's refusal
     * (e.g. "a return needs a comment") must still reach the user as it is, through Camunda's own mappers.
     */
    public static class InternalErrorOnTaskCompletion implements ExceptionMapper<NullPointerException> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(NullPointerException e) {
            boolean completingATask = uri != null && uri.getPath().matches(".*task/[^/]+/(complete|submit-form)$");
            if (completingATask) {
                return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "TaskConflict", "message", MESSAGE)).build();
            }
            return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage()))).build();
        }
    }
}
