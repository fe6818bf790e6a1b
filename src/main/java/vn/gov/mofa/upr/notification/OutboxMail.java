package vn.gov.mofa.upr.notification;

import java.time.Instant;

/** One row of the outbox; {@code digestId} is the digest mail that carried it, for a digest reader's mail. */
public record OutboxMail(long id, String kind, String recipientUser, String recipientEmail, String subject,
        String bodyText, String bodyHtml, String businessKey, MailOutbox.Status status, int attempts, String lastError,
        Instant createdAt, Instant sentAt, Long digestId) {
}
