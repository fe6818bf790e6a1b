package vn.gov.mofa.upr.versioning;

import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The names version 1 of the processes gives their delegates and listeners, as aliases of today's beans (named after
 * their class since version 2). A definition deployed in a database keeps its expressions: an instance still on
 * version 1 — between a release and the administrator's migration, or one that cannot move — calls
 * {@code ${overdueEscalation}} when its timer fires. Remove an alias once {@code GET /api/process-versions} shows no
 * instance on version 1 in any installation.
 */
@Component
class VersionOneBeanNames implements BeanFactoryPostProcessor {

    /** version 1's name → the bean's name */
    static final Map<String, String> ALIASES = Map.of(
            "missingReports", "missingReportsDelegate",
            "reportRequests", "reportRequestsDelegate",
            "roundProgress", "roundProgressRefresh",
            "roundReport", "roundReportListener",
            "overdueEscalation", "overdueEscalationDelegate",
            "reviewDecision", "reviewDecisionListener",
            "agencyAssignment", "agencyAssignmentListener");

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        ALIASES.forEach((former, bean) -> beans.registerAlias(bean, former));
    }
}
