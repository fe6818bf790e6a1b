package vn.gov.mofa.upr.notification;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.workflow.Deadlines;

/** Reminders before a task's due date and escalations after it, for every open task of one step. */
@Service
class DeadlineNotices {

    private static final Logger log = LoggerFactory.getLogger(DeadlineNotices.class);

    private final TaskService tasks;
    private final AgencyDirectory agencies;
    private final Recipients recipients;
    private final MailComposer mails;
    private final Deadlines deadlines;
    private final TasklistLinks links;

    public DeadlineNotices(TaskService tasks, AgencyDirectory agencies, Recipients recipients, MailComposer mails,
            Deadlines deadlines, TasklistLinks links) {
        this.tasks = tasks;
        this.agencies = agencies;
        this.recipients = recipients;
        this.mails = mails;
        this.deadlines = deadlines;
        this.links = links;
    }

    /** Mails the focal points of each open task of {@code step}, unless the reminder's moment passed before the task existed. */
    public void remind(String processInstanceId, String step, Deadlines.Reminder reminder) {
        for (Task task : openTasks(processInstanceId, step)) {
            LocalDate due = dueDate(task);
            if (task.getCreateTime().toInstant().isAfter(deadlines.reminderMoment(due, reminder).toInstant())) {
                log.info("Reminder {} for task {} skipped: its moment had passed when the task was created", reminder, task.getId());
                continue;
            }
            String agency = candidateAgency(task);
            TaskFacts facts = facts(task, agency, due);
            for (Recipient to : recipients.focalPoints(agency)) {
                mails.queue(MailKind.REMINDER, to, language -> Map.of("notice", facts.in(language, agencies)),
                        task.getProcessInstanceId(), facts.taskLink());
            }
        }
    }

    /** Mails the leaders of each late agency and MOFA; says whether MOFA needs a new [FollowUpOverdue]. */
    public OverdueEscalation escalate(String processInstanceId, String step) {
        List<String> lines = new ArrayList<>();
        for (Task task : openTasks(processInstanceId, step)) {
            String agency = candidateAgency(task);
            TaskFacts onTask = facts(task, agency, dueDate(task));
            // leaders have nothing in Tasklist: the mail leads to the recommendation's record
            TaskFacts facts = onTask.linkingTo(links.casePage(onTask.cycle(), onTask.number()));
            for (Recipient to : recipients.leadersAndMofa(agency)) {
                mails.queue(MailKind.OVERDUE, to, language -> Map.of("notice", facts.in(language, agencies)),
                        task.getProcessInstanceId(), facts.taskLink());
            }
            TaskNotice notice = facts.in(MailLanguage.VI, agencies);
            lines.add(notice.stepName() + " — " + notice.agencyName() + ": hạn " + notice.dueDate()
                    + (notice.daysOverdue() == 0 ? ", đến hạn hôm nay chưa hoàn thành" : ", đã quá hạn " + notice.daysOverdue() + " ngày"));
        }
        return new OverdueEscalation(String.join("\n", lines), !lines.isEmpty() && !followUpOpen(processInstanceId, step));
    }

    /**
     * A unit missed the internal deadline of work its agency delegated: the agency's focal points are told (inside
     * the agency first; MOFA's own deadline on the agency's step escalates as always). The mail leads to the case page.
     */
    public void escalateToAgency(String processInstanceId, String step, String agency) {
        for (Task task : openTasks(processInstanceId, step)) {
            TaskFacts onTask = facts(task, candidateAgency(task), dueDate(task));
            TaskFacts facts = onTask.linkingTo(links.casePage(onTask.cycle(), onTask.number()));
            for (Recipient to : recipients.focalPoints(agency)) {
                mails.queue(MailKind.OVERDUE, to, language -> Map.of("notice", facts.in(language, agencies)),
                        task.getProcessInstanceId(), facts.taskLink());
            }
        }
    }

    private boolean followUpOpen(String processInstanceId, String step) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(FOLLOW_UP_OVERDUE).list()
                .stream().anyMatch(t -> step.equals(tasks.getVariable(t.getId(), VAR_OVERDUE_STEP)));
    }

    private List<Task> openTasks(String processInstanceId, String step) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step).list();
    }

    private TaskFacts facts(Task task, String agency, LocalDate due) {
        Map<String, Object> vars = tasks.getVariables(task.getId(), List.of(VAR_NUMBER, VAR_CYCLE, VAR_TEXT));
        return new TaskFacts(String.valueOf(vars.get(VAR_NUMBER)), (Integer) vars.get(VAR_CYCLE),
                String.valueOf(vars.get(VAR_TEXT)), task.getTaskDefinitionKey(), task.getName(), agency, due,
                deadlines.daysLeft(due), links.task(task.getId()), null);
    }

    private String candidateAgency(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElseThrow();
    }

    private LocalDate dueDate(Task task) {
        return deadlines.dateOf(task.getDueDate());
    }
}
