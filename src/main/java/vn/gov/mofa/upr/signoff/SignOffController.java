package vn.gov.mofa.upr.signoff;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.security.CurrentUser;

/** MOFA sets, per agency, whether its leader signs off plans and reports; an agency reads its own setting. */
@Controller
class SignOffController {

    record Setting(String agency, String name, boolean required) {
    }

    record Change(Boolean required) {
    }

    private final AgencySignOff signOff;
    private final AgencyDirectory agencies;

    SignOffController(AgencySignOff signOff, AgencyDirectory agencies) {
        this.signOff = signOff;
        this.agencies = agencies;
    }

    @GetMapping("/sign-off")
    String page(HttpServletRequest request, Model model) {
        model.addAttribute("user", CurrentUser.of(request));
        model.addAttribute("settings", settings(request));
        model.addAttribute("csrf", ApiAuthenticationFilter.csrfToken(request));
        return "sign-off";
    }

    @GetMapping("/api/sign-off")
    @ResponseBody
    List<Setting> settings(HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        Map<String, Boolean> set = signOff.settings();
        return agencies.all().stream().filter(a -> !Agency.MOFA.equals(a.code()))
                .filter(a -> user.seesEverything() || user.agencies().contains(a.code()))
                .map(a -> new Setting(a.code(), a.nameVi(), set.getOrDefault(a.code(), signOff.requiredByDefault())))
                .toList();
    }

    @PutMapping("/api/sign-off/{agency}")
    @ResponseBody
    Setting change(@PathVariable String agency, @RequestBody Change change, HttpServletRequest request) {
        CurrentUser user = CurrentUser.mofaOfficer(request,
                "Chỉ Bộ Ngoại giao bật, tắt việc lãnh đạo cơ quan ký duyệt. Chưa thay đổi gì.");
        Agency target = agencies.byCode(agency).filter(a -> !Agency.MOFA.equals(a.code())).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có cơ quan mã '" + agency + "'."));
        if (change == null || change.required() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Cần cho biết có yêu cầu ký duyệt hay không (required: true/false).");
        }
        signOff.set(target.code(), change.required(), user.userId());
        return new Setting(target.code(), target.nameVi(), change.required());
    }
}
