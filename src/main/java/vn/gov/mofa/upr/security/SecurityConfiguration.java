package vn.gov.mofa.upr.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Nothing without a login: the engine's REST API (HTTP Basic) and the application's pages and API. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The application's own pages and endpoints; {@code /} and static assets stay public. */
    static final String[] PROTECTED = {"/api/*", "/dashboard", "/imports", "/notifications"};

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of("authentication-provider", HttpBasicAuthenticationProvider.class.getName()));
        return registration;
    }

    /** Before both authentications: a login attempt from an address refused for a while gets 429. */
    @Bean
    FilterRegistrationBean<LoginRefusal> loginRefusal(LoginThrottle throttle) {
        var registration = new FilterRegistrationBean<>(new LoginRefusal(throttle));
        registration.setName("upr-login-refusal");
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*", "/engine-rest/*");
        registration.addUrlPatterns(PROTECTED);
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
}
