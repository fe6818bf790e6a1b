package vn.gov.mofa.upr.recommendation;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.security.RecommendationAccess;

/** The registry over REST: MOFA sees every recommendation, an agency those it leads or coordinates. */
@RestController
public class RecommendationController {

    static final int MAX_PAGE_SIZE = 1000;

    private final RecommendationRegistry registry;
    private final RuntimeService runtime;
    private final RecommendationAudit audit;

    public RecommendationController(RecommendationRegistry registry, RuntimeService runtime, RecommendationAudit audit) {
        this.registry = registry;
        this.runtime = runtime;
        this.audit = audit;
    }

    @GetMapping("/api/recommendations")
    public RecommendationPage list(@RequestParam(required = false) Integer cycle,
            @RequestParam(required = false) String agency, @RequestParam(required = false) String taskGroup,
            @RequestParam(required = false) String status, @RequestParam(required = false) String theme,
            @RequestParam(required = false) String sdg, @RequestParam(required = false) String q,
            @RequestParam(required = false) String step,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            HttpServletRequest request) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page >= 0 và 1 <= size <= " + MAX_PAGE_SIZE);
        }
        Step current = step == null ? null : Step.ofCode(step).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "Bước không hợp lệ: '" + step + "'"));
        return registry.search(new RecommendationFilter(cycle, agency, taskGroup, status, theme, sdg, q, null, null, null,
                current, false, null, false, null, null, CurrentUser.of(request).visibleAgencies()), page, size);
    }

    @GetMapping("/api/recommendations/{cycle}/{number}")
    public RecommendationDetails one(@PathVariable int cycle, @PathVariable String number, HttpServletRequest request) {
        Recommendation r = registry.find(cycle, number)
                .filter(found -> RecommendationAccess.mayRead(CurrentUser.of(request), found.agencies()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có khuyến nghị " + number));
        return new RecommendationDetails(r, currentSteps(r.processInstanceId()), audit.of(r.processInstanceId()));
    }

    /** Where the instance stands: the names of the activities it waits in (empty when it has ended). */
    private List<String> currentSteps(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        if (tree == null) {
            return List.of();
        }
        var names = new java.util.ArrayList<String>();
        collectLeaves(tree, names);
        return names;
    }

    private static void collectLeaves(ActivityInstance node, List<String> names) {
        if (node.getChildActivityInstances().length == 0 && node.getActivityName() != null) {
            names.add(node.getActivityName());
        }
        for (ActivityInstance child : node.getChildActivityInstances()) {
            collectLeaves(child, names);
        }
    }

    /** A recommendation with where its process stands and who decided what on it. */
    public record RecommendationDetails(Recommendation recommendation, List<String> currentSteps,
            List<RecommendationAudit.Decision> decisions) {
    }
}
