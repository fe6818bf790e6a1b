package vn.gov.mofa.upr.versioning;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    @PostMapping("/migration")
    ProcessVersions.Migration migrate(HttpServletRequest request) {
        CurrentUser administrator = CurrentUser.administrator(request, REFUSAL);
        return versions.migrate(administrator.userId(), administrator.groups());
    }
}
