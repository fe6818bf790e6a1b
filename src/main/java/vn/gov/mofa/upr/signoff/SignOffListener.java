package vn.gov.mofa.upr.signoff;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.monitoring.BusinessEvent;
import vn.gov.mofa.upr.agency.FullNames;

/**
 * [SignOffPlan], [SignOffReport]: the agency's leader signs off the plan or report, or returns it to the focal point.
 * The decision starts empty; a return needs a comment; MOFA's last decision is cleared, so a return inside the agency
 * is never taken for MOFA's. Who signed (full name, never a user id) and when stay on the instance for MOFA's review
 * and the case page; the decision itself stays on the task, in history.
 */
@Component
class SignOffListener implements TaskListener {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final Clock clock;

    SignOffListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().setVariable(VAR_SIGNED_OFF, null);
            task.getExecution().setVariable(VAR_SIGN_OFF_COMMENT, null);
            task.getExecution().setVariable(VAR_SIGNED_OFF_BY, null);
            task.getExecution().setVariable(VAR_SIGNED_OFF_AT, null);
            task.getExecution().setVariable(VAR_APPROVED, null);
            return;
        }
        Object decision = task.getVariable(VAR_SIGNED_OFF);
        if (decision == null || decision.toString().isBlank()) {
            throw new IllegalArgumentException("Cần chọn Ký duyệt hoặc Trả lại");
        }
        boolean signedOff = Boolean.parseBoolean(decision.toString());
        Object comment = task.getVariable(VAR_SIGN_OFF_COMMENT);
        boolean commented = comment != null && !comment.toString().isBlank();
        if (!signedOff && !commented) {
            throw new IllegalArgumentException("Khi trả lại, cần ghi ý kiến của lãnh đạo để cán bộ đầu mối chỉnh sửa");
        }
        String leader = fullName(task);
        task.getExecution().setVariable(VAR_SIGNED_OFF, signedOff);
        if (signedOff) {
            task.getExecution().setVariable(VAR_SIGNED_OFF_BY, leader);
            task.getExecution().setVariable(VAR_SIGNED_OFF_AT, clock.instant().atZone(clock.getZone()).format(SHOWN));
            task.getExecution().setVariable(VAR_SIGN_OFF_COMMENT, null);
        }
        task.setVariableLocal(VAR_DECIDED_BY, leader);
        task.setVariableLocal(VAR_DECISION, (signedOff ? "Ký duyệt" : "Trả lại") + (commented ? ": " + comment.toString().strip() : ""));
        (signedOff ? BusinessEvent.SIGNED_OFF : BusinessEvent.SIGN_OFF_RETURNED).log(
                task.getExecution().getProcessBusinessKey(), "{} by {}", task.getTaskDefinitionKey(), leader);
    }

    private static String fullName(DelegateTask task) {
        var identity = task.getProcessEngineServices().getIdentityService();
        Authentication current = identity.getCurrentAuthentication();
        String userId = current != null ? current.getUserId() : task.getAssignee();
        User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId == null ? "" : userId;
        }
        String name = FullNames.of(user);
        return name.isEmpty() ? userId : name;
    }
}
