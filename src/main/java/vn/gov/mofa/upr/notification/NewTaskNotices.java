package vn.gov.mofa.upr.notification;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.workflow.Deadlines;

/**
 * "You have a new task" to the focal points of the agency a task is offered to. MOFA's own tasks send none:
 * an import opens hundreds at once, and MOFA works from its Tasklist filters.
 */
@Service
public class NewTaskNotices {

    static final String NEW_TASK = "new-task";

    private final AgencyDirectory agencies;
    private final Recipients recipients;
    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final TasklistLinks links;

    public NewTaskNotices(AgencyDirectory agencies, Recipients recipients, MailOutbox outbox, MailTemplates templates,
            TasklistLinks links) {
        this.agencies = agencies;
        this.recipients = recipients;
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
    }

    public void taskCreated(DelegateTask task) {
        Object number = task.getVariable(VAR_NUMBER);
        if (number == null) {
            return;
        }
        String text = String.valueOf(task.getVariable(VAR_TEXT));
        String due = task.getDueDate() == null ? "" : Deadlines.format(Deadlines.parse(task.getDueDate()));
        task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .filter(group -> !Agency.MOFA.equals(group) && agencies.byCode(group).isPresent())
                .forEach(agency -> {
                    TaskNotice notice = new TaskNotice(number.toString(), (Integer) task.getVariable(VAR_CYCLE),
                            TaskNotice.excerpt(text), task.getName(), agencies.namesOf(agency), due, 0,
                            links.task(task.getId()));
                    String subject = "[UPR] Công việc mới: " + task.getName() + (due.isEmpty() ? "" : ", hạn " + due);
                    for (Recipient to : recipients.focalPoints(agency)) {
                        outbox.enqueue(NEW_TASK, to, templates.render(NEW_TASK, subject,
                                Map.of("subject", subject, "recipient", to.name(), "notice", notice)), task.getProcessInstanceId());
                    }
                });
    }
}
