package vn.gov.mofa.upr.reporting;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
    private final CoverageSentences sentences;
    private final Clock clock;

    public RoundsPageController(ReportingRoundController rounds, CoverageSentences sentences, Clock clock) {
        this.rounds = rounds;
        this.sentences = sentences;
        this.clock = clock;
    }

    @GetMapping("/rounds")
    public String rounds(HttpServletRequest request, Locale locale, Model model) {
        CurrentUser user = CurrentUser.of(request);
        List<ReportingRoundController.RoundRecord> records = rounds.records(user);
        model.addAttribute("user", user);
        model.addAttribute("rounds", records);
        // what each round covered when it opened, for MOFA (who chose the scope); rounds opened before it was kept have none
        Map<String, List<String>> coverage = user.seesEverything() ? records.stream().filter(r -> r.coverage() != null)
                .collect(Collectors.toMap(r -> r.round().id(), r -> sentences.of(r.coverage(), locale))) : Map.of();
        model.addAttribute("coverage", coverage);
        model.addAttribute("zone", clock.getZone());
        return "rounds";
    }
}
