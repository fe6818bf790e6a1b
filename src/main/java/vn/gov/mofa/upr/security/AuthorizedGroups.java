package vn.gov.mofa.upr.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before every authorization check, Camunda 7 narrows the user's groups to those that hold any authorization, by
 * reading every distinct group of {@code ACT_RU_AUTHORIZATION}: a scan of the whole table (one row per open task),
 * in every command a logged-in user makes. With 80,000 open tasks that scan was most of an agency's inbox query
 * (docs/benchmarks.md). Our users belong to one or two groups, so their groups go into the check as they are;
 * a group without authorizations matches no row, so what anyone may see is unchanged. Camunda's successors made
 * this an option (CIB seven's and Operaton's {@code authGroupFilterThreshold}); 7.24 CE has no switch for it.
 */
@Component
public class AuthorizedGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new UserGroupsAsTheyAre();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's authorization manager without the table scan. */
    static class UserGroupsAsTheyAre extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}
