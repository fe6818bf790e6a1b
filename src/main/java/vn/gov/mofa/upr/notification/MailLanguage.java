package vn.gov.mofa.upr.notification;

import java.util.Locale;

/** The language a person reads mails in: Vietnamese, the working language, unless they chose English. */
public enum MailLanguage {

    VI("vi"), EN("en");

    private final String code;

    MailLanguage(String code) {
        this.code = code;
    }

    /** As stored in the user's preference and used as the template folder: {@code vi}, {@code en}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** An unknown or missing preference means Vietnamese. */
    public static MailLanguage of(String code) {
        return code != null && EN.code.equalsIgnoreCase(code.strip()) ? EN : VI;
    }
}
