package vn.gov.mofa.upr.agencyplan;

import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.security.CurrentUser;

/**
 * An agency's own pages: its groups and which recommendation is in which ({@code /agencies/{agency}/groups}), and its
 * progress by unit and by group ({@code /agencies/{agency}/progress}). Refusals are Vietnamese pages.
 */
@Controller
class AgencyPlanPages {

    private final AgencyAccess access;
    private final InternalGroups groups;
    private final AgencyShare share;
    private final AgencyProgressQueries progress;
    private final AgencyPlans plans;

    AgencyPlanPages(AgencyAccess access, InternalGroups groups, AgencyShare share, AgencyProgressQueries progress,
            AgencyPlans plans) {
        this.access = access;
        this.groups = groups;
        this.share = share;
        this.progress = progress;
        this.plans = plans;
    }

    @GetMapping("/agencies/{agency}/groups")
    String groups(@PathVariable String agency, HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.of(request);
        Agency a = access.readable(agency, user);
        model.addAttribute("user", user);
        model.addAttribute("agency", a);
        model.addAttribute("editable", user.groups().contains(a.code()));
        var own = groups.of(a.code());
        model.addAttribute("groups", own);
        model.addAttribute("groupNames", own.stream().collect(Collectors.toMap(InternalGroup::code, InternalGroup::name)));
        model.addAttribute("items", share.of(a, null));
        model.addAttribute("latestCycle", plans.latestCycle(a));
        model.addAttribute("csrf", ApiAuthenticationFilter.csrfToken(request));
        return "agency-groups";
    }

    @GetMapping("/agencies/{agency}/progress")
    String progress(@PathVariable String agency, @RequestParam(required = false) Integer cycle,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String group,
            @RequestParam(required = false) String measure, HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.of(request);
        Agency a = access.readable(agency, user);
        model.addAttribute("user", user);
        model.addAttribute("agency", a);
        model.addAttribute("progress", progress.of(a, cycle, unit, group, measure));
        return "agency-progress";
    }

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("user", CurrentUser.of(request));
        model.addAttribute("reason", e.getReason());
        return e.getStatusCode().value() == HttpStatus.NOT_FOUND.value() ? "not-found" : "forbidden";
    }
}
