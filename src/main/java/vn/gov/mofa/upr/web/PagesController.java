package vn.gov.mofa.upr.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.importing.ImportLimits;
import vn.gov.mofa.upr.recommendation.RecommendationFilter;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.recommendation.Step;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.security.CurrentUser;

/** The landing page and the import page; links follow who is logged in. */
@Controller
public class PagesController {

    private final ImportLimits importLimits;
    private final RecommendationRegistry registry;

    public PagesController(ImportLimits importLimits, RecommendationRegistry registry) {
        this.importLimits = importLimits;
        this.registry = registry;
    }

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
        // the page refuses a file over the limit before sending it, in the words the server would use
        model.addAttribute("maxFileBytes", importLimits.maxFileSize().toBytes());
        model.addAttribute("tooLarge", importLimits.tooLarge());
        // what an import leaves to MOFA: the page links to the list of them (imports.js updates it after an import)
        model.addAttribute("awaitingAssignment", registry.count(RecommendationFilter.visibleTo(null).waitingIn(Step.ASSIGNMENT)));
        return user.isMofaOfficer() ? "imports" : "forbidden";
    }
}
