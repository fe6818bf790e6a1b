package vn.gov.mofa.upr.notification;

/** A Camunda user who gets mail, in their language, one by one or in the daily digest. */
public record Recipient(String userId, String name, String email, MailLanguage language, boolean digest) {
}
