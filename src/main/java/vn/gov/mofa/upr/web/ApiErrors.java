package vn.gov.mofa.upr.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.system.Problems;

/**
 * What a request to {@code /api} that fails answers: a problem ({@link Problems}) with the reason in Vietnamese, the
 * field or the limit named — the endpoints' own refusals, and what Spring would otherwise answer in English (a body
 * that is not JSON, a parameter of the wrong type, a wrong method …). Other paths (the pages) keep Spring's error page,
 * except for the endpoints' own refusals. An advice of a feature with its own answer (importing's upload limit) comes
 * first: it has a higher precedence than this one's, which is the lowest.
 */
@RestControllerAdvice
public class ApiErrors {

    static final String UNEXPECTED = "Đã xảy ra lỗi ngoài dự kiến. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị hệ thống.";

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> refused(ResponseStatusException e) {
        return answer(e.getStatusCode(), String.valueOf(e.getReason()), e.getHeaders());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        String reason = "Nội dung yêu cầu không đọc được: cần một đối tượng JSON hợp lệ.";
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(part -> part.getFieldName() != null ? part.getFieldName() : "[" + part.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String given = mismatch instanceof InvalidFormatException format ? " '" + format.getValue() + "'" : "";
            reason = "Giá trị" + given + " của trường '" + field + "' không hợp lệ: cần " + expected(mismatch.getTargetType()) + ".";
        }
        return answer(HttpStatus.BAD_REQUEST, reason, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameterType(MethodArgumentTypeMismatchException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return answer(HttpStatus.BAD_REQUEST, "Tham số '" + e.getName() + "' phải là " + expected(e.getRequiredType())
                + " (nhận được '" + e.getValue() + "').", HttpHeaders.EMPTY);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return answer(HttpStatus.BAD_REQUEST, "Thiếu tham số '" + e.getParameterName() + "'.", HttpHeaders.EMPTY);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return answer(HttpStatus.BAD_REQUEST, "Thiếu tệp gửi kèm '" + e.getRequestPartName() + "'.", HttpHeaders.EMPTY);
    }

    /** A file sent other than as a form upload; an upload over the limit is importing's ({@code UploadTooLarge}). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notAnUpload(MultipartException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return answer(HttpStatus.BAD_REQUEST, "Tệp phải được gửi dạng biểu mẫu tải lên (multipart/form-data).", HttpHeaders.EMPTY);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        String supported = e.getSupportedMethods() == null ? "" : " (chỉ nhận " + String.join(", ", e.getSupportedMethods()) + ")";
        return answer(e.getStatusCode(), "Địa chỉ này không nhận phương thức " + e.getMethod() + supported + ".", e.getHeaders());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        String sent = e.getContentType() == null ? "không rõ" : e.getContentType().toString();
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return answer(e.getStatusCode(), "Không nhận nội dung kiểu " + sent
                + (supported.isEmpty() ? "" : "; hãy gửi " + supported) + ".", e.getHeaders());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchAddress(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return answer(HttpStatus.NOT_FOUND, "Không có địa chỉ " + request.getRequestURI() + ".", HttpHeaders.EMPTY);
    }

    /**
     * Anything else: Spring's own refusals keep their status; a failure of the application is a 500 whose cause goes to
     * the log, not to the user.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            throw e;
        }
        if (e instanceof ErrorResponse spring && !spring.getStatusCode().is5xxServerError()) {
            return answer(spring.getStatusCode(), "Không thực hiện được yêu cầu (mã " + spring.getStatusCode().value() + ").",
                    spring.getHeaders());
        }
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatusCode status, String reason, HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, reason));
    }

    /** Rethrown, the exception goes on to Spring's own handling: the error page of the pages. */
    private static void apiOnly(HttpServletRequest request, Exception e) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
    }

    /** What a value of this type looks like, for the user. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "một giá trị khác";
        }
        if (type.isEnum()) {
            return "một trong " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true hoặc false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "một số nguyên";
        }
        if (type == LocalDate.class) {
            return "một ngày dạng yyyy-MM-dd";
        }
        if (type == String.class) {
            return "một chuỗi chữ";
        }
        return "kiểu " + type.getSimpleName();
    }
}
