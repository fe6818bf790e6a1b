package vn.gov.mofa.upr.notification;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import jakarta.servlet.http.HttpServletResponse;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.system.PageTexts;

/**
 * The outbox for MOFA: what was sent, what waits, what failed with the SMTP error, found by status, kind,
 * recipient and day ({@link OutboxQuery}, in the address), a page at a time; failed mails can be resent.
 */
@Controller
public class NotificationController {

    static final int API_DEFAULT = 300;
    static final int API_MAX = 1000;
    private static final String REFUSAL = "Chỉ Bộ Ngoại giao xem được hộp thư đi";

    private final MailOutbox outbox;
    private final Clock clock;
    private final PageTexts texts;

    public NotificationController(MailOutbox outbox, Clock clock, PageTexts texts) {
        this.outbox = outbox;
        this.clock = clock;
        this.texts = texts;
    }

    /** The page; a query it cannot read shows the form again with the reason (status 400), not an error page. */
    @GetMapping("/notifications")
    public String page(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        CurrentUser user = CurrentUser.mofaOfficer(request, REFUSAL);
        model.addAttribute("user", user);
        model.addAttribute("counts", outbox.countByStatus());
        model.addAttribute("statuses", MailOutbox.Status.values());
        model.addAttribute("kinds", MailKind.values());
        model.addAttribute("kindLabels", Arrays.stream(MailKind.values()).collect(Collectors.toMap(MailKind::template, k -> texts.label(k, k.label()))));
        model.addAttribute("form", params);
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("csrf", ApiAuthenticationFilter.csrfToken(request));
        try {
            OutboxQuery query = OutboxQuery.of(params);
            MailOutbox.Found found = outbox.find(query, OutboxQuery.PAGE_SIZE, clock.getZone());
            model.addAttribute("q", query);
            model.addAttribute("mails", found.mails());
            model.addAttribute("total", found.total());
            model.addAttribute("pages", Math.max(1, (found.total() + OutboxQuery.PAGE_SIZE - 1) / OutboxQuery.PAGE_SIZE));
        } catch (ResponseStatusException e) {
            response.setStatus(e.getStatusCode().value());
            model.addAttribute("problem", e.getReason());
        }
        return "notifications";
    }

    /** The same search for scripts: {@code limit} mails a page (300, at most 1000), {@code page} from 1. */
    @GetMapping("/api/notifications")
    @ResponseBody
    public List<OutboxMail> list(@RequestParam Map<String, String> params,
            @RequestParam(defaultValue = "" + API_DEFAULT) int limit, HttpServletRequest request) {
        CurrentUser.mofaOfficer(request, REFUSAL);
        return outbox.find(OutboxQuery.of(params), Math.max(1, Math.min(limit, API_MAX)), clock.getZone()).mails();
    }

    @PostMapping("/api/notifications/{id}/resend")
    @ResponseBody
    public Map<String, Object> resend(@PathVariable long id, HttpServletRequest request) {
        CurrentUser.mofaOfficer(request, REFUSAL);
        if (!outbox.resend(id)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Chỉ gửi lại được thư ở trạng thái "
                    + MailOutbox.Status.FAILED.label() + " (FAILED)");
        }
        return Map.of("id", id, "status", MailOutbox.Status.PENDING);
    }
}
