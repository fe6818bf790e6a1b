package vn.gov.mofa.upr.delegation;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.security.RecommendationAccess;

/**
 * An agency's focal point delegates part of its open step to its units; whoever may read the recommendation sees what
 * was delegated and answered. A unit reads its own work in Tasklist only.
 */
@RestController
class DelegationController {

    private final RecommendationRegistry registry;
    private final UnitDelegationStart start;
    private final UnitDelegations delegations;

    DelegationController(RecommendationRegistry registry, UnitDelegationStart start, UnitDelegations delegations) {
        this.registry = registry;
        this.start = start;
        this.delegations = delegations;
    }

    @PostMapping("/api/recommendations/{cycle}/{number}/delegations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> delegate(@PathVariable int cycle, @PathVariable String number,
            @RequestBody UnitDelegationStart.Request body, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        int units = start.delegate(readable(cycle, number, user), body, user);
        return Map.of("units", units, "message", "Đã giao cho " + units + " đơn vị; mỗi đơn vị có việc trong Tasklist.");
    }

    @GetMapping("/api/recommendations/{cycle}/{number}/delegations")
    List<UnitDelegation> delegations(@PathVariable int cycle, @PathVariable String number, HttpServletRequest request) {
        readable(cycle, number, CurrentUser.of(request));
        return delegations.ofRecommendation(cycle, number);
    }

    private Recommendation readable(int cycle, String number, CurrentUser user) {
        Recommendation r = registry.find(cycle, number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Không có khuyến nghị số " + number + " trong chu kỳ " + cycle + "."));
        if (!RecommendationAccess.mayRead(user, r.agencies())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Khuyến nghị này không thuộc cơ quan của Anh/Chị.");
        }
        return r;
    }
}
