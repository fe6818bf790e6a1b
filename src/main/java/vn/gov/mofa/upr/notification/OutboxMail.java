package vn.gov.mofa.upr.notification;

import java.time.Instant;

/** One row of the outbox. */
public record OutboxMail(long id, String kind, String recipientUser, String recipientEmail, String subject,
        String bodyText, String bodyHtml, String businessKey, MailOutbox.Status status, int attempts, String lastError,
        Instant createdAt, Instant sentAt) {
}
