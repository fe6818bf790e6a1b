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

/** Who is mailed, from Camunda group membership and user emails. A user without email is skipped and logged. */
@Component
public class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final IdentityService identity;

    public Recipients(IdentityService identity) {
        this.identity = identity;
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
                    unique.putIfAbsent(user.getId(), new Recipient(user.getId(),
                            (user.getFirstName() + " " + user.getLastName()).strip(), user.getEmail()));
                }
            }
        }
        return new ArrayList<>(unique.values());
    }
}
