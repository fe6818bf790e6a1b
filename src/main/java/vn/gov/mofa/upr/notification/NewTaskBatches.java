package vn.gov.mofa.upr.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import or a reporting round gives a focal point several tasks within a minute: a new-task mail waits
 * {@code upr.mail.batch-window} (5 minutes by default) from the first one, and all the new-task mails to that
 * mailbox written by then go out as one mail listing them (kind {@link MailKind#NEW_TASKS}). A new task alone still
 * goes out as its own mail, once the window is over. Other mails (reminders, overdue, returned work) never wait.
 *
 * <p>The listed mails stay in the outbox (status BATCHED, {@code digest_id} the list) and the list is an outbox mail
 * like any other, written in the transaction that claims them with a conditional update, as {@link DailyDigest} does:
 * with two nodes each new task is in exactly one list, and a node dying before the commit leaves them waiting.
 * {@code PT0S} turns this off: each new task is mailed on its own at once.
 */
@Component
public class NewTaskBatches {

    private static final Logger log = LoggerFactory.getLogger(NewTaskBatches.class);

    private final MailOutbox outbox;
    private final TransactionTemplate transaction;
    private final Recipients recipients;
    private final MailComposer mails;
    private final TasklistLinks links;
    private final Duration window;

    public NewTaskBatches(MailOutbox outbox, PlatformTransactionManager transactions, Recipients recipients,
            MailComposer mails, TasklistLinks links, @Value("${upr.mail.batch-window:PT5M}") Duration window) {
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.recipients = recipients;
        this.mails = mails;
        this.links = links;
        this.window = window;
    }

    /** New-task mails written after this moment still wait, at {@code now}, for others to the same person. */
    Instant heldAfter(Instant now) {
        return now.minus(window);
    }

    /** Lists, in one mail each, the new tasks of every mailbox whose window is over at {@code now}; returns how many lists. */
    int listDue(Instant now) {
        if (window.isZero()) {
            return 0;
        }
        int lists = 0;
        for (String mailbox : outbox.newTaskListsDue(heldAfter(now))) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> listFor(mailbox, status)))) {
                    lists++;
                }
            } catch (RuntimeException e) {
                // the claim rolled back with it: the mails wait and are listed at the next delivery
                log.warn("New tasks for {} not listed in one mail, retried at the next delivery: {}", mailbox, e.toString());
            }
        }
        return lists;
    }

    private boolean listFor(String mailbox, TransactionStatus status) {
        String claim = UUID.randomUUID().toString();
        List<MailOutbox.ListedTask> tasks = outbox.listNewTasks(mailbox, claim);
        if (tasks.size() < 2) {
            // another node listed or sent them meanwhile; one left over goes out as its own mail
            status.setRollbackOnly();
            return false;
        }
        String user = tasks.get(tasks.size() - 1).recipientUser();
        Recipient known = user == null ? null : recipients.user(user);
        Recipient to = new Recipient(user, known == null ? "" : known.name(), mailbox,
                known == null ? MailLanguage.VI : known.language(), false);
        String tasklist = links.tasklist();
        long listId = mails.queue(MailKind.NEW_TASKS, to, language -> Map.of("tasks", tasks, "tasklist", tasklist), null,
                tasklist);
        outbox.carriedBy(claim, listId);
        return true;
    }
}
