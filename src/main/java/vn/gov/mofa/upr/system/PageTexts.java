package vn.gov.mofa.upr.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The texts a page shows that are not written in its template, in the page's language (templates call it as
 * {@code @pageTexts}): labels the Java code gives in Vietnamese (steps, statuses, kinds, sorts, case-file texts), and
 * the messages the page's own script shows, handed to it as JSON in the page so that no text is written twice.
 * Vietnamese stays where it was (an enum's {@code label()} or the Java text, which documents and mails use too);
 * {@code messages_en.properties} holds the English under {@code enum.<Type>.<VALUE>} and under each text's own key
 * (implementation statuses carry their English themselves: {@link #either}). The scripts' texts, {@code js.<page>.*},
 * are in both bundles. Lives in {@code system/} so that every feature's page may use it without a package cycle.
 */
@Component
public class PageTexts {

    private final MessageSource messages;
    private final ObjectMapper json;
    private final List<String> keys;

    public PageTexts(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
        try {
            this.keys = PropertiesLoaderUtils.loadProperties(
                    new EncodedResource(new ClassPathResource("messages.properties"), StandardCharsets.UTF_8))
                    .stringPropertyNames().stream().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} as the page's language names it; {@code vietnamese} when there is no English for it. */
    public String label(Enum<?> value, String vietnamese) {
        String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        return messages.getMessage(key, null, vietnamese, LocaleContextHolder.getLocale());
    }

    /** For a value that carries both names itself (an implementation status: OHCHR's terms in English). */
    public String either(String vietnamese, String english) {
        return english() ? english : vietnamese;
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /**
     * A text computed in Java, in the page's language when {@code key} has one, {@code vietnamese} otherwise; both are
     * patterns that {@code values} fill ({0}, {1}…).
     */
    public String text(String key, String vietnamese, Object... values) {
        return messages.getMessage(key, values.length == 0 ? null : values, vietnamese, LocaleContextHolder.getLocale());
    }

    /**
     * The texts {@code js.<page>.*} and {@code js.common.*} as a JSON object (key without the prefix), for the page's
     * {@code data-texts} attribute (fragments/texts.html): patterns keep their {@code {0}} for the script to fill.
     */
    public String forScripts(String page) {
        String prefix = "js." + page + ".";
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : keys) {
            if (key.startsWith(prefix) || key.startsWith("js.common.")) {
                texts.put(key.substring(key.indexOf('.', 3) + 1), messages.getMessage(key, null, LocaleContextHolder.getLocale()));
            }
        }
        try {
            return json.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
