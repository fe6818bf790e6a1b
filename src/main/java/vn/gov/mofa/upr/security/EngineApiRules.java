package vn.gov.mofa.upr.security;

import java.util.List;
import java.util.regex.Pattern;

import vn.gov.mofa.upr.agency.Agency;

/**
 * The allow-list of the engine's REST surface ({@code /engine-rest/...} and the webapps' {@code /camunda/api/...})
 * per role. Camunda's authorizations still decide which tasks and instances a request may touch; these rules
 * decide which kinds of request a role may make at all. Anything not listed is for administrators.
 */
public final class EngineApiRules {

    /** Who is calling, from the least to the most trusted. */
    public enum Role {
        /** a focal point or leader of a ministry other than MOFA: Tasklist only */
        AGENCY,
        /** a MOFA leader: reads everything (Cockpit, dashboards) and works on their tasks */
        MOFA_LEADER,
        /** a MOFA desk officer: also opens rounds from Tasklist, sets deadlines and assignees, retries failed steps */
        MOFA_OFFICER,
        /** camunda-admin: everything */
        ADMIN;

        public static Role of(List<String> groups) {
            if (groups.contains(CurrentUser.ADMIN_GROUP)) {
                return ADMIN;
            }
            if (groups.contains(Agency.MOFA)) {
                return MOFA_OFFICER;
            }
            return groups.contains(Agency.leadersGroupOf(Agency.MOFA)) ? MOFA_LEADER : AGENCY;
        }

        boolean atLeast(Role other) {
            return compareTo(other) >= 0;
        }
    }

    private static final String ID = "[^/]+";
    private static final String TASK = "/task/" + ID;
    /** a process definition by key or id ("statistics" and "count" are engine-wide figures, not ids) */
    private static final String DEFINITION = "/process-definition/(key/" + ID + "(/tenant-id/" + ID + ")?|(?!(statistics|count)(/|$))" + ID + ")";
    /** Queries sent as POST (the body is the filter); they read, Camunda's authorizations narrow them. */
    private static final String QUERY_POSTS = "/(task|process-instance|execution|variable-instance|job|job-definition"
            + "|external-task|event-subscription|incident|history/(?!cleanup)[a-z-]+)(/count)?";

    private static final List<Rule> RULES = List.of(
            // Tasklist: an agency's inbox, its forms, claiming and completing its own tasks
            new Rule(Role.AGENCY, "GET", "/task(/count)?"),
            new Rule(Role.AGENCY, "POST", "/task(/count)?"),
            new Rule(Role.AGENCY, "GET", TASK + "(/form|/form-variables|/deployed-form|/rendered-form|/variables(/" + ID
                    + ")?|/localVariables(/" + ID + ")?|/identity-links|/comment(/" + ID + ")?|/attachment(/" + ID + ")?)?"),
            new Rule(Role.AGENCY, "POST", TASK + "/(claim|unclaim|complete|submit-form|comment/create)"),
            // the follow-up date; below MOFA's officers nothing else of the task may change (TaskEdit)
            new Rule(Role.AGENCY, "PUT", TASK),
            new Rule(Role.AGENCY, "GET", "/filter(/count)?|/filter/" + ID + "(/list|/count)?"),
            new Rule(Role.AGENCY, "POST", "/filter/" + ID + "/(list|count)"),
            new Rule(Role.AGENCY, "GET", "/process-definition(/count)?|" + DEFINITION
                    + "(/xml|/startForm|/form-variables|/deployed-start-form|/rendered-form|/static-called-process-definitions)?"),
            new Rule(Role.AGENCY, "GET", "/process-instance(/count)?|/process-instance/" + ID + "(/variables(/" + ID + ")?|/activity-instances)?"),
            new Rule(Role.AGENCY, "GET", "/history/(task|process-instance|activity-instance|variable-instance|user-operation"
                    + "|identity-link-log|detail)(/count)?"),
            new Rule(Role.AGENCY, "POST", "/history/(task|process-instance|activity-instance|variable-instance)(/count)?"),
            new Rule(Role.AGENCY, "GET", "/deployment/" + ID + "/resources(/" + ID + "(/data)?)?"),
            new Rule(Role.AGENCY, "GET", "/user(/count)?|/user/" + ID + "/profile|/group(/count)?|/group/" + ID
                    + "|/identity/groups|/identity/password-policy|/authorization/check|/version|/engine"),
            // the Welcome page's password change checks a candidate against the policy (reads nothing, changes nothing)
            new Rule(Role.AGENCY, "POST", "/identity/password-policy"),
            // MOFA leaders read everything Cockpit shows, except the engine's own figures and logs
            new Rule(Role.MOFA_LEADER, "GET", "(?!/(metrics|telemetry|schema)).*"),
            new Rule(Role.MOFA_LEADER, "POST", QUERY_POSTS),
            // MOFA officers: opening a round from Tasklist (checked against its start form), deadlines and assignees
            // of tasks (PUT /task/{id} above), and retrying a failed step from Cockpit's incidents
            new Rule(Role.MOFA_OFFICER, "POST", DEFINITION + "/submit-form"),
            new Rule(Role.MOFA_OFFICER, "POST", TASK + "/(assignee|delegate)"),
            new Rule(Role.MOFA_OFFICER, "PUT", "/job/" + ID + "/retries|/job-definition/" + ID + "/retries|/incident/" + ID + "/annotation"),
            new Rule(Role.MOFA_OFFICER, "DELETE", "/incident/" + ID + "/annotation"),
            new Rule(Role.MOFA_OFFICER, "POST", "/job/retries"));

    private EngineApiRules() {
    }

    /** Whether {@code role} may make this request; {@code path} is relative to the engine ("/task/1/claim"). */
    public static boolean allows(Role role, String method, String path, String userId) {
        if (role == Role.ADMIN) {
            return true;
        }
        if (method.equals("PUT") && path.matches("/user/" + Pattern.quote(userId) + "/(profile|credentials)")) {
            return true; // everyone keeps their own profile and password
        }
        String verb = method.equals("HEAD") ? "GET" : method;
        return RULES.stream().anyMatch(rule -> role.atLeast(rule.role) && rule.method.equals(verb) && rule.path.matcher(path).matches());
    }

    /** Whether this request completes a task or submits a form: the server checks it against the form. */
    public static boolean isFormSubmission(String method, String path) {
        return method.equals("POST") && (path.matches(TASK + "/(complete|submit-form)") || path.matches(DEFINITION + "/submit-form"));
    }

    /** Whether this request rewrites a task (Tasklist's follow-up date and deadline): the server checks what changes. */
    static boolean isTaskUpdate(String method, String path) {
        return method.equals("PUT") && path.matches(TASK);
    }

    private record Rule(Role role, String method, Pattern path) {
        Rule(Role role, String method, String path) {
            this(role, method, Pattern.compile(path));
        }
    }
}
