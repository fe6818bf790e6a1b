package vn.gov.mofa.upr.notification;


import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.CurrentUser;

/** Each person's own mail preferences: language ({@code vi}/{@code en}) and the daily digest. */
@RestController
public class MailPreferencesController {

    private final MailPreferences preferences;

    public MailPreferencesController(MailPreferences preferences) {
        this.preferences = preferences;
    }

    /** The mail language and whether mails come as one daily digest. */
    public record Choice(String language, Boolean digest) {
    }

    @GetMapping("/api/mail-preferences")
    public Choice get(HttpServletRequest request) {
        String user = CurrentUser.of(request).userId();
        return new Choice(preferences.language(user).code(), preferences.digest(user));
    }

    /** Changes what is given; a missing field stays as it was. */
    @PutMapping("/api/mail-preferences")
    public Choice put(@RequestBody Choice choice, HttpServletRequest request) {
        String user = CurrentUser.of(request).userId();
        if (choice.language() != null) {
            preferences.setLanguage(user, MailLanguage.of(choice.language()));
        }
        if (choice.digest() != null) {
            preferences.setDigest(user, choice.digest());
        }
        return get(request);
    }
}
