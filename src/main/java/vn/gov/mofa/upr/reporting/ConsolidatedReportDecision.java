package vn.gov.mofa.upr.reporting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.workflow.ReportingRoundProcess;
import vn.gov.mofa.upr.agency.FullNames;

/**
 * [ApproveConsolidatedReport], on complete: the report of that moment is kept as the approved or the returned
 * edition, in the engine's transaction, so a decision that rolls back keeps nothing. The leader is the user completing the task (Tasklist or the REST API), else its assignee; the edition
 * carries their full name from the user directory.
 */
@Component
class ConsolidatedReportDecision implements TaskListener {

    static final String VAR_LEADER_COMMENT = "leaderComment";

    private final ConsolidatedReportEditions editions;
    private final IdentityService identity;

    public ConsolidatedReportDecision(ConsolidatedReportEditions editions, IdentityService identity) {
        this.editions = editions;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        // the form's radio sends "true"/"false"; the API may send a boolean
        boolean approved = Boolean.parseBoolean(String.valueOf(task.getVariable(ReportingRoundProcess.VAR_CONSOLIDATED_APPROVED)));
        Object comment = task.getVariable(VAR_LEADER_COMMENT);
        String leader = leaderOf(task);
        editions.keep(task.getProcessInstanceId(), approved ? Edition.Kind.APPROVED : Edition.Kind.RETURNED, leader,
                fullName(leader), comment == null || comment.toString().isBlank() ? null : comment.toString().strip());
    }

    private String leaderOf(DelegateTask task) {
        Authentication user = identity.getCurrentAuthentication();
        if (user != null && user.getUserId() != null) {
            return user.getUserId();
        }
        return task.getAssignee() == null ? "" : task.getAssignee();
    }

    /**
     * "Nguyễn Văn An": first and last name as the directory holds them; empty (a blank signature) when it has none.
     * Read as the application: a leader need not have the right to read the user directory.
     */
    private String fullName(String userId) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        User user;
        try {
            user = userId.isEmpty() ? null : identity.createUserQuery().userId(userId).singleResult();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
        if (user == null) {
            return "";
        }
        return FullNames.of(user);
    }
}
