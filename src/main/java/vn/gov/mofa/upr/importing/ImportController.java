package vn.gov.mofa.upr.importing;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.CurrentUser;

/** {@code POST /api/imports}: MOFA uploads a recommendation list (multipart field {@code file}). */
@RestController
public class ImportController {

    private final RecommendationImport imports;

    public ImportController(RecommendationImport imports) {
        this.imports = imports;
    }

    @PostMapping("/api/imports")
    public ResponseEntity<ImportReport> importFile(@RequestParam("file") MultipartFile file,
            @RequestParam(name = "cycle", required = false) Integer cycle,
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun, HttpServletRequest request)
            throws IOException {
        if (!CurrentUser.of(request).isMofaOfficer()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ Bộ Ngoại giao được nhập danh sách khuyến nghị");
        }
        ImportReport report = imports.importFile(file.getOriginalFilename(), file.getBytes(), cycle, dryRun);
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(report);
    }
}
