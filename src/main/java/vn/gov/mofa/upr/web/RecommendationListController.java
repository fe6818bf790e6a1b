package vn.gov.mofa.upr.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.TaskGroups;
import vn.gov.mofa.upr.importing.AnnexWriter;
import vn.gov.mofa.upr.recommendation.BulkAssignment;
import vn.gov.mofa.upr.recommendation.Change;
import vn.gov.mofa.upr.recommendation.CurrentSteps;
import vn.gov.mofa.upr.recommendation.CurrentSteps.CurrentStep;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationPage;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.recommendation.RecommendationSort;
import vn.gov.mofa.upr.recommendation.Step;
import vn.gov.mofa.upr.reporting.ImplementationStatus;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.security.CurrentUser;

/**
 * {@code /recommendations}: find any recommendation the user may see (MOFA: all; an agency: those it leads or
 * coordinates), export exactly that list as an annex the import reads back, and, for MOFA officers, assign many at once.
 */
@Controller
public class RecommendationListController {

    static final String BULK_REFUSAL = "Chỉ Bộ Ngoại giao (cán bộ theo dõi) được phân công cơ quan chủ trì, phối hợp.";

    private final RecommendationRegistry registry;
    private final CurrentSteps currentSteps;
    private final AgencyDirectory agencies;
    private final TaskGroups taskGroups;
    private final AnnexWriter annex;
    private final BulkAssignment bulk;

    public RecommendationListController(RecommendationRegistry registry, CurrentSteps currentSteps, AgencyDirectory agencies,
            TaskGroups taskGroups, AnnexWriter annex, BulkAssignment bulk) {
        this.registry = registry;
        this.currentSteps = currentSteps;
        this.agencies = agencies;
        this.taskGroups = taskGroups;
        this.annex = annex;
        this.bulk = bulk;
    }

    /** One row of the list: the recommendation, where it stands, and the address of its case page. */
    public record Row(Recommendation recommendation, List<CurrentStep> steps, String caseUrl, boolean awaitsAssignment,
            ImplementationStatus status) {
    }

    @GetMapping("/recommendations")
    public String list(@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.of(request);
        RecommendationListQuery query = RecommendationListQuery.of(params);
        RecommendationPage page = registry.search(query.filter(user.visibleAgencies()), query.sort(), query.page() - 1,
                RecommendationListQuery.PAGE_SIZE);
        Map<String, List<CurrentStep>> steps = currentSteps.of(page.content());
        List<Row> rows = page.content().stream().map(r -> {
            List<CurrentStep> now = r.processInstanceId() == null ? List.of() : steps.getOrDefault(r.processInstanceId(), List.of());
            return new Row(r, now, "/recommendations/" + r.cycle() + "/" + r.number(),
                    now.stream().anyMatch(s -> s.step() == Step.ASSIGNMENT), ImplementationStatus.of(r.implementationStatus()));
        }).toList();
        model.addAttribute("user", user);
        model.addAttribute("csrf", ApiAuthenticationFilter.csrfToken(request));
        model.addAttribute("query", query);
        model.addAttribute("rows", rows);
        model.addAttribute("total", page.totalElements());
        model.addAttribute("pages", Math.max(1, (page.totalElements() + RecommendationListQuery.PAGE_SIZE - 1) / RecommendationListQuery.PAGE_SIZE));
        model.addAttribute("cycles", registry.cycles());
        model.addAttribute("agencies", agencies.all());
        model.addAttribute("taskGroups", taskGroups.all().values());
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("steps", Step.values());
        model.addAttribute("sorts", RecommendationSort.values());
        model.addAttribute("changes", Change.values());
        model.addAttribute("names", agencies);
        return "recommendations";
    }

    @GetMapping("/recommendations/export.{format:csv|xlsx}")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable String format, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        RecommendationListQuery query = RecommendationListQuery.of(params);
        List<Recommendation> found = registry.all(query.filter(CurrentUser.of(request).visibleAgencies()), query.sort());
        boolean csv = format.equals("csv");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(csv ? AnnexWriter.CSV_TYPE : AnnexWriter.XLSX_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"khuyen-nghi." + format + "\"")
                .body(out -> {
                    if (csv) {
                        annex.csv(found, out);
                    } else {
                        annex.xlsx(found, out);
                    }
                });
    }

    /** What the list page sends: the selected recommendations and, optionally, the agencies to set for all. */
    public record BulkRequest(List<BulkAssignment.Item> items, String leadAgency, List<String> coordinatingAgencies,
            String taskGroup, String planDueDate) {
    }

    /** The outcome of each selected recommendation, in the order sent. */
    public record BulkAnswer(long done, long refused, List<BulkAssignment.Outcome> outcomes) {
    }

    @PostMapping("/api/recommendations/assignments")
    @ResponseBody
    public BulkAnswer assign(@RequestBody BulkRequest body, HttpServletRequest request) {
        CurrentUser officer = CurrentUser.mofaOfficer(request, BULK_REFUSAL);
        if (body.items() == null || body.items().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Chưa chọn khuyến nghị nào để phân công.");
        }
        if (body.items().size() > BulkAssignment.MAX_ITEMS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Mỗi lần phân công tối đa " + BulkAssignment.MAX_ITEMS
                    + " khuyến nghị; đã chọn " + body.items().size() + ".");
        }
        var outcomes = bulk.assign(body.items(), new BulkAssignment.Choice(blankToNull(body.leadAgency()),
                body.coordinatingAgencies() == null || body.coordinatingAgencies().isEmpty() && blankToNull(body.leadAgency()) == null
                        ? null : body.coordinatingAgencies(),
                blankToNull(body.taskGroup()), blankToNull(body.planDueDate())), officer);
        long done = outcomes.stream().filter(BulkAssignment.Outcome::done).count();
        return new BulkAnswer(done, outcomes.size() - done, outcomes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
