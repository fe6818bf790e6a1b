package vn.gov.mofa.upr.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.security.CurrentUser;

/**
 * The outbox for MOFA: what was sent, what waits, what failed with the SMTP error ({@code ?status=FAILED});
 * failed mails can be resent.
 */
@Controller
public class NotificationController {

    static final int SHOWN = 300;
    private static final String REFUSAL = "Chỉ Bộ Ngoại giao xem được hộp thư đi";

    private final MailOutbox outbox;
    private final Clock clock;

    public NotificationController(MailOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @GetMapping("/notifications")
    public String page(HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.mofaOfficer(request, REFUSAL);
        model.addAttribute("user", user);
        model.addAttribute("mails", outbox.recent(SHOWN));
        model.addAttribute("counts", outbox.countByStatus());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("csrf", ApiAuthenticationFilter.csrfToken(request));
        return "notifications";
    }

    @GetMapping("/api/notifications")
    @ResponseBody
    public List<OutboxMail> list(@RequestParam(defaultValue = "" + SHOWN) int limit,
            @RequestParam(required = false) String status, HttpServletRequest request) {
        CurrentUser.mofaOfficer(request, REFUSAL);
        int shown = Math.max(1, Math.min(limit, 1000));
        return status == null || status.isBlank() ? outbox.recent(shown) : outbox.recent(shown, statusOf(status));
    }

    @PostMapping("/api/notifications/{id}/resend")
    @ResponseBody
    public Map<String, Object> resend(@PathVariable long id, HttpServletRequest request) {
        CurrentUser.mofaOfficer(request, REFUSAL);
        if (!outbox.resend(id)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Chỉ gửi lại được thư ở trạng thái FAILED");
        }
        return Map.of("id", id, "status", MailOutbox.Status.PENDING);
    }

    private static MailOutbox.Status statusOf(String status) {
        try {
            return MailOutbox.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Trạng thái không hợp lệ: '" + status + "' (một trong "
                    + java.util.Arrays.toString(MailOutbox.Status.values()) + ")");
        }
    }
}
