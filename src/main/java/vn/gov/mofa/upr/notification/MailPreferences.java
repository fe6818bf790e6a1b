package vn.gov.mofa.upr.notification;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * A person's mail preferences, kept as Camunda user info (set by the person at {@code PUT /api/mail-preferences}):
 * {@value #LANGUAGE} = {@code vi} (default) or {@code en}; {@value #DIGEST} = {@code true} for one mail a day.
 */
@Component
public class MailPreferences {

    public static final String LANGUAGE = "upr.mail.language";
    public static final String DIGEST = "upr.mail.digest";

    private final IdentityService identity;

    public MailPreferences(IdentityService identity) {
        this.identity = identity;
    }

    public MailLanguage language(String userId) {
        return MailLanguage.of(identity.getUserInfo(userId, LANGUAGE));
    }

    public boolean digest(String userId) {
        return Boolean.parseBoolean(identity.getUserInfo(userId, DIGEST));
    }

    public void setLanguage(String userId, MailLanguage language) {
        identity.setUserInfo(userId, LANGUAGE, language.code());
    }

    public void setDigest(String userId, boolean digest) {
        if (digest) {
            identity.setUserInfo(userId, DIGEST, "true");
        } else {
            identity.deleteUserInfo(userId, DIGEST);
        }
    }
}
