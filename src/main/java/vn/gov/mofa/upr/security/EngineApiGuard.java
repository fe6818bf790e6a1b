package vn.gov.mofa.upr.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import vn.gov.mofa.upr.security.EngineApiRules.Role;
import vn.gov.mofa.upr.workflow.TaskForm.InvalidSubmission;
import vn.gov.mofa.upr.workflow.TaskForms;
import vn.gov.mofa.upr.workflow.VariableShapes;

/**
 * Stands in front of the engine's REST API, both as {@code /engine-rest} (HTTP Basic) and as the webapps'
 * {@code /camunda/api/engine} (the login session): a role may make only the requests {@link EngineApiRules} lists,
 * every task completion and form submission is checked against its Camunda Form and stored in the engine's shapes,
 * a ministry's change of a task is its follow-up date only ({@link TaskEdit}), and nobody but an administrator can
 * send a variable the engine would deserialize (Object, File, Bytes).
 * Forms read dates as dd/MM/yyyy: their variables are shown that way to Tasklist.
 */
public class EngineApiGuard extends OncePerRequestFilter {

    static final String REST = "/engine-rest";
    static final String WEBAPP_API = "/camunda/api";
    private static final Pattern REST_NAMED_ENGINE = Pattern.compile(REST + "/engine/[^/]+(/.+)");
    private static final Pattern WEBAPP_ENGINE = Pattern.compile(WEBAPP_API + "/engine/engine(/[^/]+)?(/.*)?");
    private static final Pattern WEBAPP_PLUGIN_ASSET = Pattern.compile(WEBAPP_API + "/[a-z]+/plugin/[^/]+/static/.*");
    private static final Pattern LISTENER_REFUSAL = Pattern.compile("Exception while invoking (?:Task|Execution)Listener: (.+?)'?$");
    private static final Pattern TASK_ID = Pattern.compile("/task/([^/]+)/.*");
    private static final Pattern DEFINITION = Pattern.compile("/process-definition/(key/)?([^/]+)(/tenant-id/[^/]+)?/.*");
    /** ten text areas of 50,000 Vietnamese characters fit; anything bigger is not a form */
    private static final int MAX_JSON_BODY = 4_000_000;
    private static final List<String> CODE_TYPES = List.of("object", "file", "bytes", "xml");

    private final IdentityService identity;
    private final TaskService tasks;
    private final TaskForms forms;
    private final ObjectMapper json;

    public EngineApiGuard(IdentityService identity, TaskService tasks, TaskForms forms, ObjectMapper json) {
        this.identity = identity;
        this.tasks = tasks;
        this.forms = forms;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // decoded and normalized as the container routes it ("/task/x/../../job" is "/job"), not as it was sent
        String uri = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String method = request.getMethod();
        String enginePath = enginePath(uri);
        CurrentUser user = caller(uri, request);
        if (enginePath == null) {
            if (webappApiAllows(method, uri, user)) {
                chain.doFilter(request, response);
            } else {
                refuse(response, user == null ? 401 : 403, user == null ? "Cần đăng nhập." : "Tài khoản này không được dùng chức năng này.");
            }
            return;
        }
        if (user == null) {
            refuse(response, 401, "Cần đăng nhập.");
            return;
        }
        Role role = Role.of(user.groups());
        if (!EngineApiRules.allows(role, method, enginePath, user.userId())) {
            refuse(response, 403, "Tài khoản này không được dùng chức năng này (" + method + " " + enginePath + ").");
            return;
        }
        HttpServletRequest checked = request;
        if (hasBody(method) && !isJson(request)) {
            if (role != Role.ADMIN) {
                refuse(response, 415, "Chỉ nhận dữ liệu JSON.");
                return;
            }
        } else if (hasBody(method)) {
            byte[] body = request.getInputStream().readNBytes(MAX_JSON_BODY + 1);
            if (body.length > MAX_JSON_BODY) {
                refuse(response, 413, "Dữ liệu gửi lên quá lớn (tối đa " + MAX_JSON_BODY / 1_000_000 + " MB).");
                return;
            }
            try {
                JsonNode parsed = body.length == 0 ? json.createObjectNode() : json.readTree(body);
                if (role != Role.ADMIN) {
                    rejectCodeTypes(parsed);
                }
                if (EngineApiRules.isTaskUpdate(method, enginePath)) {
                    ObjectNode task = TaskEdit.withoutFormReference(parsed);
                    if (!role.atLeast(Role.MOFA_OFFICER)) {
                        Task current = tasks.createTaskQuery().taskId(enginePath.substring("/task/".length())).singleResult();
                        if (current == null) {
                            refuse(response, 404, "Không tìm thấy công việc, hoặc tài khoản này không được làm việc này.");
                            return;
                        }
                        if (!TaskEdit.onlyFollowUp(task, current)) {
                            refuse(response, 403, TaskEdit.REFUSED);
                            return;
                        }
                    }
                    body = json.writeValueAsBytes(task);
                } else if (EngineApiRules.isFormSubmission(method, enginePath)) {
                    Optional<ObjectNode> accepted = checkSubmission(enginePath, parsed, user);
                    if (accepted.isEmpty()) {
                        refuse(response, 404, "Không tìm thấy công việc hoặc quy trình, hoặc tài khoản này không được làm việc này.");
                        return;
                    }
                    ((ObjectNode) parsed).set("variables", accepted.get());
                    body = json.writeValueAsBytes(parsed);
                }
            } catch (InvalidSubmission e) {
                refuse(response, 400, e.getMessage());
                return;
            } catch (IOException | ClassCastException e) {
                refuse(response, 400, "Dữ liệu gửi lên không phải JSON hợp lệ.");
                return;
            }
            checked = new BodyRequest(request, body);
        }
        if (method.equals("GET") && enginePath.endsWith("/form-variables")) {
            showDatesAsForms(checked, response, chain);
        } else if (EngineApiRules.isFormSubmission(method, enginePath)) {
            answerListenerRefusalsAsBadRequests(checked, response, chain);
        } else {
            chain.doFilter(checked, response);
        }
    }

    /** The path relative to the engine ("/task/1/complete"), or null when the request is not for the engine. */
    static String enginePath(String uri) {
        Matcher named = REST_NAMED_ENGINE.matcher(uri);
        if (named.matches()) {
            return named.group(1); // /engine-rest/engine/default/task is /engine-rest/task: the same rules
        }
        if (uri.startsWith(REST + "/")) {
            return uri.substring(REST.length());
        }
        Matcher webapp = WEBAPP_ENGINE.matcher(uri);
        if (webapp.matches()) {
            // the list of engines (group 1 absent) is the login page's, not an engine's
            return webapp.group(1) == null ? null : webapp.group(2) == null ? "/" : webapp.group(2);
        }
        return null;
    }

    private CurrentUser caller(String uri, HttpServletRequest request) {
        if (uri.startsWith(REST + "/")) {
            Authentication engine = identity.getCurrentAuthentication();
            return engine == null ? null : new CurrentUser(engine.getUserId(),
                    engine.getGroupIds() == null ? List.of() : List.copyOf(engine.getGroupIds()));
        }
        return ApiAuthenticationFilter.fromSession(request);
    }

    /** The webapps' own endpoints: login for anyone, Tasklist's for users, Cockpit's for MOFA, Admin's for administrators. */
    private static boolean webappApiAllows(String method, String uri, CurrentUser user) {
        if (uri.startsWith(WEBAPP_API + "/admin/auth/") || uri.startsWith(WEBAPP_API + "/admin/setup/")
                || method.equals("GET") && (WEBAPP_PLUGIN_ASSET.matcher(uri).matches() || uri.equals(WEBAPP_API + "/engine/engine")
                        || uri.equals(WEBAPP_API + "/engine/engine/"))) {
            return true; // the login page: who is logged in, the engines' names, the webapps' own scripts
        }
        if (user == null) {
            return false;
        }
        Role role = Role.of(user.groups());
        if (uri.startsWith(WEBAPP_API + "/tasklist/") || uri.startsWith(WEBAPP_API + "/welcome/")) {
            return true;
        }
        if (uri.startsWith(WEBAPP_API + "/cockpit/")) {
            return role.atLeast(Role.MOFA_LEADER);
        }
        return role == Role.ADMIN;
    }

    private Optional<ObjectNode> checkSubmission(String path, JsonNode body, CurrentUser user) {
        JsonNode variables = body.path("variables");
        if (!variables.isMissingNode() && !variables.isObject()) {
            throw new InvalidSubmission("'variables' phải là một đối tượng JSON.");
        }
        Matcher task = TASK_ID.matcher(path);
        if (task.matches()) {
            return forms.checkTaskSubmission(task.group(1), variables, user.userId(), user.groups());
        }
        Matcher definition = DEFINITION.matcher(path);
        definition.matches();
        return forms.checkStartSubmission(definition.group(2), definition.group(1) != null, variables, user.userId(), user.groups());
    }

    /** Anywhere in the body: a typed value the engine would turn into a Java object. */
    private static void rejectCodeTypes(JsonNode node) {
        if (node.isObject()) {
            String type = node.path("type").asText("").toLowerCase();
            if (CODE_TYPES.contains(type) && (node.has("value") || node.has("valueInfo"))
                    || node.path("valueInfo").has("objectTypeName") || node.path("valueInfo").has("serializationDataFormat")) {
                throw new InvalidSubmission("Giá trị kiểu '" + node.path("type").asText() + "' không được nhận: "
                        + "chỉ văn bản, số, ngày, Có/Không và danh sách JSON.");
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext();) {
            rejectCodeTypes(children.next());
        }
    }

    private void showDatesAsForms(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        byte[] body = buffered.getContentAsByteArray();
        if (buffered.getStatus() == 200 && body.length > 0) {
            JsonNode variables = json.readTree(body);
            List<String> names = new ArrayList<>();
            variables.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = variables.get(name).path("value");
                if (value.isTextual() && VariableShapes.DATES.contains(name)) {
                    ((ObjectNode) variables.get(name)).put("value", (String) VariableShapes.onScreen(name, value.asText()));
                }
            }
            buffered.resetBuffer();
            buffered.getOutputStream().write(json.writeValueAsBytes(variables));
        }
        buffered.copyBodyToResponse();
    }

    /**
     * The rules a form cannot say (a return needs MOFA's comment, an assignment needs known agencies) are the task
     * listeners'; the engine reports their refusal as a 500 wrapped in its own words. The user gets a 400 with the
     * listener's Vietnamese sentence.
     */
    private void answerListenerRefusalsAsBadRequests(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (buffered.getStatus() == 500) {
            Matcher refusal = LISTENER_REFUSAL.matcher(json.readTree(buffered.getContentAsByteArray()).path("message").asText(""));
            if (refusal.find()) {
                buffered.resetBuffer();
                refuse(buffered, 400, refusal.group(1));
            }
        }
        buffered.copyBodyToResponse();
    }

    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(Map.of(
                "type", status == 400 ? "InvalidRequestException" : status == 404 ? "NotFound" : "AuthorizationException",
                "message", message)));
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || type.toLowerCase().contains("json");
    }

    private static boolean hasBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE");
    }

    /** The request with the body the guard read (and, for a form submission, rewrote). */
    private static final class BodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

}
