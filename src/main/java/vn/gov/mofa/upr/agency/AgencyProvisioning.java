package vn.gov.mofa.upr.agency;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess;
import vn.gov.mofa.upr.workflow.TaskNames;

/**
 * Makes the engine's identity match Decision 1172: one Camunda group per agency and one for its leaders,
 * the authorizations each needs (and each agency unit), the Tasklist filters and (outside production) demo users and
 * two demo units of the Ministry of Public Security.
 * Runs at every start and changes only what is missing, in one transaction that holds the startup lock: a second
 * node starting at the same moment waits, then finds everything in place.
 */
@Component
public class AgencyProvisioning {

    public static final String MOFA_LEADERS = Agency.leadersGroupOf(Agency.MOFA);
    static final String DEMO_PASSWORD = "demo";
    static final String GROUP_TYPE_AGENCY = "AGENCY";
    static final String GROUP_TYPE_LEADERS = "AGENCY_LEADERS";

    /** Two departments of the Ministry of Public Security (Plan 566/KH-BCA-V02), to try delegation with. */
    static final List<AgencyUnit> DEMO_UNITS = List.of(
            new AgencyUnit("mps", "v03", "Cục Pháp chế và cải cách hành chính, tư pháp (V03)"),
            new AgencyUnit("mps", "c10", "Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng (C10)"));

    private static final Logger log = LoggerFactory.getLogger(AgencyProvisioning.class);

    private final AgencyDirectory agencies;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final GroupAuthorizations grants;
    private final boolean demoUsers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public AgencyProvisioning(AgencyDirectory agencies, IdentityService identity, AuthorizationService authorizations,
            FilterService filters, TaskService tasks, GroupAuthorizations grants, @Value("${upr.demo-users}") boolean demoUsers,
            JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.agencies = agencies;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.grants = grants;
        this.demoUsers = demoUsers;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @EventListener
    public void onApplicationReady(ApplicationReadyEvent event) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select id from startup_lock where id = 1 for update", Integer.class);
            provision();
        });
    }

    private void provision() {
        for (Agency agency : agencies.all()) {
            ensureGroup(agency.code(), agency.nameVi(), GROUP_TYPE_AGENCY);
            ensureGroup(agency.leadersGroup(), "Lãnh đạo " + agency.nameVi(), GROUP_TYPE_LEADERS);
            grants.tasklistUser(agency.code());
            grants.tasklistUser(agency.leadersGroup());
            if (demoUsers) {
                ensureUser(agency.code() + ".focal", "Đầu mối", agency.nameVi(), agency.code());
                ensureUser(agency.code() + ".lead", "Lãnh đạo", agency.nameVi(), agency.leadersGroup());
            }
        }
        if (demoUsers) {
            for (AgencyUnit unit : DEMO_UNITS) {
                ensureGroup(unit.groupId(), unit.name(), AgencyUnit.GROUP_TYPE);
                ensureUser(unit.groupId() + ".focal", "Đầu mối", unit.name(), unit.groupId());
            }
        }
        // units are made on the pages (with these grants); a unit made in Camunda Admin gets them here
        for (Group unit : identity.createGroupQuery().groupType(AgencyUnit.GROUP_TYPE).list()) {
            grants.tasklistUser(unit.getId());
        }
        grantMofa(Agency.MOFA);
        grantMofa(MOFA_LEADERS);
        grants.grant(Agency.MOFA, Resources.PROCESS_DEFINITION, ReportingRoundProcess.KEY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grants.grant(Agency.MOFA, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        ensureFilters();
        log.info("Provisioned {} agencies{}", agencies.all().size(), demoUsers ? " with demo users" : "");
    }

    /** MOFA watches everything: all instances, tasks and history, in Cockpit and Tasklist. */
    private void grantMofa(String group) {
        grants.grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        grants.grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grants.grant(group, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
        grants.grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grants.grant(group, Resources.BATCH, ANY, Permissions.READ);
        grants.grant(group, Resources.USER, ANY, Permissions.READ);
        grants.grant(group, Resources.GROUP, ANY, Permissions.READ);
    }

    private void ensureFilters() {
        ensureFilter("Việc của đơn vị tôi", 1, "Mọi công việc giao cho đơn vị của tôi, hạn gần nhất trước",
                byDueDateThenNumber(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()));
        ensureFilter("Sắp đến hạn", 2, "Công việc của đơn vị tôi đến hạn trong 14 ngày tới",
                byDueDateThenNumber(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().plusDays(14).toDate()}")));
        ensureFilter("Quá hạn", 3, "Công việc của đơn vị tôi đã quá hạn xử lý",
                byDueDateThenNumber(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${now()}")));
        ensureFilter("Bị trả lại", 4, "Kế hoạch, báo cáo Bộ Ngoại giao trả lại để chỉnh sửa, kèm ý kiến",
                byDueDateThenNumber(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().taskNameLike("%" + TaskNames.RETURNED)));
    }

    /**
     * Nearest deadline first, then by recommendation number as people count (143.2 before 143.10): the engine sorts
     * variables as text, hence the padded {@code numberOrder}. Tasklist asks the same order (upr-texts.js).
     */
    private static TaskQuery byDueDateThenNumber(TaskQuery query) {
        return query.orderByDueDate().asc().orderByProcessVariable(RecommendationProcess.VAR_NUMBER_ORDER, ValueType.STRING).asc();
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of(
                "priority", priority,
                "description", description,
                "refresh", true,
                "variables", List.of(
                        Map.of("name", "number", "label", "Số khuyến nghị"),
                        Map.of("name", "leadAgencyName", "label", "Cơ quan chủ trì"),
                        Map.of("name", "roundName", "label", "Đợt báo cáo"),
                        Map.of("name", "reviewComment", "label", "Ý kiến Bộ Ngoại giao"))));
        filters.saveFilter(filter);
        if (authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
                .userIdIn(ANY).count() == 0) {
            Authorization readable = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            readable.setResource(Resources.FILTER);
            readable.setResourceId(filter.getId());
            readable.addPermission(Permissions.READ);
            authorizations.saveAuthorization(readable);
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void ensureUser(String id, String firstName, String lastName, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@upr.example.vn");
            user.setPassword(DEMO_PASSWORD);
            // "demo" is far from the password policy on purpose: demo users exist only outside production
            ((IdentityServiceImpl) identity).saveUser(user, true);
            identity.createMembership(id, group);
        }
    }
}
