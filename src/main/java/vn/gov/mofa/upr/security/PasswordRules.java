package vn.gov.mofa.upr.security;

import static org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl.MIN_LENGTH;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Passwords follow Camunda's default policy ({@code enable-password-policy} in application.yaml): at least
 * {@value DefaultPasswordPolicyImpl#MIN_LENGTH} characters with a lower-case and an upper-case letter, a digit and a
 * special character, and none of the user's id, names or email. Camunda refuses a weak password with an error 500
 * in English; here the engine's identity service refuses it first with a 400 that says the rules in Vietnamese,
 * on {@code /engine-rest}, in the Welcome app's account page and in Camunda Admin alike.
 */
@Component
public class PasswordRules extends AbstractProcessEnginePlugin {

    static final String REFUSAL = "Mật khẩu cần ít nhất " + MIN_LENGTH + " ký tự, gồm chữ thường, chữ hoa, chữ số và ký tự"
            + " đặc biệt (ví dụ - . ! @), và không được chứa tên đăng nhập, họ, tên hoặc email của người dùng.";
    /** The same rules, for an operator reading a start-up error. */
    static final String RULES = "at least " + MIN_LENGTH + " characters with a lower-case letter, an upper-case letter,"
            + " a digit and a special character (such as - . ! @), and none of the user's id, names or email";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityService(new ExplainedRefusal());
    }

    /** Whether Camunda's default policy accepts {@code password} for {@code user}; needs no engine. */
    static boolean accept(String password, User user) {
        return new DefaultPasswordPolicyImpl().getRules().stream().allMatch(rule -> rule.execute(password, user));
    }

    /** The engine's identity service, refusing a weak new password with the rules. */
    static class ExplainedRefusal extends IdentityServiceImpl {

        @Override
        public void saveUser(User user, boolean skipPasswordPolicy) {
            if (!skipPasswordPolicy && user instanceof UserEntity entity && entity.hasNewPassword()
                    && !commandExecutor.execute(context -> !context.getProcessEngineConfiguration().isEnablePasswordPolicy()
                            || entity.checkPasswordAgainstPolicy())) {
                throw new BadUserRequestException(REFUSAL);
            }
            super.saveUser(user, skipPasswordPolicy);
        }
    }
}
