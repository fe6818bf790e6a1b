package vn.gov.mofa.upr.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;

/**
 * Puts a mail for one person into the outbox, rendered in that person's language: every notice goes through here.
 */
@Service
public class MailComposer {

    private final MailTemplates templates;
    private final MailOutbox outbox;

    public MailComposer(MailTemplates templates, MailOutbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    /**
     * @param model       the template values in the given language ({@code recipient} is added here)
     * @param businessKey the process instance or round the mail is about
     * @param link        where the mail leads, for the digest's list
     * @return the outbox id
     */
    public long queue(MailKind kind, Recipient to, Function<MailLanguage, Map<String, Object>> model, String businessKey,
            String link) {
        Map<String, Object> values = new HashMap<>(model.apply(to.language()));
        values.put("recipient", to.name());
        return outbox.enqueue(kind, to, templates.render(kind, to.language(), values), businessKey, link);
    }
}
