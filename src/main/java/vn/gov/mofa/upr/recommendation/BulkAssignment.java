package vn.gov.mofa.upr.recommendation;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.recommendation.AgencyAssignments.InvalidAssignmentException;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.workflow.ActingUser;
import vn.gov.mofa.upr.workflow.TaskForm.InvalidSubmission;
import vn.gov.mofa.upr.workflow.TaskForms;
import vn.gov.mofa.upr.workflow.VariableShapes;

/**
 * MOFA assigns many recommendations at once: each one's [AssignAgencies] task is completed as if the officer had
 * sent its form in Tasklist with the prefilled agencies (the annex's or the decision table's), or with the agencies
 * chosen for all. Each goes the form's way: the deployed form's rules ({@link TaskForms}), the engine's
 * authorization as the officer, then the task listener's checks and record ({@link AgencyAssignmentListener}), so
 * the audit trail names the officer. One refusal stops only its own recommendation.
 */
@Service
public class BulkAssignment {

    private static final Logger LOG = LoggerFactory.getLogger(BulkAssignment.class);
    private static final TypeReference<Map<String, VariableValueDto>> VARIABLES = new TypeReference<>() {
    };

    /** At most this many in one request: one page of the list and a few more. */
    public static final int MAX_ITEMS = 200;

    /** A recommendation to assign. */
    public record Item(int cycle, String number) {
    }

    /** What to set for every selected recommendation; a null field keeps each one's prefilled value. */
    public record Choice(String leadAgency, List<String> coordinatingAgencies, String taskGroup, String planDueDate) {

        public static final Choice PREFILLED = new Choice(null, null, null, null);
    }

    /** What happened to one recommendation; {@code message} says why it was refused, in Vietnamese. */
    public record Outcome(int cycle, String number, boolean done, String message) {
    }

    private final RecommendationRegistry registry;
    private final TaskService tasks;
    private final ActingUser actingUser;
    private final TaskForms forms;
    private final ProcessEngine engine;
    private final ObjectMapper json;

    public BulkAssignment(RecommendationRegistry registry, TaskService tasks, ActingUser actingUser, TaskForms forms,
            ProcessEngine engine, ObjectMapper json) {
        this.registry = registry;
        this.tasks = tasks;
        this.actingUser = actingUser;
        this.forms = forms;
        this.engine = engine;
        this.json = json;
    }

    public List<Outcome> assign(List<Item> items, Choice choice, CurrentUser officer) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Item item : items) {
            String refusal = assignOne(item, choice, officer);
            outcomes.add(new Outcome(item.cycle(), item.number(), refusal == null,
                    refusal == null ? "Đã phân công" : refusal));
        }
        return outcomes;
    }

    /** Null when done, otherwise why not. */
    private String assignOne(Item item, Choice choice, CurrentUser officer) {
        Recommendation r = registry.find(item.cycle(), item.number()).orElse(null);
        if (r == null) {
            return "Không có khuyến nghị " + item.number() + " trong chu kỳ " + item.cycle() + ".";
        }
        if (r.processInstanceId() == null) {
            return "Khuyến nghị không được theo dõi (Việt Nam ghi nhận): không có gì để phân công.";
        }
        Task task = tasks.createTaskQuery().processInstanceId(r.processInstanceId()).taskDefinitionKey(ASSIGN_AGENCIES)
                .singleResult();
        if (task == null) {
            return "Khuyến nghị không còn chờ phân công.";
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(officer.userId())) {
            return "Công việc phân công đang do " + task.getAssignee() + " nhận xử lý trong Tasklist.";
        }
        try {
            ObjectNode accepted = forms.checkTaskSubmission(task.getId(), submission(task.getId(), choice), officer.userId(),
                    officer.groups()).orElse(null);
            if (accepted == null) {
                return "Tài khoản này không được phân công khuyến nghị này.";
            }
            completeAs(officer, task.getId(), VariableValueDto.toMap(json.convertValue(accepted, VARIABLES), engine, json));
            return null;
        } catch (InvalidSubmission e) {
            return e.getMessage();
        } catch (AuthorizationException e) {
            return "Tài khoản này không được phân công khuyến nghị này.";
        } catch (OptimisticLockingException e) {
            return "Khuyến nghị vừa được người khác phân công cùng lúc; tải lại danh sách.";
        } catch (ProcessEngineException e) {
            InvalidAssignmentException listener = refusalOf(e);
            if (listener != null) {
                return listener.getMessage();
            }
            LOG.error("bulk assignment of {} failed", r.businessKey(), e);
            return "Không phân công được do lỗi hệ thống; hãy thử lại hoặc báo quản trị viên.";
        }
    }

    /** The form as Tasklist would send it, starting from what the task shows prefilled. */
    private ObjectNode submission(String taskId, Choice choice) {
        Map<String, Object> shown = tasks.getVariables(taskId);
        ObjectNode submitted = json.createObjectNode();
        put(submitted, VAR_LEAD_AGENCY, choice.leadAgency() != null ? choice.leadAgency() : shown.get(VAR_LEAD_AGENCY));
        put(submitted, VAR_COORDINATING_AGENCIES, choice.coordinatingAgencies() != null ? choice.coordinatingAgencies()
                : AgencyDirectory.codesOf(shown.get(VAR_COORDINATING_AGENCIES)));
        put(submitted, VAR_TASK_GROUP, choice.taskGroup() != null ? choice.taskGroup() : shown.get(VAR_TASK_GROUP));
        put(submitted, VAR_PLAN_DUE_DATE, choice.planDueDate() != null ? choice.planDueDate()
                : VariableShapes.onScreen(VAR_PLAN_DUE_DATE, shown.get(VAR_PLAN_DUE_DATE)));
        return submitted;
    }

    private void put(ObjectNode submitted, String name, Object value) {
        if (value != null) {
            submitted.putObject(name).set("value", json.valueToTree(value));
        }
    }

    /** As the officer: the engine checks the officer may work the task, and the listener records who decided. */
    private void completeAs(CurrentUser officer, String taskId, Map<String, Object> variables) {
        actingUser.run(officer.userId(), officer.groups(), () -> {
            tasks.complete(taskId, variables);
            return null;
        });
    }

    private static InvalidAssignmentException refusalOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidAssignmentException refusal) {
                return refusal;
            }
        }
        return null;
    }
}
