package vn.gov.mofa.upr.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agency.Agency;

/**
 * Lets the lead and coordinating agencies (and their leaders) read a recommendation they work on, and nobody else but
 * MOFA and the administrators: its process instance in the engine, its registry entry and its case file in the
 * application. Tasks need nothing here: the engine grants a task to its candidate group.
 */
@Component
public class RecommendationAccess {

    private final AuthorizationService authorizations;

    public RecommendationAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** Makes {@code agencyCodes} (and their leaders) the readers of an instance that has none yet: no lookup. */
    public void grantNew(String processInstanceId, List<String> agencyCodes) {
        readers(agencyCodes).forEach(group -> grantRead(processInstanceId, group));
    }

    /** Makes exactly {@code agencyCodes} (and their leaders) readers of the instance; others lose access. */
    public void grant(String processInstanceId, List<String> agencyCodes) {
        Set<String> wanted = readers(agencyCodes);
        for (Authorization existing : authorizations.createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()) {
            if (existing.getGroupId() != null && !wanted.remove(existing.getGroupId())) {
                authorizations.deleteAuthorization(existing.getId());
            }
        }
        wanted.forEach(group -> grantRead(processInstanceId, group));
    }

    /** Whether {@code user} may read a recommendation worked on by {@code agencyCodes}: the same readers as the engine's. */
    public static boolean mayRead(CurrentUser user, List<String> agencyCodes) {
        return user.seesEverything() || readers(agencyCodes).stream().anyMatch(user.groups()::contains);
    }

    private static Set<String> readers(List<String> agencyCodes) {
        Set<String> groups = new HashSet<>();
        for (String code : agencyCodes) {
            groups.add(code);
            groups.add(Agency.leadersGroupOf(code));
        }
        return groups;
    }

    private void grantRead(String processInstanceId, String group) {
        Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(processInstanceId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
