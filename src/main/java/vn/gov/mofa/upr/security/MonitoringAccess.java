package vn.gov.mofa.upr.security;

import java.io.IOException;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /actuator/prometheus} tells how much work each agency has open and how the server fares: only an
 * administrator (webapp login session or HTTP Basic) reads it, or the monitoring network's Prometheus, whose client
 * address matches {@code upr.monitoring.allowed-addresses} (a regular expression, as Tomcat's
 * {@code internal-proxies}; empty: no address is let in without a login). The same holds for every actuator
 * endpoint but {@code /actuator/health}, which the proxy and Docker ask without a login (it says UP or DOWN only).
 */
class MonitoringAccess extends OncePerRequestFilter {

    private static final String HEALTH = "/actuator/health";
    static final String ADMINISTRATORS_ONLY = "Chỉ quản trị viên hoặc máy giám sát được xem số liệu giám sát";

    private final IdentityService identity;
    private final Pattern allowedAddresses;

    MonitoringAccess(IdentityService identity, String allowedAddresses) {
        this.identity = identity;
        this.allowedAddresses = allowedAddresses == null || allowedAddresses.isBlank() ? null : Pattern.compile(allowedAddresses);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the servlet path is decoded and normalized, without ;parameters: /actuator/health;x/../prometheus is not health
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
            chain.doFilter(request, response);
            return;
        }
        if (allowedAddresses != null && allowedAddresses.matcher(request.getRemoteAddr()).matches()) {
            chain.doFilter(request, response);
            return;
        }
        CurrentUser user = ApiAuthenticationFilter.fromSession(request);
        if (user == null) {
            user = ApiAuthenticationFilter.fromBasic(request, identity);
        }
        if (user == null) {
            Refusal.send(response, HttpServletResponse.SC_UNAUTHORIZED, Refusal.LOGIN_REQUIRED);
        } else if (!user.groups().contains(CurrentUser.ADMIN_GROUP)) {
            Refusal.send(response, HttpServletResponse.SC_FORBIDDEN, ADMINISTRATORS_ONLY);
        } else {
            chain.doFilter(request, response);
        }
    }
}
