package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.mofa.upr.security.RestSurfaceMatrixTest.Level.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.security.EngineApiGuardTest.Tasklist;
import vn.gov.mofa.upr.security.JaxRsEndpoints.Endpoint;

/**
 * Every role tries every request the server answers: each endpoint and verb of Camunda's REST API (found by
 * reflection over the resources the REST starter registers, so a Camunda upgrade that adds one is tried too), the
 * webapps' own APIs, and the application's pages and endpoints (found in Spring MVC). What each role may reach is
 * written here, from what Tasklist, Cockpit and Admin call, independently of {@link EngineApiRules}: anonymous
 * callers get 401 (pages: the login), a role gets the guard's 403 for what it may not reach, and for what it may,
 * Camunda's or the application's own answer.
 * <p>
 * Nothing here may change the shared database: ids are dummies (a request that gets through finds nothing), the
 * administrator's writes go as text/plain (the guard lets an administrator through, Jersey answers 415 before any
 * resource method runs) and the two administrator writes that take any content and no id (history cleanup, deleting
 * task-worker metrics) are not sent. The application's writes are the harmless ones: a dry-run import of an empty
 * file, a round without a name, resending a mail that does not exist, mail preferences left as they are, an evidence
 * file for a recommendation that does not exist, a unit without a code, a unit or person that does not exist.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestSurfaceMatrixTest {

    static final String GUARD_REFUSAL = "Tài khoản này không được dùng chức năng này";
    static final String DUMMY = "matrix0";
    static final String ALIAS = "/engine/{name}";

    /** What a role may reach, from the least to the most trusted; a caller reaches its level and everything below. */
    enum Level {
        AGENCY, MOFA_LEADER, MOFA_OFFICER, ADMIN
    }

    enum Caller {
        ANONYMOUS(null, null, null),
        AGENCY_FOCAL("mps.focal", "demo", AGENCY),
        AGENCY_LEADER("mps.lead", "demo", AGENCY),
        MOFA_LEADER("mofa.lead", "demo", Level.MOFA_LEADER),
        MOFA_OFFICER("mofa.focal", "demo", Level.MOFA_OFFICER),
        ADMINISTRATOR("admin", "Quantri-2026", ADMIN);

        final String user;
        final String password;
        final Level level;

        Caller(String user, String password, Level level) {
            this.user = user;
            this.password = password;
            this.level = level;
        }

        boolean reaches(Level needed) {
            return level != null && level.compareTo(needed) >= 0;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What each role may reach of the engine's REST API (paths relative to the engine, as Camunda's templates)
    // ---------------------------------------------------------------------------------------------------------------

    /** Tasklist and the Welcome page for any user: the inbox and its filters, forms, claiming, comments, the diagram. */
    static final Set<String> FOR_EVERY_USER = Stream.of(
            List.of("GET /task", "GET /task/count", "POST /task", "POST /task/count", "GET /task/{id}"),
            each("GET /task/{id}", "/form", "/form-variables", "/deployed-form", "/rendered-form", "/variables",
                    "/variables/{varId}", "/localVariables", "/localVariables/{varId}", "/identity-links", "/comment",
                    "/comment/{commentId}", "/attachment", "/attachment/{attachmentId}"),
            each("POST /task/{id}", "/claim", "/unclaim", "/complete", "/submit-form", "/comment/create"),
            // the follow-up date (what else changes is checked: EngineApiGuardTest)
            List.of("PUT /task/{id}"),
            List.of("GET /filter", "GET /filter/count", "GET /filter/{id}", "GET /filter/{id}/list", "GET /filter/{id}/count",
                    "POST /filter/{id}/list", "POST /filter/{id}/count"),
            List.of("GET /process-definition", "GET /process-definition/count"),
            definitions("GET", "", "/xml", "/startForm", "/form-variables", "/deployed-start-form", "/rendered-form",
                    "/static-called-process-definitions"),
            List.of("GET /process-instance", "GET /process-instance/count", "GET /process-instance/{id}",
                    "GET /process-instance/{id}/variables", "GET /process-instance/{id}/variables/{varId}",
                    "GET /process-instance/{id}/activity-instances"),
            each("GET /history", "/task", "/task/count", "/process-instance", "/process-instance/count", "/activity-instance",
                    "/activity-instance/count", "/variable-instance", "/variable-instance/count", "/user-operation",
                    "/user-operation/count", "/identity-link-log", "/identity-link-log/count", "/detail", "/detail/count"),
            each("POST /history", "/task", "/task/count", "/process-instance", "/process-instance/count", "/activity-instance",
                    "/activity-instance/count", "/variable-instance", "/variable-instance/count"),
            List.of("GET /deployment/{id}/resources", "GET /deployment/{id}/resources/{resourceId}",
                    "GET /deployment/{id}/resources/{resourceId}/data"),
            List.of("GET /user", "GET /user/count", "GET /user/{id}/profile", "GET /group", "GET /group/count", "GET /group/{id}",
                    "GET /identity/groups", "GET /authorization/check", "GET /version", "GET /engine"),
            // the Welcome page's "change password" asks for the policy and checks the new password against it
            // (camWidgetPassword); without them its button stays disabled
            List.of("GET /identity/password-policy", "POST /identity/password-policy"))
            .flatMap(List::stream).collect(Collectors.toSet());

    /**
     * Cockpit reads; POST queries are reads with the filter in the body. Not the engine's own figures and logs
     * (Optimize's exports stay open here: the engine itself refuses them to anyone without rights on every definition).
     */
    static final Predicate<String> MOFA_READS = endpoint -> endpoint.startsWith("GET ")
            && Stream.of("/metrics", "/telemetry", "/schema").noneMatch(endpoint.substring(4)::startsWith);
    static final Set<String> MOFA_QUERIES = Stream.of(
            each("POST ", "/process-instance", "/process-instance/count", "/execution", "/execution/count", "/variable-instance",
                    "/variable-instance/count", "/job", "/job/count", "/job-definition", "/job-definition/count",
                    "/external-task", "/external-task/count"),
            each("POST /history", "/detail", "/external-task-log", "/external-task-log/count", "/job-log", "/job-log/count",
                    "/case-instance", "/case-instance/count"))
            .flatMap(List::stream).collect(Collectors.toSet());

    /** Opening a round from Tasklist, assignees of tasks (deadlines: PUT /task above), retrying a failed step and noting why in Cockpit. */
    static final Set<String> MOFA_OFFICER_WRITES = Stream.of(
            definitions("POST", "/submit-form"),
            List.of("POST /task/{id}/assignee", "POST /task/{id}/delegate"),
            List.of("PUT /job/{id}/retries", "PUT /job-definition/{id}/retries", "POST /job/retries"),
            // Cockpit sets an incident's note with PUT and removes it with DELETE (incident.clearAnnotation)
            List.of("PUT /incident/{id}/annotation", "DELETE /incident/{id}/annotation"))
            .flatMap(List::stream).collect(Collectors.toSet());

    static boolean mayReach(Level level, String endpoint) {
        return level == ADMIN
                || FOR_EVERY_USER.contains(endpoint)
                || level.compareTo(Level.MOFA_LEADER) >= 0 && (MOFA_READS.test(endpoint) || MOFA_QUERIES.contains(endpoint))
                || level == Level.MOFA_OFFICER && MOFA_OFFICER_WRITES.contains(endpoint);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What each role may reach of the application: pages (anonymous: the login) and /api (anonymous: 401)
    // ---------------------------------------------------------------------------------------------------------------

    /** Who reaches an endpoint: a level and above, or (callers not null) exactly these callers. */
    record AppAccess(boolean page, Level level, Set<Caller> callers) {

        AppAccess(boolean page, Level level) {
            this(page, level, null);
        }

        boolean admits(Caller caller) {
            return callers != null ? callers.contains(caller) : caller.reaches(level);
        }
    }

    static final AppAccess PUBLIC = new AppAccess(true, null);
    /** An agency's own grouping: its focal points only (the callers' agency, mps, is the one in the address). */
    static final AppAccess OWN_AGENCY_FOCAL = new AppAccess(false, null, Set.of(Caller.AGENCY_FOCAL));

    /**
     * An agency's units (tried on MPS's): its focal points and administrators; not its leaders, not MOFA. The page opens
     * for anyone who manages some agency's units (MOFA's officers: MOFA's own).
     */
    static final AppAccess MPS_UNITS = new AppAccess(false, null, Set.of(Caller.AGENCY_FOCAL, Caller.ADMINISTRATOR));
    static final AppAccess UNITS_PAGE = new AppAccess(true, null,
            Set.of(Caller.AGENCY_FOCAL, Caller.MOFA_OFFICER, Caller.ADMINISTRATOR));

    static final Map<String, AppAccess> APPLICATION = Map.ofEntries(
            Map.entry("GET /", PUBLIC),
            Map.entry("GET /dashboard", new AppAccess(true, AGENCY)),
            Map.entry("GET /imports", new AppAccess(true, Level.MOFA_OFFICER)),
            Map.entry("GET /recommendations", new AppAccess(true, AGENCY)),
            Map.entry("GET /recommendations/export.{format:csv|xlsx}", new AppAccess(true, AGENCY)),
            Map.entry("POST /api/recommendations/assignments", new AppAccess(false, Level.MOFA_OFFICER)),
            // the case page and its files: every role reaches them; which recommendation is CaseFileTest's and the pairs'
            Map.entry("GET /recommendations/{cycle}/{number}", new AppAccess(true, AGENCY)),
            // a unit's page for the part it holds: for the unit only (the recommendation M.0 of cycle 0 is unknown: 404)
            Map.entry("GET /recommendations/{cycle}/{number}/unit-work", new AppAccess(true, AGENCY)),
            Map.entry("GET /recommendations/{cycle}/{number}/evidence/{id}", new AppAccess(true, AGENCY)),
            Map.entry("POST /api/recommendations/{cycle}/{number}/evidence", new AppAccess(false, AGENCY)),
            // delegating to units: the step's holder only, which UnitDelegationProcessTest proves
            Map.entry("GET /api/recommendations/{cycle}/{number}/delegations", new AppAccess(false, AGENCY)),
            Map.entry("POST /api/recommendations/{cycle}/{number}/delegations", new AppAccess(false, AGENCY)),
            // every agency reads its own sign-off setting; MOFA sets them
            Map.entry("GET /sign-off", new AppAccess(true, AGENCY)),
            Map.entry("GET /api/sign-off", new AppAccess(false, AGENCY)),
            Map.entry("PUT /api/sign-off/{agency}", new AppAccess(false, Level.MOFA_OFFICER)),
            Map.entry("GET /notifications", new AppAccess(true, Level.MOFA_OFFICER)),
            Map.entry("GET /api/dashboard", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/recommendations", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/recommendations/{cycle}/{number}", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/reporting-rounds", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/reporting-rounds/{id}/report.docx", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/reporting-rounds/{id}/report.xlsx", new AppAccess(false, AGENCY)),
            Map.entry("POST /api/reporting-rounds", new AppAccess(false, Level.MOFA_OFFICER)),
            // what a round would cover counts every agency's work: those who open rounds only
            Map.entry("GET /api/reporting-rounds/preview", new AppAccess(false, Level.MOFA_OFFICER)),
            // every round for everyone (an agency: its own progress and extract); the kept editions hold every agency's
            // work, so MOFA's leaders, officers and administrators only
            Map.entry("GET /rounds", new AppAccess(true, AGENCY)),
            Map.entry("GET /api/reporting-rounds/all", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/reporting-rounds/{id}/matrix.docx", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/reporting-rounds/{id}/matrix.xlsx", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/cycles/{cycle}/matrix.docx", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/cycles/{cycle}/matrix.xlsx", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/report-editions/{id}/report.docx", new AppAccess(false, Level.MOFA_LEADER)),
            Map.entry("GET /api/report-editions/{id}/report.xlsx", new AppAccess(false, Level.MOFA_LEADER)),
            Map.entry("GET /api/imports", new AppAccess(false, Level.MOFA_OFFICER)),
            Map.entry("POST /api/imports", new AppAccess(false, Level.MOFA_OFFICER)),
            Map.entry("GET /api/imports/template.xlsx", new AppAccess(false, Level.MOFA_OFFICER)),
            Map.entry("GET /api/imports/template.csv", new AppAccess(false, Level.MOFA_OFFICER)),
            Map.entry("GET /api/notifications", new AppAccess(false, Level.MOFA_OFFICER)),
            Map.entry("POST /api/notifications/{id}/resend", new AppAccess(false, Level.MOFA_OFFICER)),
            Map.entry("GET /api/mail-preferences", new AppAccess(false, AGENCY)),
            Map.entry("PUT /api/mail-preferences", new AppAccess(false, AGENCY)),
            // an agency's own grouping, plan and progress: its focal points and leaders read them, MOFA every agency's
            // (other agencies and units: AuthorizationMatrixTest and AgencyPlanTest); only its focal points change them
            Map.entry("GET /agencies/{agency}/groups", new AppAccess(true, AGENCY)),
            Map.entry("GET /agencies/{agency}/progress", new AppAccess(true, AGENCY)),
            Map.entry("GET /api/agencies/{agency}/groups", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/agencies/{agency}/progress", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/agencies/{agency}/plan.docx", new AppAccess(false, AGENCY)),
            Map.entry("GET /api/agencies/{agency}/plan.xlsx", new AppAccess(false, AGENCY)),
            Map.entry("PUT /api/agencies/{agency}/groups/{code}", OWN_AGENCY_FOCAL),
            Map.entry("DELETE /api/agencies/{agency}/groups/{code}", OWN_AGENCY_FOCAL),
            Map.entry("PUT /api/agencies/{agency}/tags", OWN_AGENCY_FOCAL),
            Map.entry("POST /api/agencies/{agency}/tags.csv", OWN_AGENCY_FOCAL),
            Map.entry("GET /agency-units", UNITS_PAGE),
            Map.entry("HEAD /agency-units", UNITS_PAGE),
            Map.entry("GET /api/agencies/{agency}/units", MPS_UNITS),
            Map.entry("POST /api/agencies/{agency}/units", MPS_UNITS),
            Map.entry("PUT /api/agencies/{agency}/units/{unit}", MPS_UNITS),
            Map.entry("DELETE /api/agencies/{agency}/units/{unit}", MPS_UNITS),
            Map.entry("POST /api/agencies/{agency}/units/{unit}/people", MPS_UNITS),
            Map.entry("DELETE /api/agencies/{agency}/units/{unit}/people/{userId}", MPS_UNITS),
            Map.entry("POST /api/agencies/{agency}/units/import", MPS_UNITS),
            Map.entry("GET /api/agencies/{agency}/units/template.csv", MPS_UNITS),
            Map.entry("GET /api/login-events", new AppAccess(false, ADMIN)),
            Map.entry("GET /api/process-versions", new AppAccess(false, ADMIN)),
            Map.entry("POST /api/process-versions/dry-run", new AppAccess(false, ADMIN)),
            Map.entry("POST /api/process-versions/migration", new AppAccess(false, ADMIN)));

    // ---------------------------------------------------------------------------------------------------------------

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine camunda;

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ExecutorService pool = Executors.newFixedThreadPool(8);
    final Map<Caller, Tasklist> sessions = new EnumMap<>(Caller.class);

    Set<Endpoint> engine;
    Set<Endpoint> webappEngine;
    Map<String, Set<Endpoint>> webapps;
    Set<Endpoint> application;

    @BeforeAll
    void enumerateAndLogIn() throws Exception {
        engine = JaxRsEndpoints.of(CamundaRestResources.getResourceClasses());
        webappEngine = JaxRsEndpoints.of(new EngineRestApplication().getClasses());
        webapps = new LinkedHashMap<>();
        webapps.put("admin", JaxRsEndpoints.of(new AdminApplication().getClasses()));
        webapps.put("cockpit", JaxRsEndpoints.of(new CockpitApplication().getClasses()));
        webapps.put("tasklist", JaxRsEndpoints.of(new TasklistApplication().getClasses()));
        webapps.put("welcome", JaxRsEndpoints.of(new WelcomeApplication().getClasses()));
        application = new TreeSet<>();
        mvc.getHandlerMethods().forEach((mapping, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("vn.gov.mofa.upr")) {
                for (String path : mapping.getPatternValues()) {
                    mapping.getMethodsCondition().getMethods()
                            .forEach(verb -> application.add(new Endpoint(verb.name(), path, true)));
                }
            }
        });
        for (Caller caller : Caller.values()) {
            if (caller == Caller.ANONYMOUS) {
                sessions.put(caller, anonymousSession());
            } else if (caller != Caller.ADMINISTRATOR) {
                sessions.put(caller, Tasklist.login(port, caller.user));
            }
        }
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theTablesNameOnlyEndpointsThatExist() {
        Set<String> plain = engine.stream().map(Endpoint::toString).collect(Collectors.toSet());
        assertThat(Stream.of(FOR_EVERY_USER, MOFA_QUERIES, MOFA_OFFICER_WRITES).flatMap(Set::stream))
                .as("engine endpoints named in the expectations").allMatch(plain::contains);
        assertThat(engine).as("Camunda's REST API, found by reflection").hasSizeGreaterThan(900);
        assertThat(application.stream().map(Endpoint::toString).collect(Collectors.toSet()))
                .as("every endpoint of the application has an expectation, and every expectation an endpoint")
                .isEqualTo(APPLICATION.keySet());
    }

    @Test
    void everyRoleGetsWhatItsWorkNeedsAndNothingElse() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (Endpoint endpoint : engine) {
                basicEngineAttempt(caller, endpoint).ifPresent(attempts::add);
            }
            for (Endpoint endpoint : webappEngine) {
                if (sessions.containsKey(caller)) {
                    attempts.add(sessionEngineAttempt(caller, endpoint));
                }
            }
            webapps.forEach((app, endpoints) -> endpoints.stream()
                    .filter(endpoint -> sessions.containsKey(caller) && !changesTheLogin(app, endpoint, caller))
                    .forEach(endpoint -> attempts.add(webappAttempt(caller, app, endpoint))));
            for (Endpoint endpoint : application) {
                attempts.add(applicationAttempt(caller, endpoint));
            }
            attempts.addAll(ownProfileAttempts(caller));
        }
        Map<String, Long> before = engineContents();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> runs = attempts.stream().<Callable<Void>>map(attempt -> () -> {
            HttpResponse<String> answer = attempt.send(this);
            String wrong = attempt.expectation.check(answer, this);
            if (wrong != null) {
                unexpected.add(attempt.caller + " " + attempt.method + " " + attempt.url + ": " + wrong);
            }
            return null;
        }).toList();
        for (var run : pool.invokeAll(runs)) {
            run.get();
        }

        Set<String> templates = new HashSet<>();
        int verbs = 0;
        for (Set<Endpoint> surface : surfaces()) {
            surface.forEach(endpoint -> templates.add(endpoint.template()));
            verbs += surface.size();
        }
        System.out.printf("engine REST: %d endpoints by reflection (%d on /engine-rest/engine/{name}), webapp engine API %d,"
                + " webapps' own APIs %s, application %d%n", engine.size(),
                engine.stream().filter(e -> e.template().startsWith(ALIAS)).count(), webappEngine.size(),
                webapps.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList(), application.size());
        System.out.printf("REST surface matrix: %d endpoints, %d verbs, %d roles, %d attempts, %d unexpected%n",
                templates.size(), verbs, Caller.values().length, attempts.size(), unexpected.size());
        assertThat(engineContents()).as("the shared database after %d requests", attempts.size()).isEqualTo(before);
        Collections.sort(unexpected);
        assertThat(unexpected).as("answers that differ from the expectation").isEmpty();
    }

    /** What the attempts must leave as it was: the engine's rows a write could add, change the state of or remove. */
    private Map<String, Long> engineContents() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tasks", camunda.getTaskService().createTaskQuery().count());
        counts.put("assigned tasks", camunda.getTaskService().createTaskQuery().taskAssigned().count());
        counts.put("instances", camunda.getRuntimeService().createProcessInstanceQuery().count());
        counts.put("suspended instances", camunda.getRuntimeService().createProcessInstanceQuery().suspended().count());
        counts.put("variables", camunda.getRuntimeService().createVariableInstanceQuery().count());
        counts.put("jobs", camunda.getManagementService().createJobQuery().count());
        counts.put("suspended jobs", camunda.getManagementService().createJobQuery().suspended().count());
        counts.put("batches", camunda.getManagementService().createBatchQuery().count());
        counts.put("incidents", camunda.getRuntimeService().createIncidentQuery().count());
        counts.put("deployments", camunda.getRepositoryService().createDeploymentQuery().count());
        counts.put("suspended definitions", camunda.getRepositoryService().createProcessDefinitionQuery().suspended().count());
        counts.put("users", camunda.getIdentityService().createUserQuery().count());
        counts.put("groups", camunda.getIdentityService().createGroupQuery().count());
        counts.put("tenants", camunda.getIdentityService().createTenantQuery().count());
        counts.put("authorizations", camunda.getAuthorizationService().createAuthorizationQuery().count());
        counts.put("filters", camunda.getFilterService().createFilterQuery().count());
        counts.put("finished instances", camunda.getHistoryService().createHistoricProcessInstanceQuery().finished().count());
        counts.put("operation log", camunda.getHistoryService().createUserOperationLogQuery().count());
        return counts;
    }

    private List<Set<Endpoint>> surfaces() {
        List<Set<Endpoint>> all = new ArrayList<>(List.of(engine, webappEngine, application));
        all.addAll(webapps.values());
        return all;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The attempts
    // ---------------------------------------------------------------------------------------------------------------

    /** {@code /engine-rest/...} with HTTP Basic; the alias /engine-rest/engine/{name}/... must never open more. */
    private Optional<Attempt> basicEngineAttempt(Caller caller, Endpoint endpoint) {
        String path = concrete(endpoint.template());
        if (caller == Caller.ADMINISTRATOR && endpoint.writes() && !endpoint.consumes()
                && !endpoint.template().replace(ALIAS, "").contains("{")) {
            return Optional.empty(); // would run on the shared database: history cleanup, task-worker metrics
        }
        if (endpoint.toString().equals("GET /engine")) {
            // Camunda's Basic filter lets the list of engines through without a login; the guard then sees nobody and
            // answers 401. Nothing needs it here: the webapps ask /camunda/api/engine/engine/ (tried with the session).
            return Optional.of(new Attempt(caller, false, "GET", "/engine-rest/engine", null, null, Expectation.UNAUTHENTICATED));
        }
        boolean alias = endpoint.template().startsWith(ALIAS + "/");
        String relative = alias ? endpoint.template().substring(ALIAS.length()) : endpoint.template();
        Expectation expectation = caller == Caller.ANONYMOUS ? Expectation.UNAUTHENTICATED
                : !mayReach(caller.level, endpoint.verb() + " " + relative) ? Expectation.refused(endpoint.verb(), concrete(relative))
                : alias ? Expectation.refusedOrAnswered(endpoint.verb(), concrete(relative)) : Expectation.ANSWERED;
        String body = endpoint.writes() ? "{}" : null;
        String type = caller == Caller.ADMINISTRATOR ? "text/plain" : "application/json";
        return Optional.of(new Attempt(caller, false, endpoint.verb(), "/engine-rest" + path, body, type, expectation));
    }

    /**
     * Everyone keeps their own profile and password (the Welcome page). Sent as text/plain: the guard lets the request
     * pass its allow-list, then refuses anything but JSON from a non-administrator (415), so the profile stays as it is.
     */
    private static List<Attempt> ownProfileAttempts(Caller caller) {
        if (caller == Caller.ANONYMOUS || caller == Caller.ADMINISTRATOR) {
            return List.of();
        }
        Expectation allowListed = (answer, test) -> answer.statusCode() == 415 && "Chỉ nhận dữ liệu JSON.".equals(test.message(answer))
                ? null : "expected the guard to let it pass (then 415 for text/plain), got " + Expectation.summary(answer);
        return Stream.of("profile", "credentials").map(part -> new Attempt(caller, false, "PUT",
                "/engine-rest/user/" + caller.user + "/" + part, "{}", "text/plain", allowListed)).toList();
    }

    /** {@code /camunda/api/engine/engine/default/...} with the webapps' login session, as Tasklist and Cockpit call it. */
    private Attempt sessionEngineAttempt(Caller caller, Endpoint endpoint) {
        String relative = endpoint.template().startsWith(ALIAS + "/") ? endpoint.template().substring(ALIAS.length())
                : endpoint.template();
        // the login page lists the engines' names before anyone has logged in
        Expectation expectation = relative.equals("/engine") ? Expectation.NOT_GUARDED
                : caller == Caller.ANONYMOUS ? Expectation.UNAUTHENTICATED
                : mayReach(caller.level, endpoint.verb() + " " + relative) ? Expectation.ANSWERED
                : Expectation.refused(endpoint.verb(), concrete(relative));
        return new Attempt(caller, true, endpoint.verb(), "/camunda/api/engine" + concrete(endpoint.template()),
                endpoint.writes() ? "{}" : null, "application/json", expectation);
    }

    /** The webapps' own APIs: logging in for anyone, Tasklist's and Welcome's for users, Cockpit's for MOFA, Admin's for administrators. */
    private Attempt webappAttempt(Caller caller, String app, Endpoint endpoint) {
        // before any login: logging in, the first administrator's setup, and the webapps' own plugin scripts
        boolean login = app.equals("admin") && (endpoint.template().startsWith("/auth/") || endpoint.template().startsWith("/setup/"))
                || endpoint.verb().equals("GET") && endpoint.template().contains("/static/");
        Level needed = switch (app) {
            case "cockpit" -> Level.MOFA_LEADER;
            case "admin" -> ADMIN;
            default -> AGENCY;
        };
        Expectation expectation = login ? Expectation.NOT_GUARDED
                : caller == Caller.ANONYMOUS ? Expectation.UNAUTHENTICATED
                : caller.reaches(needed) ? Expectation.ANSWERED : Expectation.REFUSED_WEBAPP;
        return new Attempt(caller, true, endpoint.verb(), "/camunda/api/" + app + concrete(endpoint.template()),
                endpoint.writes() ? "{}" : null, "application/json", expectation);
    }

    /** Logging in or out would change the session the other attempts of this caller share. */
    private static boolean changesTheLogin(String app, Endpoint endpoint, Caller caller) {
        return caller != Caller.ANONYMOUS && app.equals("admin") && endpoint.template().startsWith("/auth/") && endpoint.writes();
    }

    private Attempt applicationAttempt(Caller caller, Endpoint endpoint) {
        AppAccess access = APPLICATION.get(endpoint.toString());
        Expectation expectation = access == null ? Expectation.unlisted()
                : access == PUBLIC ? Expectation.PUBLIC_PAGE
                : caller == Caller.ANONYMOUS ? (access.page ? Expectation.LOGIN_PAGE : Expectation.UNAUTHENTICATED_API)
                : access.admits(caller) ? Expectation.SERVED
                : access.page ? Expectation.REFUSED_PAGE : Expectation.REFUSED_API;
        String path = endpoint.template().replace("{cycle}", "0").replace("{number}", "M.0").replace("{id}", "0")
                .replace("{format:csv|xlsx}", "csv").replace("{agency}", "mps").replace("{code}", DUMMY)
                .replace("{unit}", DUMMY).replace("{userId}", DUMMY);
        if (endpoint.toString().equals("POST /api/imports")) {
            // an empty file, dry run: refused by the import if ever it got that far
            return new Attempt(caller, false, "POST", path + "?dryRun=true", EMPTY_UPLOAD, "multipart/form-data; boundary=matrix",
                    expectation);
        }
        return new Attempt(caller, false, endpoint.verb(), path, endpoint.writes() ? "{}" : null, "application/json", expectation);
    }

    static final String EMPTY_UPLOAD = "--matrix\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n\r\n--matrix--\r\n";

    /** Dummy ids everywhere (the guard decides on the kind of request, not on the id); the engine is "default". */
    static String concrete(String template) {
        return template.replace(ALIAS, "/engine/default").replace("{processEngineName}", "default").replace("{engine}", "default")
                .replace("{appName}", "tasklist").replaceAll("\\{[^}]+}", DUMMY);
    }

    record Attempt(Caller caller, boolean session, String method, String url, String body, String contentType,
            Expectation expectation) {

        HttpResponse<String> send(RestSurfaceMatrixTest test) throws Exception {
            if (session) {
                return test.sessions.get(caller).send(method, url, body);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + test.port + url))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            if (caller.user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((caller.user + ":" + caller.password).getBytes(StandardCharsets.UTF_8)));
            }
            return test.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** What an answer must look like; {@link #check} says what was wrong, or null. */
    interface Expectation {

        String check(HttpResponse<String> answer, RestSurfaceMatrixTest test);

        /** No login: 401, whoever answers (Camunda's Basic filter or the guard). */
        Expectation UNAUTHENTICATED = (answer, test) -> answer.statusCode() == 401 ? null : "expected 401, got " + summary(answer);

        /** The guard let it through: whatever Camunda says (200, 204, 400, 404, 415, 500, its own 403), not a refusal. */
        Expectation ANSWERED = (answer, test) -> answer.statusCode() == 401 || test.guardRefused(answer)
                ? "expected to get through, got " + summary(answer) : null;

        /** The login endpoints and setup are before any login: not the guard's 401 or 403. */
        Expectation NOT_GUARDED = (answer, test) -> test.guardRefused(answer) || answer.body().contains("Cần đăng nhập")
                ? "expected Camunda's answer, got " + summary(answer) : null;

        Expectation REFUSED_WEBAPP = (answer, test) -> answer.statusCode() == 403
                && (GUARD_REFUSAL + ".").equals(test.message(answer)) ? null : "expected the guard's 403, got " + summary(answer);

        /** The refusal of the guard, naming the request relative to the engine (through the alias or not). */
        static Expectation refused(String verb, String path) {
            String message = GUARD_REFUSAL + " (" + verb + " " + path + ").";
            String viaAlias = GUARD_REFUSAL + " (" + verb + " " + concrete(ALIAS) + path + ").";
            return (answer, test) -> answer.statusCode() == 403
                    && (message.equals(test.message(answer)) || viaAlias.equals(test.message(answer))) ? null
                    : "expected 403 '" + message + "', got " + summary(answer);
        }

        /** An alias of a path the role may reach: refusing it is fine, answering it too. */
        static Expectation refusedOrAnswered(String verb, String path) {
            Expectation refused = refused(verb, path);
            return (answer, test) -> refused.check(answer, test) == null || ANSWERED.check(answer, test) == null ? null
                    : "expected the guard's 403 or Camunda's answer, got " + summary(answer);
        }

        Expectation PUBLIC_PAGE = (answer, test) -> answer.statusCode() == 200 ? null : "expected 200, got " + summary(answer);

        Expectation LOGIN_PAGE = (answer, test) -> answer.statusCode() == 302
                && answer.headers().firstValue("Location").orElse("").endsWith("/camunda/app/welcome/default/#!/login") ? null
                : "expected a redirect to the login, got " + summary(answer) + " " + answer.headers().firstValue("Location").orElse("");

        Expectation UNAUTHENTICATED_API = (answer, test) -> answer.statusCode() == 401 && answer.body().contains("Cần đăng nhập")
                ? null : "expected 401 'Cần đăng nhập', got " + summary(answer);

        /** The application served it: no refusal, no login, no server error (a dummy id may be 404, a bad body 400 or 409). */
        Expectation SERVED = (answer, test) -> answer.statusCode() == 401 || answer.statusCode() == 403
                || answer.statusCode() == 302 || answer.statusCode() >= 500 ? "expected to be served, got " + summary(answer) : null;

        /**
         * MOFA's functions say "Chỉ Bộ Ngoại giao ...", the administrator's "Chỉ quản trị hệ thống ...", an agency's own
         * (its grouping, its units) "Chỉ đầu mối ...".
         */
        Expectation REFUSED_API = (answer, test) -> answer.statusCode() == 403
                && Stream.of("Chỉ Bộ Ngoại giao", "Chỉ quản trị hệ thống", "Chỉ đầu mối").anyMatch(test.error(answer)::startsWith)
                ? null : "expected 403 'Chỉ Bộ Ngoại giao ...', 'Chỉ quản trị hệ thống ...' or 'Chỉ đầu mối ...', got "
                        + summary(answer);

        /** A MOFA page for someone else: 403, or the page that says it is MOFA's. */
        Expectation REFUSED_PAGE = (answer, test) -> answer.statusCode() == 403
                || answer.statusCode() == 200 && answer.body().contains("chỉ dành cho cán bộ Bộ Ngoại giao") ? null
                : "expected the page to be refused, got " + summary(answer);

        static Expectation unlisted() {
            return (answer, test) -> "an endpoint without an expectation: add it to APPLICATION";
        }

        static String summary(HttpResponse<String> answer) {
            String body = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
            return answer.statusCode() + " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
        }
    }

    boolean guardRefused(HttpResponse<String> answer) {
        return answer.statusCode() == 403 && message(answer).startsWith(GUARD_REFUSAL);
    }

    String message(HttpResponse<String> answer) {
        return field(answer, "message");
    }

    String error(HttpResponse<String> answer) {
        return field(answer, "error");
    }

    private String field(HttpResponse<String> answer, String name) {
        try {
            JsonNode body = json.readTree(answer.body());
            return body == null ? "" : body.path(name).asText("");
        } catch (Exception e) {
            return "";
        }
    }

    /** A browser that opened Tasklist without logging in: the session cookie and Camunda's CSRF token, no user. */
    private Tasklist anonymousSession() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
        String cookies = page.headers().allValues("Set-Cookie").stream().map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        return new Tasklist(client, port, cookies, page.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
    }

    private static List<String> each(String prefix, String... suffixes) {
        return Stream.of(suffixes).map(suffix -> prefix + suffix).toList();
    }

    /** The three ways to name a process definition: by id, by key, by key and tenant. */
    private static List<String> definitions(String verb, String... suffixes) {
        return Stream.of("/process-definition/{id}", "/process-definition/key/{key}", "/process-definition/key/{key}/tenant-id/{tenantId}")
                .flatMap(definition -> Stream.of(suffixes).map(suffix -> verb + " " + definition + suffix)).toList();
    }
}
