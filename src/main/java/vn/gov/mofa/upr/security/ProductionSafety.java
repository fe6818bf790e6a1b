package vn.gov.mofa.upr.security;

import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * In profile {@code prod} the application refuses to start with a missing or well-known admin password, or with
 * demo users on. It checks before any bean exists, so the engine never creates an admin with a weak password.
 */
@Component
public class ProductionSafety implements BeanFactoryPostProcessor, EnvironmentAware {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "camunda", "changeme");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        String password = environment.getProperty("UPR_ADMIN_PASSWORD", "");
        if (password.isBlank() || WELL_KNOWN.contains(password.toLowerCase()) || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("Profile prod: set UPR_ADMIN_PASSWORD to a password of at least "
                    + MIN_PASSWORD_LENGTH + " characters that is not a default one");
        }
        if (environment.getProperty("upr.demo-users", Boolean.class, false)) {
            throw new IllegalStateException("Profile prod: demo users must stay off (upr.demo-users=false)");
        }
    }
}
