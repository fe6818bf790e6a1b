package vn.gov.mofa.upr.importing;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.system.Problems;

/**
 * An upload over the multipart limit is refused before any controller runs; the user still gets the import's
 * usual answer, a 400 with the reason. Any other upload (an evidence file) gets a problem naming the multipart limit,
 * which is that upload's own limit ({@code upr.evidence.max-file-size}). It answers before the general one for
 * {@code /api} ({@code web.ApiErrors}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadTooLarge {

    private final ImportLimits limits;
    private final DataSize uploadLimit;

    public UploadTooLarge(ImportLimits limits, @Value("${spring.servlet.multipart.max-file-size}") DataSize uploadLimit) {
        this.limits = limits;
        this.uploadLimit = uploadLimit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(HttpServletRequest request) {
        if (request.getRequestURI().equals(request.getContextPath() + "/api/imports")) {
            return ResponseEntity.badRequest().body(ImportReport.rejected(List.of(RowError.ofFile(limits.tooLarge())), false));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(HttpStatus.BAD_REQUEST,
                "Tệp quá lớn; mỗi tệp tối đa %s MB. Chưa lưu gì.".formatted(ImportLimits.number(uploadLimit.toMegabytes()))));
    }
}
