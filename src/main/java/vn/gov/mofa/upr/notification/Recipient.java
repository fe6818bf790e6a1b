package vn.gov.mofa.upr.notification;

/** A Camunda user who gets mail. */
public record Recipient(String userId, String name, String email) {
}
