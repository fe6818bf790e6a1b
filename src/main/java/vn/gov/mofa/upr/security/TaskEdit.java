package vn.gov.mofa.upr.security;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.task.Task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.mofa.upr.workflow.TaskForm.InvalidSubmission;

/**
 * Tasklist's {@code PUT /task/{id}}: it sends the whole task back when someone sets a follow-up date or a deadline.
 * The engine writes every field of that body (a missing one becomes empty), so below MOFA's officers the body must
 * leave everything but the follow-up date as it is: a ministry keeps MOFA's deadline, its name and its assignee.
 */
final class TaskEdit {

    static final String REFUSED = "Cơ quan chỉ đặt được ngày theo dõi; hạn xử lý, tên và người nhận công việc do Bộ Ngoại giao quyết định.";

    /** The engine's date format in its REST API ("2027-12-31T17:00:00.000+0700"), also with "Z" or "+07:00". */
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX]");
    /** What the engine's update writes besides the follow-up date (TaskDto.updateTask). */
    private static final List<String> TEXTS = List.of("name", "description", "assignee", "owner", "parentTaskId",
            "caseInstanceId", "tenantId");

    private TaskEdit() {
    }

    /**
     * The body without the task's form reference: it is read-only, and the engine cannot read it back (Tasklist's
     * "Cannot construct instance of CamundaFormRef" on every task with a Camunda Form).
     */
    static ObjectNode withoutFormReference(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidSubmission("Dữ liệu gửi lên phải là một công việc (đối tượng JSON).");
        }
        ObjectNode task = ((ObjectNode) body).deepCopy();
        task.remove("camundaFormRef");
        return task;
    }

    /** Whether the body changes nothing of {@code current} but its follow-up date. */
    static boolean onlyFollowUp(JsonNode body, Task current) {
        return TEXTS.stream().allMatch(field -> Objects.equals(text(body, field), value(current, field)))
                && body.path("priority").asInt(0) == current.getPriority()
                && sameInstant(body.path("due"), current.getDueDate())
                && (body.path("delegationState").isNull() || body.path("delegationState").isMissingNode()
                        || Objects.equals(body.path("delegationState").asText(), String.valueOf(current.getDelegationState())));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static String value(Task task, String field) {
        return switch (field) {
            case "name" -> task.getName();
            case "description" -> task.getDescription();
            case "assignee" -> task.getAssignee();
            case "owner" -> task.getOwner();
            case "parentTaskId" -> task.getParentTaskId();
            case "caseInstanceId" -> task.getCaseInstanceId();
            case "tenantId" -> task.getTenantId();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static boolean sameInstant(JsonNode sent, Date current) {
        if (sent.isNull() || sent.isMissingNode()) {
            return current == null;
        }
        try {
            return current != null && OffsetDateTime.parse(sent.asText(), ENGINE_DATE).toInstant().equals(current.toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
