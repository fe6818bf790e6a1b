package vn.gov.mofa.upr.notification;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/mail/<kind>.html} and its plain-text twin {@code <kind>.txt} with Thymeleaf, which
 * escapes every value: user text cannot break the HTML.
 */
@Component
public class MailTemplates {

    private final TemplateEngine engine;

    public MailTemplates(TemplateEngine engine) {
        this.engine = engine;
    }

    public RenderedMail render(String kind, String subject, Map<String, Object> model) {
        Context context = new Context(java.util.Locale.forLanguageTag("vi"), model);
        return new RenderedMail(subject, engine.process("mail/" + kind + ".txt", context),
                engine.process("mail/" + kind, context));
    }

    @Configuration(proxyBeanMethods = false)
    static class TextTemplates {

        /** Plain-text mail bodies ({@code *.txt}); HTML pages and mails use Spring Boot's default resolver. */
        @Bean
        ClassLoaderTemplateResolver textTemplateResolver() {
            ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("templates/");
            resolver.setTemplateMode(TemplateMode.TEXT);
            resolver.setCharacterEncoding("UTF-8");
            resolver.setResolvablePatterns(java.util.Set.of("*.txt"));
            resolver.setOrder(0);
            resolver.setCheckExistence(true);
            return resolver;
        }
    }
}
