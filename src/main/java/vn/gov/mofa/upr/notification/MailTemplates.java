package vn.gov.mofa.upr.notification;

import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The one way a mail is made: kind + language + model → subject, plain text and HTML, from
 * {@code templates/mail/<language>/<kind>.subject.txt}, {@code .txt} and {@code .html} (and the one line from
 * {@code .summary.txt} for a kind listed in a mail of several). The HTML templates
 * print values with {@code th:text} only, which escapes them: recommendation texts and comments cannot break
 * the HTML.
 */
@Component
public class MailTemplates {

    private final TemplateEngine engine;

    public MailTemplates(TemplateEngine engine) {
        this.engine = engine;
    }

    public RenderedMail render(MailKind kind, MailLanguage language, Map<String, Object> model) {
        Context context = new Context(language.locale(), model);
        String base = "mail/" + language.code() + "/" + kind.template();
        // a subject is one header line: user text with line breaks must not add headers or break the line
        String subject = engine.process(base + ".subject.txt", context).replaceAll("\\s+", " ").strip();
        context.setVariable("subject", subject);
        String summary = kind.listable() ? engine.process(base + ".summary.txt", context).replaceAll("\\s+", " ").strip() : null;
        return new RenderedMail(subject, engine.process(base + ".txt", context), engine.process(base, context), summary);
    }

    @Configuration(proxyBeanMethods = false)
    static class TextTemplates {

        /** Plain-text mail parts and subjects ({@code *.txt}); HTML pages and mails use Spring Boot's default resolver. */
        @Bean
        ClassLoaderTemplateResolver textTemplateResolver() {
            ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("templates/");
            resolver.setTemplateMode(TemplateMode.TEXT);
            resolver.setCharacterEncoding("UTF-8");
            resolver.setResolvablePatterns(Set.of("*.txt"));
            resolver.setOrder(0);
            resolver.setCheckExistence(true);
            return resolver;
        }
    }
}
