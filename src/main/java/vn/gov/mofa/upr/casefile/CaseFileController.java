package vn.gov.mofa.upr.casefile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.delegation.CaseDelegations;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.security.RecommendationAccess;

/**
 * The case page of a recommendation ({@code /recommendations/{cycle}/{number}}), its evidence files' upload
 * ({@code POST /api/...}, with the page's CSRF token) and download. Whoever may read the recommendation
 * (RecommendationAccess) reads all of it; another agency gets 403, an unknown number 404.
 */
@Controller
class CaseFileController {

    static final String NOT_FOUND = "Không có khuyến nghị %s trong chu kỳ %d.";
    static final String FORBIDDEN = "Khuyến nghị này không do cơ quan của bạn chủ trì hay phối hợp thực hiện, nên bạn không xem được hồ sơ của nó.";
    static final String FILE_NOT_FOUND = "Không có tệp minh chứng này trong hồ sơ khuyến nghị %s.";

    private final RecommendationRegistry registry;
    private final CaseFiles caseFiles;
    private final EvidenceUpload upload;
    private final EvidenceFiles files;
    private final EvidenceLimits limits;
    private final Clock clock;

    private final CaseDelegations delegations;

    CaseFileController(RecommendationRegistry registry, CaseFiles caseFiles, EvidenceUpload upload, EvidenceFiles files,
            EvidenceLimits limits, CaseDelegations delegations, Clock clock) {
        this.registry = registry;
        this.delegations = delegations;
        this.caseFiles = caseFiles;
        this.upload = upload;
        this.files = files;
        this.limits = limits;
        this.clock = clock;
    }

    @GetMapping("/recommendations/{cycle}/{number}")
    String page(@PathVariable int cycle, @PathVariable String number, HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.of(request);
        Recommendation r = readablePage(cycle, number, user);
        model.addAttribute("user", user);
        model.addAttribute("file", caseFiles.of(r, user));
        model.addAttribute("csrf", ApiAuthenticationFilter.csrfToken(request));
        model.addAttribute("maxFileBytes", limits.maxFileSize().toBytes());
        model.addAttribute("tooLarge", limits.tooLarge());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("delegations", delegations.of(cycle, number));
        model.addAttribute("units", delegations.unitsOf(user.groups()));
        return "recommendation";
    }

    /**
     * A unit's page for the part it was given: what it was asked, by when, its evidence files and the upload. Only the
     * unit holding an open delegated part of this recommendation sees it; it shows nothing else of the recommendation.
     */
    @GetMapping("/recommendations/{cycle}/{number}/unit-work")
    String unitWork(@PathVariable int cycle, @PathVariable String number, HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.of(request);
        Recommendation r;
        try {
            r = found(cycle, number);
        } catch (ResponseStatusException e) {
            throw new PageRefused(e.getStatusCode(), e.getReason());
        }
        List<UnitWork> work = caseFiles.unitWork(r, user);
        if (work.isEmpty()) {
            throw new PageRefused(HttpStatus.FORBIDDEN, "Đơn vị của Anh/Chị không có phần việc đang mở của khuyến nghị này.");
        }
        model.addAttribute("user", user);
        model.addAttribute("r", r);
        model.addAttribute("work", work);
        model.addAttribute("csrf", ApiAuthenticationFilter.csrfToken(request));
        model.addAttribute("maxFileBytes", limits.maxFileSize().toBytes());
        model.addAttribute("tooLarge", limits.tooLarge());
        model.addAttribute("zone", clock.getZone());
        return "unit-work";
    }

    @PostMapping("/api/recommendations/{cycle}/{number}/evidence")
    @ResponseBody
    ResponseEntity<EvidenceFile> upload(@PathVariable int cycle, @PathVariable String number, @RequestParam("task") String taskId,
            @RequestParam("file") MultipartFile file, HttpServletRequest request) throws IOException {
        CurrentUser user = CurrentUser.of(request);
        Recommendation r = found(cycle, number);
        if (!RecommendationAccess.mayRead(user, r.agencies()) && !upload.holdsUnitStep(r, taskId, user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, FORBIDDEN);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(upload.attach(r, taskId, user, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/recommendations/{cycle}/{number}/evidence/{id}")
    void download(@PathVariable int cycle, @PathVariable String number, @PathVariable long id, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        readablePage(cycle, number, CurrentUser.of(request));
        Optional<EvidenceFile> evidence = files.find(cycle, number, id);
        if (evidence.isEmpty()) {
            throw new PageRefused(HttpStatus.NOT_FOUND, FILE_NOT_FOUND.formatted(number));
        }
        byte[] content = files.content(id);
        // always as an attachment: a file is never shown inside the application's pages
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(evidence.get().fileName(), StandardCharsets.UTF_8).build().toString());
        response.setContentType(evidence.get().mediaType());
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    private Recommendation found(int cycle, String number) {
        return registry.find(cycle, number).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND.formatted(number, cycle)));
    }

    private Recommendation readable(int cycle, String number, CurrentUser user) {
        Recommendation r = found(cycle, number);
        if (!RecommendationAccess.mayRead(user, r.agencies())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, FORBIDDEN);
        }
        return r;
    }

    /** For a page, the same refusal as a Vietnamese page instead of a problem. */
    private Recommendation readablePage(int cycle, String number, CurrentUser user) {
        try {
            return readable(cycle, number, user);
        } catch (ResponseStatusException e) {
            throw new PageRefused(e.getStatusCode(), e.getReason());
        }
    }

    /** A page's answer when the recommendation or file is unknown, or not the user's to read. */
    static final class PageRefused extends RuntimeException {
        final HttpStatusCode status;

        PageRefused(HttpStatusCode status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    @ExceptionHandler(PageRefused.class)
    String refused(PageRefused e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.status.value());
        model.addAttribute("user", CurrentUser.of(request));
        model.addAttribute("reason", e.getMessage());
        return e.status.value() == HttpStatus.NOT_FOUND.value() ? "not-found" : "forbidden";
    }
}
