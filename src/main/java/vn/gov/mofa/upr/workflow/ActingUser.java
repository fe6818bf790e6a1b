package vn.gov.mofa.upr.workflow;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as a user, so that the engine applies that user's authorizations and the listeners see who
 * acted; whoever the thread acted as before is restored afterwards.
 */
@Component
public class ActingUser {

    private final IdentityService identity;

    public ActingUser(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T run(String userId, List<String> groups, Supplier<T> work) {
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }
}
