package vn.gov.mofa.upr.security;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every answer tells the browser: take content types as given, never show a page inside a frame (a page of
 * another site could lay its own buttons over ours), send addresses, which name recommendations and tasks, to no other
 * site, and, in production, come back only over HTTPS. The application's pages, API and files also get a
 * Content-Security-Policy that lets only their own scripts and styles run; the Camunda webapps under
 * {@code camundaPath} send their own (Camunda's HeaderSecurityFilter, {@code camunda.bpm.webapp.header-security}),
 * which Tasklist's forms need.
 */
class SecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final String camundaPath;
    private final String strictTransportSecurity;

    /** @param strictTransportSecurity the HSTS header's value, or null to send none */
    SecurityHeaders(String camundaPath, String strictTransportSecurity) {
        this.camundaPath = camundaPath + "/";
        this.strictTransportSecurity = strictTransportSecurity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!request.getRequestURI().startsWith(request.getContextPath() + camundaPath)) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        if (strictTransportSecurity != null) {
            response.setHeader("Strict-Transport-Security", strictTransportSecurity);
        }
        chain.doFilter(request, response);
    }
}
