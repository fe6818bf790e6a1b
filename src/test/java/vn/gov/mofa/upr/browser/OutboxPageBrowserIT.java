package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;

import vn.gov.mofa.upr.notification.MailKind;
import vn.gov.mofa.upr.notification.MailLanguage;
import vn.gov.mofa.upr.notification.MailOutbox;
import vn.gov.mofa.upr.notification.Recipient;
import vn.gov.mofa.upr.notification.RenderedMail;

/**
 * The outbox page in a real Chromium with a Vietnamese locale, as a MOFA officer looks for a mail: statuses and kinds
 * read in Vietnamese, the form narrows the list by status, kind, recipient and days, the address holds the search
 * (reload, pages), and a search the page cannot read is explained in Vietnamese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:outboxbrowser;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class OutboxPageBrowserIT {

    private static final double TIMEOUT_MS = 20_000;
    private static final int MANY = 55;

    private static Playwright playwright;
    private static Browser browser;
    private static boolean seeded;

    @LocalServerPort
    int port;
    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    private String baseUrl;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startBrowser() {
        Chromium chromium = Chromium.launch(TIMEOUT_MS);
        playwright = chromium.playwright();
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void mailsInTheOutboxAndMofaLoggedIn() {
        if (!seeded) {
            seeded = true;
            long failed = mail(MailKind.REMINDER, "moit.focal", "Nhắc hạn KN 7.1", "2027-06-01T10:00+07:00");
            jdbc.update("update outbox_mail set status = 'FAILED', attempts = 8, last_error = ? where id = ?",
                    "550 hộp thư không tồn tại", failed);
            mail(MailKind.OVERDUE, "mps.lead", "Quá hạn KN 7.2", "2027-06-02T10:00+07:00");
            mail(MailKind.NEW_TASK, "mps.focal", "Công việc mới KN 7.3", "2027-06-03T10:00+07:00");
            for (int i = 1; i <= MANY; i++) {
                mail(MailKind.NEW_TASK, "nhieu" + i, "Công việc mới KN 8." + i, "2027-06-04T10:00+07:00");
            }
            ClockUtil.reset();
        }
        baseUrl = "http://localhost:" + port;
        context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh")
                .setViewportSize(1400, 1000));
        context.setDefaultTimeout(TIMEOUT_MS);
        page = context.newPage();
        Chromium.logInToTasklist(page, baseUrl, "mofa.focal");
        page.navigate(baseUrl + "/notifications");
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void anOfficerNarrowsTheOutboxWithTheFormAndTheAddressKeepsTheSearch() {
        assertThat(page.locator("#total")).hasText(String.valueOf(MANY + 3));
        assertThat(page.locator("#mails .status").first()).hasText("Chờ gửi");
        assertThat(page.locator("#mails .kind").first()).hasText("Công việc mới");

        page.locator("#status").selectOption(new SelectOption().setLabel("Gửi lỗi"));
        page.getByText("Lọc", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile("/notifications\\?status=FAILED"));
        assertThat(page.locator("#total")).hasText("1");
        assertThat(page.locator("#mails tbody tr")).hasCount(1);
        assertThat(page.locator("#mails .status")).hasText("Gửi lỗi");
        assertThat(page.locator("#mails .kind")).hasText("Nhắc hạn");
        assertThat(page.locator("#mails")).containsText("550 hộp thư không tồn tại");

        page.locator("#status").selectOption(new SelectOption().setLabel("Tất cả"));
        page.locator("#kind").selectOption(new SelectOption().setLabel("Quá hạn"));
        page.locator("#to").fill("mps");
        page.locator("#from").fill("2027-06-02");
        page.locator("#until").fill("2027-06-03");
        page.getByText("Lọc", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile("kind=overdue&to=mps&from=2027-06-02&until=2027-06-03"));
        assertThat(page.locator("#mails tbody tr")).hasCount(1);
        assertThat(page.locator("#mails summary")).hasText("Quá hạn KN 7.2");
        assertThat(page.locator("#mails .to")).hasText("mps.lead@upr.example.vn");

        page.reload();
        assertThat(page.locator("#kind")).hasValue("overdue");
        assertThat(page.locator("#to")).hasValue("mps");
        assertThat(page.locator("#from")).hasValue("2027-06-02");
        assertThat(page.locator("#mails summary")).hasText("Quá hạn KN 7.2");

        page.locator("#clear").click();
        assertThat(page.locator("#total")).hasText(String.valueOf(MANY + 3));
    }

    @Test
    void aLongListComesAPageAtATimeKeepingTheSearch() {
        page.locator("#kind").selectOption(new SelectOption().setLabel("Công việc mới"));
        page.locator("#to").fill("nhieu");
        page.getByText("Lọc", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#total")).hasText(String.valueOf(MANY));
        assertThat(page.locator("#mails tbody tr")).hasCount(50);
        assertThat(page.locator(".pager")).containsText("Trang 1/2");

        page.locator("#next").click();
        assertThat(page).hasURL(Pattern.compile("kind=new-task&to=nhieu&page=2"));
        assertThat(page.locator("#mails tbody tr")).hasCount(MANY - 50);
        assertThat(page.locator("#kind")).hasValue("new-task");
        page.locator("#previous").click();
        assertThat(page.locator("#mails tbody tr")).hasCount(50);
    }

    @Test
    void aSearchThePageCannotReadIsExplainedInVietnamese() {
        Response answer = page.navigate(baseUrl + "/notifications?from=2027-06-05&until=2027-06-01");
        assertEquals(400, answer.status());
        assertThat(page.locator("#problem")).hasText("'Đến ngày' (01/06/2027) trước 'Từ ngày' (05/06/2027): chọn lại khoảng ngày.");
        assertThat(page.locator("#mails")).hasCount(0);

        page.locator("#from").fill("2027-06-01");
        page.locator("#until").fill("2027-06-05");
        page.getByText("Lọc", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#problem")).hasCount(0);
        assertThat(page.locator("#total")).hasText(String.valueOf(MANY + 3));
    }

    /** A mail to {@code user}@upr.example.vn written at {@code at} (engine time); returns its id. */
    private long mail(MailKind kind, String user, String subject, String at) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
        return outbox.enqueue(kind, new Recipient(user, user, user + "@upr.example.vn", MailLanguage.VI, false),
                new RenderedMail(subject, "Nội dung: " + subject, null), null, null);
    }
}
