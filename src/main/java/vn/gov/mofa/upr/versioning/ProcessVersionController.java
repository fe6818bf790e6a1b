package vn.gov.mofa.upr.versioning;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.CurrentUser;

/**
 * For administrators, after a release that changed a process (docs/operations.md, Upgrading): where the running
 * instances stand, a dry run, the migration, and its report.
 */
@RestController
@RequestMapping("/api/process-versions")
class ProcessVersionController {

    static final String REFUSAL = "Chỉ quản trị hệ thống được chuyển phiên bản quy trình";

    private final ProcessVersions versions;

    ProcessVersionController(ProcessVersions versions) {
        this.versions = versions;
    }

    @GetMapping
    ProcessVersions.Report report(HttpServletRequest request) {
        CurrentUser.administrator(request, REFUSAL);
        return versions.report();
    }

    @PostMapping("/dry-run")
    ProcessVersions.DryRun dryRun(HttpServletRequest request) {
        CurrentUser.administrator(request, REFUSAL);
        return versions.dryRun();
    }

    /** @param expected the dry run's {@code movable}: the migration moves only what the administrator saw */
    @PostMapping("/migration")
    ProcessVersions.Migration migrate(@RequestParam(required = false) Long expected, HttpServletRequest request) {
        CurrentUser administrator = CurrentUser.administrator(request, REFUSAL);
        if (expected == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Hãy chạy thử trước (POST /api/process-versions/"
                    + "dry-run), rồi chuyển với số phiên bản có thể chuyển mà lần chạy thử báo: ?expected=<movable>."
                    + " Chưa chuyển gì.");
        }
        try {
            return versions.migrate(expected, administrator.userId(), administrator.groups());
        } catch (ProcessVersions.DryRunOutdated e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }
}
