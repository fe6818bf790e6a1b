package vn.gov.mofa.upr.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.CurrentUser;

/** {@code /dashboard} for people, {@code /api/dashboard} for programs: the same figures. */
@Controller
public class DashboardController {

    private final DashboardQueries queries;

    public DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/dashboard")
    public String page(HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.of(request);
        model.addAttribute("user", user);
        model.addAttribute("dashboard", queries.forUser(user));
        return "dashboard";
    }

    @GetMapping("/api/dashboard")
    @ResponseBody
    public Dashboard json(HttpServletRequest request) {
        return queries.forUser(CurrentUser.of(request));
    }
}
