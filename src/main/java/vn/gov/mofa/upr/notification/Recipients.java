package vn.gov.mofa.upr.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.FullNames;

/**
 * Who is mailed, from Camunda group membership and user emails, with each person's language and digest choice.
 * A user without email is skipped and logged.
 */
@Component
public class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final IdentityService identity;
    private final MailPreferences preferences;

    public Recipients(IdentityService identity, MailPreferences preferences) {
        this.identity = identity;
        this.preferences = preferences;
    }

    /** The focal points of an agency: members of its group. */
    public List<Recipient> focalPoints(String agencyCode) {
        return membersOf(List.of(agencyCode));
    }

    public List<Recipient> leaders(String agencyCode) {
        return membersOf(List.of(Agency.leadersGroupOf(agencyCode)));
    }

    /** Escalations go to the agency's leaders and to MOFA. */
    public List<Recipient> leadersAndMofa(String agencyCode) {
        return membersOf(List.of(Agency.leadersGroupOf(agencyCode), Agency.MOFA));
    }

    private List<Recipient> membersOf(List<String> groups) {
        Map<String, Recipient> unique = new LinkedHashMap<>();
        for (String group : groups) {
            for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
                if (user.getEmail() == null || user.getEmail().isBlank()) {
                    log.warn("User {} of group {} has no email address: not mailed", user.getId(), group);
                } else {
                    unique.computeIfAbsent(user.getId(), id -> recipient(user));
                }
            }
        }
        return new ArrayList<>(unique.values());
    }

    /** One user as a recipient, or null when the user no longer exists or has no email. */
    public Recipient user(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : recipient(user);
    }

    private Recipient recipient(User user) {
        return new Recipient(user.getId(), FullNames.of(user), user.getEmail(), preferences.language(user.getId()),
                preferences.digest(user.getId()));
    }
}
