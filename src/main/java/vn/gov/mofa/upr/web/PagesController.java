package vn.gov.mofa.upr.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.security.CurrentUser;

/** The landing page and the import page; links follow who is logged in. */
@Controller
public class PagesController {

    @GetMapping("/")
    public String landing(HttpServletRequest request, Model model) {
        model.addAttribute("user", ApiAuthenticationFilter.fromSession(request));
        return "landing";
    }

    @GetMapping("/imports")
    public String imports(HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.of(request);
        model.addAttribute("user", user);
        model.addAttribute("csrf", ApiAuthenticationFilter.csrfToken(request));
        return user.isMofaOfficer() ? "imports" : "forbidden";
    }
}
