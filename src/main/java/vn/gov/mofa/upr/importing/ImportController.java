package vn.gov.mofa.upr.importing;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.security.CurrentUser;

/** {@code POST /api/imports}: MOFA uploads a recommendation list (multipart field {@code file}); and the import log. */
@RestController
public class ImportController {

    static final int SHOWN = 20;
    private static final String REFUSAL = "Chỉ Bộ Ngoại giao được nhập danh sách khuyến nghị";
    /** True because an import writes in one transaction: a failure inside it leaves the registry as it was. */
    private static final String FAILED = "Máy chủ gặp lỗi ngoài dự kiến khi nhập tệp; việc nhập đã được huỷ trọn vẹn nên chưa nhập "
            + "khuyến nghị nào. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị hệ thống.";

    private static final Logger logger = LoggerFactory.getLogger(ImportController.class);

    private final RecommendationImport imports;
    private final ImportLog log;

    public ImportController(RecommendationImport imports, ImportLog log) {
        this.imports = imports;
        this.log = log;
    }

    @PostMapping("/api/imports")
    public ResponseEntity<ImportReport> importFile(@RequestParam("file") MultipartFile file,
            @RequestParam(name = "cycle", required = false) Integer cycle,
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun, HttpServletRequest request)
            throws IOException {
        CurrentUser user = CurrentUser.mofaOfficer(request, REFUSAL);
        ImportReport report;
        try {
            report = imports.importFile(file.getOriginalFilename(), file.getBytes(), cycle, dryRun, user.userId());
        } catch (RuntimeException failure) {
            logger.error("Import of '{}' by {} failed", file.getOriginalFilename(), user.userId(), failure);
            throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, FAILED, failure);
        }
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(report);
    }

    /** {@code GET /api/imports}: the latest imports, newest first: who, which file, when, what it did. */
    @GetMapping("/api/imports")
    public List<ImportLog.Entry> history(HttpServletRequest request) {
        CurrentUser.mofaOfficer(request, REFUSAL);
        return log.latest(SHOWN);
    }

    /** {@code GET /api/imports/template.xlsx}: the empty annex with one example row, for MOFA to send to ministries. */
    @GetMapping("/api/imports/template.xlsx")
    public ResponseEntity<byte[]> xlsxTemplate(HttpServletRequest request) {
        CurrentUser.mofaOfficer(request, REFUSAL);
        return download(AnnexTemplate.xlsx(), AnnexWriter.XLSX_TYPE, "mau-phu-luc-khuyen-nghi.xlsx");
    }

    /** {@code GET /api/imports/template.csv}: the same as CSV (UTF-8 with BOM, comma separated). */
    @GetMapping("/api/imports/template.csv")
    public ResponseEntity<byte[]> csvTemplate(HttpServletRequest request) {
        CurrentUser.mofaOfficer(request, REFUSAL);
        return download(AnnexTemplate.csv(), AnnexWriter.CSV_TYPE, "mau-phu-luc-khuyen-nghi.csv");
    }

    private static ResponseEntity<byte[]> download(byte[] content, String type, String filename) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(content);
    }
}
