package vn.gov.mofa.upr.web;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The product's own pages speak Vietnamese, or English when asked with {@code ?lang=en} ({@code ?lang=vi} back): the
 * choice is kept for the browser session in cookie {@value #COOKIE}, which the Camunda webapps' {@code upr-locale.js}
 * reads too, so Tasklist and Cockpit follow the same switch. The browser's own language is never used: ministries'
 * computers are often set to English, and their users read Vietnamese. Texts are in {@code messages.properties}
 * (Vietnamese) and {@code messages_en.properties}; task names and forms stay Vietnamese in both.
 */
@Configuration
public class Languages implements WebMvcConfigurer {

    public static final String COOKIE = "upr.lang";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            /** Only the two languages the pages have; anything else asked for is Vietnamese. */
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE);
            }
        };
        resolver.setDefaultLocaleFunction(request -> VIETNAMESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
