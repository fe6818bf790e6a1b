package vn.gov.mofa.upr;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A mail as its reader sees it: recipient, decoded subject and the plain-text body (UTF-8 decoded). */
public record ReceivedMail(String to, String subject, String text) {

    public static List<ReceivedMail> of(MimeMessage[] messages) {
        return Arrays.stream(messages).map(ReceivedMail::of).toList();
    }

    public static ReceivedMail of(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return new ReceivedMail(to == null || to.length == 0 ? null : to[0].toString(), message.getSubject(),
                    plainText(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = plainText(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
