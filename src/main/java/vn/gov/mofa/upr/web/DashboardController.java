package vn.gov.mofa.upr.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.CurrentUser;

/**
 * {@code /dashboard} for people, {@code /api/dashboard} for programs: the same figures, over one cycle
 * ({@code ?cycle=3}) or all, with what changed since a day ({@code ?since=2026-11-01}, default a week ago). The
 * parameters read as the list's do, with its Vietnamese refusals.
 */
@Controller
public class DashboardController {

    private final DashboardQueries queries;

    public DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/dashboard")
    public String page(@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.of(request);
        model.addAttribute("user", user);
        model.addAttribute("dashboard", dashboard(params, user));
        return "dashboard";
    }

    @GetMapping("/api/dashboard")
    @ResponseBody
    public Dashboard json(@RequestParam Map<String, String> params, HttpServletRequest request) {
        return dashboard(params, CurrentUser.of(request));
    }

    private Dashboard dashboard(Map<String, String> params, CurrentUser user) {
        RecommendationListQuery asked = RecommendationListQuery.of(Map.of("cycle", params.getOrDefault("cycle", ""),
                "since", params.getOrDefault("since", "")));
        return queries.forUser(user, asked.cycle(), asked.since());
    }
}
