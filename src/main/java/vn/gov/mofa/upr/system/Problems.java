package vn.gov.mofa.upr.system;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * How the application's own API says no: an RFC 9457 problem ({@code application/problem+json}) whose {@code title}
 * names the kind of refusal and whose {@code detail} is the reason for the user, both in Vietnamese. The reason is also
 * in {@code error}, where the pages' scripts and the clients written before these problems read it. The controllers'
 * errors ({@code web.ApiErrors}) and the security filters' refusals ({@code security.Refusal}) are both built here.
 */
public final class Problems {

    /** The property that repeats the reason, for the readers of the answers before they were problems. */
    private static final String ERROR = "error";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
        problem.setTitle(title(status.value()));
        problem.setProperty(ERROR, reason);
        return problem;
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 401 -> "Cần đăng nhập";
            case 403 -> "Không có quyền";
            case 404 -> "Không tìm thấy";
            case 405 -> "Phương thức không được hỗ trợ";
            case 409 -> "Xung đột dữ liệu";
            case 415 -> "Kiểu nội dung không được hỗ trợ";
            case 429 -> "Quá nhiều lần đăng nhập sai";
            default -> status >= 500 ? "Lỗi hệ thống" : "Không thực hiện được yêu cầu";
        };
    }
}
