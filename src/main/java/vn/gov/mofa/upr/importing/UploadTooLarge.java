package vn.gov.mofa.upr.importing;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit is refused before any controller runs; the user still gets the import's
 * usual answer, a 400 with the reason. It answers before the general one for {@code /api} ({@code web.ApiErrors}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadTooLarge {

    private final ImportLimits limits;

    public UploadTooLarge(ImportLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ImportReport> tooLarge() {
        return ResponseEntity.badRequest().body(ImportReport.rejected(List.of(RowError.ofFile(limits.tooLarge())), false));
    }
}
