package vn.gov.mofa.upr.notification;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.TaskNames;

/**
 * "You have a new task" to the focal points of the agency a task is offered to; when MOFA returned the plan or
 * report, "returned" with MOFA's comment instead. MOFA's own tasks send none: an import opens hundreds at once,
 * and MOFA works from its Tasklist filters.
 */
@Service
class NewTaskNotices {

    /** The steps MOFA can send back; their review sets {@code approved} = false with a {@code reviewComment}. */
    private static final Set<String> RETURNABLE = Set.of(PREPARE_PLAN, PREPARE_REPORT);

    private final AgencyDirectory agencies;
    private final Recipients recipients;
    private final MailComposer mails;
    private final TasklistLinks links;
    private final Deadlines deadlines;

    public NewTaskNotices(AgencyDirectory agencies, Recipients recipients, MailComposer mails, TasklistLinks links,
            Deadlines deadlines) {
        this.agencies = agencies;
        this.recipients = recipients;
        this.mails = mails;
        this.links = links;
        this.deadlines = deadlines;
    }

    public void taskCreated(DelegateTask task) {
        Object number = task.getVariable(VAR_NUMBER);
        if (number == null) {
            return;
        }
        String comment = returnComment(task);
        MailKind kind = comment == null ? MailKind.NEW_TASK : MailKind.RETURNED;
        String link = links.task(task.getId());
        // the returned mail says "returned" in its subject already
        String nameInMail = task.getName().replace(TaskNames.RETURNED, "");
        LocalDate due = task.getDueDate() == null ? null : deadlines.dateOf(task.getDueDate());
        task.getCandidates().stream()
                .filter(candidate -> IdentityLinkType.CANDIDATE.equals(candidate.getType()) && candidate.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .filter(group -> !Agency.MOFA.equals(group) && agencies.byCode(group).isPresent())
                .forEach(agency -> {
                    TaskFacts facts = new TaskFacts(number.toString(), (Integer) task.getVariable(VAR_CYCLE),
                            String.valueOf(task.getVariable(VAR_TEXT)), task.getTaskDefinitionKey(), nameInMail,
                            agency, due, due == null ? 0 : deadlines.daysLeft(due), link, comment);
                    for (Recipient to : recipients.focalPoints(agency)) {
                        mails.queue(kind, to, language -> Map.of("notice", facts.in(language, agencies)),
                                task.getProcessInstanceId(), link);
                    }
                });
    }

    /**
     * MOFA's comment when this task exists because MOFA returned the work. The review listener clears the comment
     * when a review starts, so a comment still there together with "not approved" comes from the review just done.
     */
    private static String returnComment(DelegateTask task) {
        if (!returned(task)) {
            return null;
        }
        Object comment = task.getVariable(VAR_REVIEW_COMMENT);
        return comment == null || comment.toString().isBlank() ? null : comment.toString().strip();
    }

    /** Whether this plan or report task exists because MOFA's review just returned the work. */
    static boolean returned(DelegateTask task) {
        return RETURNABLE.contains(task.getTaskDefinitionKey()) && Boolean.FALSE.equals(approved(task));
    }

    private static Boolean approved(DelegateTask task) {
        Object approved = task.getVariable(VAR_APPROVED);
        return approved == null ? null : Boolean.valueOf(approved.toString());
    }
}
