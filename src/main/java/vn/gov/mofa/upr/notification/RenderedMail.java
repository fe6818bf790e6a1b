package vn.gov.mofa.upr.notification;

/** A mail ready to send: subject (one line), plain text and the HTML alternative. */
public record RenderedMail(String subject, String text, String html) {
}
