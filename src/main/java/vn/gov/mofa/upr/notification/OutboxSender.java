package vn.gov.mofa.upr.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Delivers the outbox over SMTP. Each node claims rows with a conditional update, so two nodes never send the
 * same mail; a claim expires, so a node that dies mid-send leaves its mails to the others. Failures are retried
 * with exponential backoff, then marked FAILED with the SMTP error. New-task mails wait for others to the same
 * person and go out as one list ({@link NewTaskBatches}).
 *
 * <p>Each mail's Message-ID is made from its outbox row, so should a node die between the SMTP server's "OK" and
 * the row's update, the copy sent again by another node carries the same Message-ID and mail clients show one.
 */
@Component
@ConditionalOnExpression("'${spring.mail.host:}' != ''")
public class OutboxSender {

    static final int MAX_ATTEMPTS = 8;
    /** Long enough to send {@link #PER_CONNECTION} mails even through a slow server. */
    private static final Duration CLAIM = Duration.ofMinutes(10);
    static final int PER_CONNECTION = 50;

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final NewTaskBatches newTasks;
    private final JavaMailSender mail;
    private final Clock clock;
    private final String from;
    private final String messageIdDomain;
    private final int batchSize;
    /** This node; a claim's token is the node and a counter, so the rows show which node sent them. */
    private final String node = UUID.randomUUID().toString();
    private final AtomicLong claims = new AtomicLong();

    public OutboxSender(MailOutbox outbox, NewTaskBatches newTasks, JavaMailSender mail, Clock clock,
            @Value("${upr.mail.from:upr-noreply@mofa.gov.vn}") String from, @Value("${upr.mail.batch-size:200}") int batchSize) {
        this.outbox = outbox;
        this.newTasks = newTasks;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.messageIdDomain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip() : "upr";
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${upr.mail.poll-interval:PT5S}")
    public void sendDue() {
        sendDue(clock.instant());
    }

    /** Sends everything due at {@code now} (tests pass a later moment to let retries fall due). */
    void sendDue(Instant now) {
        newTasks.listDue(now);
        while (sendBatch(now) == batchSize) {
            // a full batch means more may be waiting: keep going until the outbox is drained
        }
    }

    /**
     * Claims and sends one batch of due mails; returns how many were due. Rows another node claimed first are
     * left to it, and they are not due for this node's next batch either. Mails are claimed and sent a few at a
     * time over one SMTP connection: opening a connection per mail costs more than the mail.
     */
    private int sendBatch(Instant now) {
        List<Long> due = outbox.due(now, newTasks.heldAfter(now), batchSize);
        for (int from = 0; from < due.size(); from += PER_CONNECTION) {
            List<OutboxMail> claimed = outbox.claim(due.subList(from, Math.min(due.size(), from + PER_CONNECTION)),
                    node + ":" + claims.incrementAndGet(), now, now.plus(CLAIM));
            if (!claimed.isEmpty()) {
                deliver(claimed, now);
            }
        }
        return due.size();
    }

    private void deliver(List<OutboxMail> claimed, Instant now) {
        Map<MimeMessage, OutboxMail> messages = new LinkedHashMap<>();
        for (OutboxMail row : claimed) {
            try {
                messages.put(message(row), row);
            } catch (MessagingException | MailException e) {
                failed(row, e, now); // e.g. an address the SMTP library refuses: no connection needed to know
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        Map<Object, Exception> failures = Map.of();
        try {
            mail.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            // the mails not listed went out (an error closing the connection lists none)
            failures = e.getFailedMessages();
        } catch (MailException e) {
            failures = new IdentityHashMap<>();
            for (MimeMessage message : messages.keySet()) {
                failures.put(message, e);
            }
        }
        Instant sentAt = clock.instant();
        List<OutboxMail> sent = new ArrayList<>();
        for (var entry : messages.entrySet()) {
            Exception failure = failures.get(entry.getKey());
            if (failure == null) {
                sent.add(entry.getValue());
            } else {
                failed(entry.getValue(), failure, now);
            }
        }
        if (!sent.isEmpty()) {
            outbox.sent(sent, sentAt);
        }
    }

    private MimeMessage message(OutboxMail row) throws MessagingException {
        MimeMessage message = new OutboxMessage(mail.createMimeMessage().getSession(),
                "<upr." + row.id() + "." + row.createdAt().toEpochMilli() + "@" + messageIdDomain + ">");
        MimeMessageHelper helper = new OutboxMessageHelper(message);
        helper.setFrom(from);
        helper.setTo(row.recipientEmail());
        helper.setSubject(row.subject());
        if (row.bodyHtml() == null) {
            helper.setText(row.bodyText());
        } else {
            helper.setText(row.bodyText(), row.bodyHtml());
        }
        return message;
    }

    private void failed(OutboxMail row, Exception e, Instant now) {
        int attempts = row.attempts() + 1;
        boolean gaveUp = attempts >= MAX_ATTEMPTS;
        String error = String.valueOf(e.getMessage());
        if (gaveUp) {
            log.warn("Mail {} ({}) to {} FAILED after {} attempts, MOFA can resend it from /notifications: {}", row.id(),
                    row.kind(), row.recipientEmail(), attempts, error);
        } else {
            log.info("Mail {} to {} not sent (attempt {} of {}), will retry: {}", row.id(), row.recipientEmail(), attempts,
                    MAX_ATTEMPTS, error);
        }
        Instant retryAt = now.plus(Duration.ofSeconds(Math.min(3600, 15L << Math.min(attempts, 10))));
        outbox.attemptFailed(row.id(), gaveUp ? MailOutbox.Status.FAILED : MailOutbox.Status.PENDING, attempts, retryAt,
                error.substring(0, Math.min(2000, error.length())));
    }

    /**
     * Spring's helper with the shared MIME type table: its own default reads {@code mime.types} from the class path
     * again for every message (7 in 10 of the sender's CPU samples in a profile), and these mails carry no attachments.
     */
    private static final class OutboxMessageHelper extends MimeMessageHelper {

        OutboxMessageHelper(MimeMessage message) throws MessagingException {
            super(message, true, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return FileTypeMap.getDefaultFileTypeMap();
        }
    }

    /** A message whose Message-ID stays the one given (JavaMail would make a new one on every save). */
    private static final class OutboxMessage extends MimeMessage {

        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
