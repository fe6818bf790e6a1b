package vn.gov.mofa.upr.notification;

/**
 * A mail ready to send: subject (one line), plain text and the HTML alternative; {@code summary} is its one line in
 * a mail listing several (only for {@link MailKind#listable()} kinds, else null).
 */
public record RenderedMail(String subject, String text, String html, String summary) {

    public RenderedMail(String subject, String text, String html) {
        this(subject, text, html, null);
    }
}
