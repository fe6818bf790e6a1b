package vn.gov.mofa.upr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.ApplicationTest;

/**
 * The outbox page as a MOFA officer uses it: statuses and kinds in Vietnamese, a search by status, kind,
 * recipient and days that the address holds, a page at a time, and a mistyped address answered in Vietnamese.
 * Each test writes mails to recipients of its own ({@code <prefix>-…@hop-thu.example.vn}).
 */
@ApplicationTest
class OutboxPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MailOutbox outbox;
    @Autowired TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void statusesAndKindsAreInVietnameseAndTheSearchFindsWhatItAsks() {
        long failed = mail("tim", 1, MailKind.REMINDER, "2027-06-01T10:00+07:00");
        mail("tim", 2, MailKind.OVERDUE, "2027-06-02T10:00+07:00");
        mail("tim", 3, MailKind.REMINDER, "2027-06-03T23:30+07:00");
        outbox.attemptFailed(failed, MailOutbox.Status.FAILED, 8, ClockUtil.getCurrentTime().toInstant(), "550 hộp thư không tồn tại");

        String all = page("/notifications?to=TIM-");
        assertThat(subjects(all)).containsExactly("Thư tim 3", "Thư tim 2", "Thư tim 1");
        assertThat(all).contains("<strong id=\"total\">3</strong> <span>thư</span>", "khớp điều kiện lọc",
                "<span class=\"status error\">Gửi lỗi</span>", "<span class=\"status\">Chờ gửi</span>",
                "<td class=\"kind\">Nhắc hạn</td>", "<td class=\"kind\">Quá hạn</td>", "550 hộp thư không tồn tại");
        assertThat(all).as("the form shows the search").contains("<input id=\"to\" name=\"to\" value=\"TIM-\"");

        assertThat(subjects(page("/notifications?to=tim-&status=FAILED"))).containsExactly("Thư tim 1");
        assertThat(page("/notifications?to=tim-&status=failed")).contains("<option value=\"FAILED\" selected=\"selected\">Gửi lỗi</option>");
        assertThat(subjects(page("/notifications?to=tim-&kind=reminder"))).containsExactly("Thư tim 3", "Thư tim 1");
        assertThat(subjects(page("/notifications?to=tim-2@"))).as("part of the address").containsExactly("Thư tim 2");
        assertThat(subjects(page("/notifications?to=tim-&from=2027-06-02&until=2027-06-03"))).as("days in Hà Nội, inclusive")
                .containsExactly("Thư tim 3", "Thư tim 2");
        assertThat(subjects(page("/notifications?to=tim-&until=2027-06-01"))).containsExactly("Thư tim 1");
        String none = page("/notifications?to=tim-&kind=digest");
        assertThat(subjects(none)).isEmpty();
        assertThat(none).contains("Không có thư nào khớp điều kiện lọc");
        assertThat(subjects(page("/notifications?to=t_m-"))).as("no wildcard of its own").isEmpty();
    }

    @Test
    void theListComesAPageAtATimeAndThePagesKeepTheSearch() {
        for (int i = 1; i <= OutboxQuery.PAGE_SIZE + 5; i++) {
            mail("trang", i, MailKind.NEW_TASK, "2027-06-05T09:00+07:00");
        }
        String first = page("/notifications?to=trang-&kind=new-task");
        assertThat(subjects(first)).hasSize(OutboxQuery.PAGE_SIZE).startsWith("Thư trang " + (OutboxQuery.PAGE_SIZE + 5));
        assertThat(first).contains("Trang 1/2", "href=\"/notifications?kind=new-task&amp;to=trang-&amp;page=2\"");

        String second = page("/notifications?kind=new-task&to=trang-&page=2");
        assertThat(subjects(second)).containsExactly("Thư trang 5", "Thư trang 4", "Thư trang 3", "Thư trang 2", "Thư trang 1");
        assertThat(second).contains("Trang 2/2", "href=\"/notifications?kind=new-task&amp;to=trang-\"");
    }

    @Test
    void aMistypedSearchIsExplainedInVietnameseOnThePage() {
        assertRefused("/notifications?from=31/03/2027",
                "'Từ ngày' không nhận giá trị '31/03/2027': cần một ngày dạng năm-tháng-ngày, ví dụ 2027-03-31.");
        assertRefused("/notifications?from=2027-06-03&until=2027-06-01",
                "'Đến ngày' (01/06/2027) trước 'Từ ngày' (03/06/2027): chọn lại khoảng ngày.");
        assertRefused("/notifications?status=LOST", "'Trạng thái' không nhận giá trị 'LOST'. Chọn một trong: PENDING (Chờ gửi), "
                + "SENT (Đã gửi), FAILED (Gửi lỗi)");
        assertRefused("/notifications?kind=spam", "'Loại thư' không nhận giá trị 'spam'. Chọn một trong: new-task (Công việc mới)");
        assertRefused("/notifications?page=hai", "'Trang' không nhận giá trị 'hai': cần một số.");
        assertRefused("/notifications?to=" + "x".repeat(321), "'Người nhận' dài quá 320 ký tự");
    }

    @Test
    void theApiSearchesTheSameWayAndRefusesInVietnamese() throws Exception {
        mail("api", 1, MailKind.REMINDER, "2027-06-07T10:00+07:00");
        mail("api", 2, MailKind.OVERDUE, "2027-06-08T10:00+07:00");

        JsonNode found = JSON.readTree(mofa().getForObject("/api/notifications?to=api-&kind=overdue", String.class));
        assertThat(found.findValuesAsText("subject")).containsExactly("Thư api 2");
        JsonNode firstOfTwo = JSON.readTree(mofa().getForObject("/api/notifications?to=api-&limit=1&page=2", String.class));
        assertThat(firstOfTwo.findValuesAsText("subject")).containsExactly("Thư api 1");

        ResponseEntity<String> refused = mofa().getForEntity("/api/notifications?from=hôm-qua", String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(refused.getBody()).get("detail").asText()).startsWith("'Từ ngày' không nhận giá trị 'hôm-qua'");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A mail written at {@code at} (engine time) to {@code <prefix>-<n>@hop-thu.example.vn}; returns its id. */
    private long mail(String prefix, int n, MailKind kind, String at) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
        String to = prefix + "-" + n;
        return outbox.enqueue(kind, new Recipient(to, "Người nhận " + n, to + "@hop-thu.example.vn", MailLanguage.VI, false),
                new RenderedMail("Thư " + prefix + " " + n, "Nội dung", null), null, null);
    }

    private TestRestTemplate mofa() {
        return http.withBasicAuth("mofa.focal", "demo");
    }

    private String page(String address) {
        ResponseEntity<String> answer = mofa().getForEntity(address, String.class);
        assertThat(answer.getStatusCode().value()).as(address).isEqualTo(200);
        return answer.getBody();
    }

    private void assertRefused(String address, String reason) {
        ResponseEntity<String> answer = mofa().getForEntity(address, String.class);
        assertThat(answer.getStatusCode().value()).as(address).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(answer.getBody())).as(address).contains("id=\"problem\"", reason, "<form id=\"filters\"")
                .doesNotContain("<table");
    }

    /** The subjects of the listed mails, in the page's order. */
    private static List<String> subjects(String page) {
        Matcher subjects = Pattern.compile("<summary>([^<]*)</summary>").matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (subjects.find()) {
            found.add(subjects.group(1));
        }
        return found;
    }
}
