package vn.gov.mofa.upr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.MissingServletRequestParameterException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.ApplicationTest;

/**
 * Every way a request to {@code /api} fails answers an RFC 9457 problem in Vietnamese: the kind of refusal as
 * {@code title}, the reason as {@code detail}, and the same reason as {@code error}, where the pages' scripts read it.
 */
@ApplicationTest
class ApiErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;

    private TestRestTemplate mofa() {
        return http.withBasicAuth("mofa.focal", "demo");
    }

    @Test
    void anEndpointsOwnRefusalsAreProblems() throws Exception {
        assertProblem(mofa().getForEntity("/api/recommendations/1/NO-SUCH-NUMBER", String.class),
                404, "Không tìm thấy", "Không có khuyến nghị NO-SUCH-NUMBER");
        assertProblem(mofa().getForEntity("/api/login-events", String.class),
                403, "Không có quyền", "Chỉ quản trị hệ thống được xem nhật ký đăng nhập");
        assertProblem(mofa().getForEntity("/api/notifications?status=LOST", String.class),
                400, "Yêu cầu không hợp lệ", "'Trạng thái' không nhận giá trị 'LOST'. Chọn một trong: PENDING (Chờ gửi), SENT (Đã gửi), "
                + "FAILED (Gửi lỗi), DIGEST (Chờ thư tổng hợp ngày), DIGESTED (Gộp vào thư tổng hợp ngày), "
                + "BATCHED (Gộp vào danh sách công việc mới).");
        assertProblem(mofa().postForEntity("/api/notifications/987654321/resend", null, String.class),
                409, "Xung đột dữ liệu", "Chỉ gửi lại được thư ở trạng thái Gửi lỗi (FAILED)");
    }

    @Test
    void aSecurityFiltersRefusalIsTheSameProblem() throws Exception {
        assertProblem(http.getForEntity("/api/dashboard", String.class), 401, "Cần đăng nhập", "Cần đăng nhập");
    }

    @Test
    void aBodyThatIsNotJsonIsAProblemNamingWhatIsExpected() throws Exception {
        assertProblem(mofa().exchange("/api/mail-preferences", HttpMethod.PUT, json("{\"digest\": tru"), String.class),
                400, "Yêu cầu không hợp lệ", "Nội dung yêu cầu không đọc được: cần một đối tượng JSON hợp lệ.");
    }

    @Test
    void aFieldOfTheWrongTypeIsAProblemNamingTheField() throws Exception {
        String before = mofa().getForObject("/api/mail-preferences", String.class);
        assertProblem(mofa().exchange("/api/mail-preferences", HttpMethod.PUT, json("{\"digest\": \"có\"}"), String.class),
                400, "Yêu cầu không hợp lệ", "Giá trị 'có' của trường 'digest' không hợp lệ: cần true hoặc false.");
        assertThat(mofa().getForObject("/api/mail-preferences", String.class)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aParameterOfTheWrongTypeIsAProblemNamingTheParameter() throws Exception {
        assertProblem(mofa().getForEntity("/api/recommendations?page=hai", String.class),
                400, "Yêu cầu không hợp lệ", "Tham số 'page' phải là một số nguyên (nhận được 'hai').");
    }

    @Test
    void aMissingFileIsAProblemNamingIt() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("dryRun", "true");
        assertProblem(mofa().postForEntity("/api/imports", new HttpEntity<>(form, headers), String.class),
                400, "Yêu cầu không hợp lệ", "Thiếu tệp gửi kèm 'file'.");
    }

    @Test
    void aFileNotSentAsAnUploadIsAProblem() throws Exception {
        assertProblem(mofa().postForEntity("/api/imports", json("{\"file\": \"annex.csv\"}"), String.class),
                400, "Yêu cầu không hợp lệ", "Tệp phải được gửi dạng biểu mẫu tải lên (multipart/form-data).");
    }

    /** No endpoint takes a required query parameter today; the mapping is checked on the advice itself. */
    @Test
    void aMissingParameterIsAProblemNamingIt() throws Exception {
        ResponseEntity<ProblemDetail> answer = new ApiErrors().missingParameter(
                new MissingServletRequestParameterException("cycle", "Integer"), new MockHttpServletRequest("GET", "/api/x"));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getTitle()).isEqualTo("Yêu cầu không hợp lệ");
        assertThat(answer.getBody().getDetail()).isEqualTo("Thiếu tham số 'cycle'.");
        assertThat(answer.getBody().getProperties()).containsEntry("error", "Thiếu tham số 'cycle'.");
    }

    @Test
    void aMethodTheAddressDoesNotTakeIsAProblemThatSaysWhichItTakes() throws Exception {
        ResponseEntity<String> answer = mofa().exchange("/api/dashboard", HttpMethod.DELETE, null, String.class);
        assertProblem(answer, 405, "Phương thức không được hỗ trợ", "Địa chỉ này không nhận phương thức DELETE (chỉ nhận GET).");
        assertThat(answer.getHeaders().getAllow()).containsExactly(HttpMethod.GET);
    }

    @Test
    void aContentTypeTheAddressDoesNotTakeIsAProblemThatSaysWhichItTakes() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        assertProblem(mofa().postForEntity("/api/reporting-rounds", new HttpEntity<>("Đợt giữa kỳ", headers), String.class),
                415, "Kiểu nội dung không được hỗ trợ",
                "Không nhận nội dung kiểu text/plain;charset=UTF-8; hãy gửi application/json, application/*+json.");
    }

    @Test
    void anAddressThatDoesNotExistIsAProblem() throws Exception {
        assertProblem(mofa().getForEntity("/api/no-such-thing", String.class),
                404, "Không tìm thấy", "Không có địa chỉ /api/no-such-thing.");
    }

    /** A failure of the application: the user is told in Vietnamese, the cause goes to the log only. */
    @Test
    void anUnexpectedFailureIsAProblemThatKeepsItsCauseToTheLog() throws Exception {
        ResponseEntity<ProblemDetail> answer = new ApiErrors().unexpected(new IllegalStateException("table round_report is locked"),
                new MockHttpServletRequest("GET", "/api/reporting-rounds"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getTitle()).isEqualTo("Lỗi hệ thống");
        assertThat(answer.getBody().getDetail()).isEqualTo(ApiErrors.UNEXPECTED).doesNotContain("round_report");
        assertThat(answer.getBody().getProperties()).containsEntry("error", ApiErrors.UNEXPECTED);
    }

    @Test
    void thePagesKeepTheirErrorPage() throws Exception {
        ResponseEntity<String> answer = mofa().getForEntity("/no-such-page", String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType()).isNotEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThatThrownBy(() -> new ApiErrors().unexpected(new IllegalStateException("page"), new MockHttpServletRequest("GET", "/dashboard")))
                .hasMessage("page");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static void assertProblem(ResponseEntity<String> answer, int status, String title, String reason) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).as("content type")
                .matches(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON), "application/problem+json");
        JsonNode problem = JSON.readTree(answer.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isEqualTo(title);
        assertThat(problem.path("detail").asText()).isEqualTo(reason);
        assertThat(problem.path("error").asText()).as("kept for the pages' scripts").isEqualTo(reason);
    }
}
