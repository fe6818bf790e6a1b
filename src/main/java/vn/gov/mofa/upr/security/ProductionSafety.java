package vn.gov.mofa.upr.security;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * In profile {@code prod} the application refuses to start without the settings application-prod.yaml takes from the
 * environment, with a well-known or short admin password, one the password policy would refuse
 * ({@link PasswordRules}), or with demo users on. It checks as soon as the settings are read (registered in
 * META-INF/spring.factories), before any bean exists and before Spring Boot's conditions resolve the placeholders, so
 * the engine never tries to create an admin with a weak password, and the operator reads, in one message, every
 * setting that is missing and what a password needs ({@link ProductionSettingsRefused}).
 */
public class ProductionSafety implements EnvironmentPostProcessor {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "camunda", "changeme", "quantri-2026");

    /** What prod cannot start without, and what each is for: application-prod.yaml's placeholders without a default. */
    private static final List<Setting> REQUIRED = List.of(
            new Setting("UPR_DB_URL", "the PostgreSQL database, e.g. jdbc:postgresql://db.example:5432/upr"),
            new Setting("UPR_DB_USER", "the database user"),
            new Setting("UPR_DB_PASSWORD", "that user's password"),
            new Setting("UPR_MAIL_HOST", "the SMTP server that sends notifications and reminders (UPR_MAIL_PORT: 25 by default)"),
            new Setting("UPR_ADMIN_PASSWORD", "the password of Camunda's user admin: at least " + MIN_PASSWORD_LENGTH
                    + " characters, that the password policy accepts"));

    private record Setting(String name, String purpose) {}

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<Setting> missing = REQUIRED.stream().filter(setting -> !environment.containsProperty(setting.name())).toList();
        if (!missing.isEmpty()) {
            StringBuilder list = new StringBuilder("Profile prod: these settings are missing (environment variables):");
            missing.forEach(setting -> list.append(String.format("%n  %-19s %s", setting.name(), setting.purpose())));
            throw new ProductionSettingsRefused(list.toString(),
                    "Set them all and start again (docs/operations.md, \"Production: PostgreSQL, profile prod\").");
        }
        String password = environment.getProperty("UPR_ADMIN_PASSWORD", "");
        if (password.isBlank() || WELL_KNOWN.contains(password.toLowerCase()) || password.length() < MIN_PASSWORD_LENGTH
                || !PasswordRules.accept(password, adminUser(environment))) {
            throw new ProductionSettingsRefused("Profile prod: set UPR_ADMIN_PASSWORD to a password that is not a default"
                    + " one, of at least " + MIN_PASSWORD_LENGTH + " characters, and that the password policy accepts: "
                    + PasswordRules.RULES, "Choose a stronger UPR_ADMIN_PASSWORD and start again.");
        }
        if (environment.getProperty("upr.demo-users", Boolean.class, false)) {
            throw new ProductionSettingsRefused("Profile prod: demo users are on (upr.demo-users=true).",
                    "Remove upr.demo-users, or set it to false: demo users have well-known passwords.");
        }
    }

    /** The admin user as camunda.bpm.admin-user describes it: the policy refuses a password holding its id or names. */
    private static User adminUser(Environment environment) {
        UserEntity admin = new UserEntity(environment.getProperty("camunda.bpm.admin-user.id", "admin"));
        admin.setFirstName(environment.getProperty("camunda.bpm.admin-user.first-name"));
        admin.setLastName(environment.getProperty("camunda.bpm.admin-user.last-name"));
        admin.setEmail(environment.getProperty("camunda.bpm.admin-user.email"));
        return admin;
    }
}
