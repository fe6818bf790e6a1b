package vn.gov.mofa.upr.security;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * How a security filter refuses a request: the status and the reason for the user, in the JSON shape the endpoints use
 * for theirs ({@code web.ApiErrors}); filters answer before those endpoints' error handling is reached.
 */
final class Refusal {

    static final String LOGIN_REQUIRED = "Cần đăng nhập";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Refusal() {
    }

    static void send(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        JSON.writeValue(response.getWriter(), Map.of("status", status, "error", reason));
    }
}
