package vn.gov.mofa.upr.security;

import java.io.IOException;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;
import vn.gov.mofa.upr.system.Problems;

/**
 * How a security filter refuses a request: the same problem the endpoints answer with ({@link Problems}), written by
 * hand because filters answer before the endpoints' error handling ({@code web.ApiErrors}) is reached.
 */
final class Refusal {

    static final String LOGIN_REQUIRED = "Cần đăng nhập";

    /** The problem's properties at its top level, as Spring MVC writes them. */
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Refusal() {
    }

    static void send(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8");
        JSON.writeValue(response.getWriter(), Problems.of(HttpStatusCode.valueOf(status), reason));
    }
}
