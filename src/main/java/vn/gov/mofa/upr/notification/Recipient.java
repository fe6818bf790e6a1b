package vn.gov.mofa.upr.notification;

/** A Camunda user who gets mail, in their language, one by one or in the daily digest. */
public record Recipient(String userId, String name, String email, MailLanguage language, boolean digest) {

    /** Someone who reads Vietnamese and gets each mail as it comes. */
    public Recipient(String userId, String name, String email) {
        this(userId, name, email, MailLanguage.VI, false);
    }
}
