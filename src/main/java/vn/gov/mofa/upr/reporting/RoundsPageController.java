package vn.gov.mofa.upr.reporting;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.CurrentUser;

/**
 * Page {@code /rounds}: every reporting round, open or closed, with its progress and downloads. MOFA sees every
 * agency's reports and the kept editions (approved, returned with the leader's comment); an agency sees its own
 * progress and downloads its extract, as the rounds' API lets it.
 */
@Controller
public class RoundsPageController {

    private final ReportingRoundController rounds;
    private final Clock clock;

    public RoundsPageController(ReportingRoundController rounds, Clock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    @GetMapping("/rounds")
    public String rounds(HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.of(request);
        model.addAttribute("user", user);
        model.addAttribute("rounds", rounds.records(user));
        model.addAttribute("zone", clock.getZone());
        return "rounds";
    }
}
