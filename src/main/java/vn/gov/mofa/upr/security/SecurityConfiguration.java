package vn.gov.mofa.upr.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.StrictTransportSecurityProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.workflow.TaskForms;

/**
 * Nothing without a login: the engine's REST API (HTTP Basic) and the application's pages and API. No page of another
 * site can use a browser's login to change anything, every answer carries the browser's security headers, and each
 * role reaches only its part of the engine's API.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** after the cross-origin refusal (order 0) */
    private static final int ENGINE_AUTHENTICATION_ORDER = 10;

    /** The application's own pages and endpoints; {@code /} and static assets stay public. */
    static final String[] PROTECTED = {"/api/*", "/agencies/*", "/agency-units", "/dashboard", "/imports", "/notifications",
            "/recommendations/*", "/rounds", "/sign-off"};

    /** Administrators and the monitoring network only, but for /actuator/health (MonitoringAccess). */
    static final String MONITORING = "/actuator/*";

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(CamundaBpmProperties camunda) {
        WebappProperty webapp = camunda.getWebapp();
        var registration = new FilterRegistrationBean<>(new SecurityHeaders(webapp.getApplicationPath(),
                strictTransportSecurity(webapp)));
        registration.setName("upr-security-headers");
        registration.addUrlPatterns("/*");
        // first, so that every answer has them, even one refused by a later filter
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * HSTS as Camunda's webapps send it ({@code camunda.bpm.webapp.header-security.hsts-*}, on in profile prod): one
     * setting for the whole site. Null when off.
     */
    private static String strictTransportSecurity(WebappProperty webapp) {
        var hsts = new StrictTransportSecurityProvider();
        hsts.initParams().putAll(webapp.getHeaderSecurity().getInitParams());
        hsts.parseParams();
        return hsts.isDisabled() ? null : hsts.getHeaderValue(null);
    }

    @Bean
    FilterRegistrationBean<CrossOriginFilter> crossOriginRefusal() {
        var registration = new FilterRegistrationBean<>(new CrossOriginFilter());
        registration.setName("upr-cross-origin-refusal");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        // after the session filter (it reads the CSRF token from the session), before the authentication filters
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of("authentication-provider", EngineRestBasicAuthentication.class.getName()));
        registration.setOrder(ENGINE_AUTHENTICATION_ORDER);
        return registration;
    }

    /** After the login is known (the engine's Basic filter, the shared session), before the engine answers. */
    @Bean
    FilterRegistrationBean<EngineApiGuard> engineApiGuard(IdentityService identity, TaskService tasks, TaskForms forms,
            ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new EngineApiGuard(identity, tasks, forms, json));
        registration.setName("upr-engine-api-guard");
        registration.addUrlPatterns(EngineApiGuard.REST + "/*", EngineApiGuard.WEBAPP_API + "/*");
        registration.setOrder(ENGINE_AUTHENTICATION_ORDER + 1);
        return registration;
    }

    /** Before both authentications: a login attempt from an address refused for a while gets 429. */
    @Bean
    FilterRegistrationBean<LoginRefusal> loginRefusal(LoginThrottle throttle) {
        var registration = new FilterRegistrationBean<>(new LoginRefusal(throttle));
        registration.setName("upr-login-refusal");
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*", "/engine-rest/*");
        registration.addUrlPatterns(PROTECTED);
        registration.addUrlPatterns(MONITORING);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
        var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
        registration.setName("upr-api-authentication");
        registration.addUrlPatterns(PROTECTED);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MonitoringAccess> monitoringAccess(IdentityService identity,
            @Value("${upr.monitoring.allowed-addresses}") String allowedAddresses) {
        var registration = new FilterRegistrationBean<>(new MonitoringAccess(identity, allowedAddresses));
        registration.setName("upr-monitoring-access");
        registration.addUrlPatterns(MONITORING);
        return registration;
    }
}
