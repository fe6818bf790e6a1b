package vn.gov.mofa.upr.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a submission against the deployed form of its task or start event — the version the task belongs to,
 * as Tasklist renders it ({@code formRefBinding="deployment"}). Lookups run as the caller, so a task the caller
 * may not see is simply not found.
 */
@Component
public class TaskForms {

    private final ProcessEngine engine;
    private final FormService forms;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final ActingUser actingUser;
    private final ObjectMapper json;
    /** deployed forms never change: one parse per process definition and step */
    private final Map<String, TaskForm> parsed = new ConcurrentHashMap<>();

    public TaskForms(ProcessEngine engine, FormService forms, TaskService tasks, RepositoryService repository,
            ActingUser actingUser, ObjectMapper json) {
        this.engine = engine;
        this.forms = forms;
        this.tasks = tasks;
        this.repository = repository;
        this.actingUser = actingUser;
        this.json = json;
    }

    /** The variables to complete the task with, or empty when the caller cannot see the task. */
    public Optional<ObjectNode> checkTaskSubmission(String taskId, JsonNode submitted, String userId, List<String> groups) {
        return actingUser.run(userId, groups, () -> {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return Optional.empty();
            }
            TaskForm form = parsed.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                    k -> read(() -> forms.getDeployedTaskForm(taskId), "công việc '" + task.getName() + "'"));
            return Optional.of(form.check(submitted, tasks.getVariables(taskId), json, this::hidden));
        });
    }

    /** The variables to start the process with, or empty when there is no such process definition. */
    public Optional<ObjectNode> checkStartSubmission(String definitionIdOrKey, boolean byKey, JsonNode submitted,
            String userId, List<String> groups) {
        return actingUser.run(userId, groups, () -> {
            ProcessDefinition definition = byKey
                    ? repository.createProcessDefinitionQuery().processDefinitionKey(definitionIdOrKey).latestVersion().singleResult()
                    : repository.createProcessDefinitionQuery().processDefinitionId(definitionIdOrKey).singleResult();
            if (definition == null) {
                return Optional.empty();
            }
            TaskForm form = parsed.computeIfAbsent(definition.getId() + "/start",
                    k -> read(() -> forms.getDeployedStartForm(definition.getId()), "quy trình '" + definition.getName() + "'"));
            return Optional.of(form.check(submitted, Map.of(), json, this::hidden));
        });
    }

    /** The form's FEEL condition, evaluated by the engine's own FEEL (the one its decision tables use). */
    private boolean hidden(String expression, Map<String, Object> data) {
        String feel = expression.startsWith("=") ? expression.substring(1) : expression;
        Object result = feel().evaluateSimpleExpression(feel, Variables.fromMap(data).asVariableContext());
        return Boolean.TRUE.equals(result);
    }

    private FeelEngine feel() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration().getFeelEngine();
    }

    private TaskForm read(Supplier<InputStream> deployed, String what) {
        InputStream stream;
        try {
            stream = deployed.get();
        } catch (ProcessEngineException e) {
            throw new TaskForm.InvalidSubmission("Không có biểu mẫu cho " + what + ": không thể gửi dữ liệu.");
        }
        try (stream) {
            return TaskForm.parse(json.readTree(stream));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
