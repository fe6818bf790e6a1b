package vn.gov.mofa.upr.agency;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** What a group may do in the engine, granted so that granting again writes nothing. */
@Component
class GroupAuthorizations {

    private final AuthorizationService authorizations;

    GroupAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /**
     * Tasklist and the diagrams, nothing on process instances: an agency, its leaders and its units see only the
     * tasks offered to them and the instances the processes grant them.
     */
    void tasklistUser(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    }

    /**
     * Everything granted to the group. Camunda's deleteGroup removes the group's memberships and the rights on the
     * group, not the rights the group was given: a group made again with the same id would inherit them.
     */
    void revokeAll(String group) {
        for (Authorization authorization : authorizations.createAuthorizationQuery().groupIdIn(group).list()) {
            authorizations.deleteAuthorization(authorization.getId());
        }
    }

    void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null && Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
            return; // nothing missing: a restart writes nothing
        }
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
