package vn.gov.mofa.upr.security;

import java.util.Set;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * In profile {@code prod} the application refuses to start with a missing, well-known or short admin password, one
 * the password policy would refuse ({@link PasswordRules}), or with demo users on. It checks before any bean exists,
 * so the engine never tries to create an admin with a weak password, and the operator reads what a password needs.
 */
@Component
public class ProductionSafety implements BeanFactoryPostProcessor, EnvironmentAware {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "camunda", "changeme", "quantri-2026");

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
        if (password.isBlank() || WELL_KNOWN.contains(password.toLowerCase()) || password.length() < MIN_PASSWORD_LENGTH
                || !PasswordRules.accept(password, adminUser())) {
            throw new IllegalStateException("Profile prod: set UPR_ADMIN_PASSWORD to a password that is not a default one,"
                    + " of at least " + MIN_PASSWORD_LENGTH + " characters, and that the password policy accepts: "
                    + PasswordRules.RULES);
        }
        if (environment.getProperty("upr.demo-users", Boolean.class, false)) {
            throw new IllegalStateException("Profile prod: demo users must stay off (upr.demo-users=false)");
        }
    }

    /** The admin user as camunda.bpm.admin-user describes it: the policy refuses a password holding its id or names. */
    private User adminUser() {
        UserEntity admin = new UserEntity(environment.getProperty("camunda.bpm.admin-user.id", "admin"));
        admin.setFirstName(environment.getProperty("camunda.bpm.admin-user.first-name"));
        admin.setLastName(environment.getProperty("camunda.bpm.admin-user.last-name"));
        admin.setEmail(environment.getProperty("camunda.bpm.admin-user.email"));
        return admin;
    }
}
