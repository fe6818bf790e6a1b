package vn.gov.mofa.upr.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.workflow.TaskForms;

/** Nothing without a login: the engine's REST API (HTTP Basic) and the application's pages and API. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The application's own pages and endpoints; {@code /} and static assets stay public. */
    private static final int ENGINE_AUTHENTICATION_ORDER = 0;

    static final String[] PROTECTED = {"/api/*", "/dashboard", "/imports", "/notifications"};

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of("authentication-provider", HttpBasicAuthenticationProvider.class.getName()));
        registration.setOrder(ENGINE_AUTHENTICATION_ORDER);
        return registration;
    }

    /** After the login is known (the engine's Basic filter, the shared session), before the engine answers. */
    @Bean
    FilterRegistrationBean<EngineApiGuard> engineApiGuard(IdentityService identity, TaskForms forms, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new EngineApiGuard(identity, forms, json));
        registration.setName("upr-engine-api-guard");
        registration.addUrlPatterns(EngineApiGuard.REST + "/*", EngineApiGuard.WEBAPP_API + "/*");
        registration.setOrder(ENGINE_AUTHENTICATION_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
        var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
        registration.setName("upr-api-authentication");
        registration.addUrlPatterns(PROTECTED);
        return registration;
    }
}
