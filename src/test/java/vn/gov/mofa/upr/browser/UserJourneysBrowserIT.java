package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * What MOFA and the agencies see, in a real Chromium, from importing the list to the approved report and Cockpit.
 * One application (its own in-memory database, job executor on so the reporting round's batch runs by itself),
 * journeys in order; each journey leaves a screenshot of its last screen in {@code target/screenshots/}.
 * Every journey builds on the one before it and is skipped when that one did not finish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserJourneysBrowserIT {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final double TIMEOUT_MS = 15_000;

    /** Lead agency and coordinating agency given in the file. */
    private static final String KN_MPS = "45.101";
    /** No agency in the file: the decision table suggests the Ministry of Public Security (torture, detention). */
    private static final String KN_TORTURE = "45.102";
    /** A real recommendation of the 2014 review (cycle II); a blank answer counts as accepted, the table suggests MOFA. */
    private static final String KN_SAMPLE = "143.1";

    private static final String MOFA_COMMENT = "Đề nghị bổ sung chỉ số đánh giá kết quả và nêu rõ đơn vị thực hiện.";
    private static final String MOJ_CONTRIBUTION = "Bộ Tư pháp đã rà soát quy định về bảo vệ dữ liệu cá nhân trong tố tụng hình sự.";

    /** Stock Tasklist/Cockpit words that must not reach a Vietnamese user. */
    private static final Pattern ENGLISH_UI = Pattern.compile("\\b(Claim|Unclaim|Created|Add a comment|Start process"
            + "|Create task|Set follow-up date|Set due date|Complete|Save|Form|History|Diagram|Description|Filter tasks"
            + "|Keyboard Shortcuts|My Tasks|No tasks|Process Definitions|Running Process Instances|Incidents"
            + "|Date and time displayed)\\b");

    private static Playwright playwright;
    private static Browser browser;
    private static BrowserContext context;
    private static Page page;
    private static int journeysDone;
    /** What Chromium refused to run or apply in this browser session because the page's Content-Security-Policy forbids it. */
    private static final List<String> POLICY_VIOLATIONS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    private static String baseUrl;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext extension, Throwable cause) {
            if (page != null && !page.isClosed()) {
                screenshot("failed-" + extension.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
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
    void rememberPort() {
        baseUrl = "http://localhost:" + port;
    }

    // ------------------------------------------------------------------------------------------------ journeys

    @Test
    @Order(0)
    void anonymousVisitorIsSentToTheLoginForm() {
        newBrowserSession();

        page.navigate(baseUrl + "/imports");
        assertThat(page.locator("input[type=password]")).isVisible();
        assertTrue(page.url().contains("/camunda/app/welcome/default/"), page.url());
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))).isVisible();

        page.navigate(baseUrl + "/camunda/app/tasklist/default/");
        assertThat(page.locator("input[type=password]")).isVisible();
        assertThat(page.getByPlaceholder("Tên đăng nhập")).isVisible();
        assertThat(page.getByPlaceholder("Mật khẩu")).isVisible();
        assertThat(page.getByText(Chromium.INBOX)).hasCount(0);
        screenshot("00-anonymous-login");
        journeysDone = 0;
    }

    @Test
    @Order(1)
    void mofaImportsTheAnnexAndSeesWhatWasImported() throws IOException {
        requireJourney(0);
        loginAs("mofa.focal");
        page.navigate(baseUrl + "/imports");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nhập danh sách khuyến nghị")))
                .isVisible();

        uploadAnnex("khuyen-nghi-loi.csv", """
                number,text,recommending_states,response,cycle,task_group,lead_agency,coordinating_agencies
                45.201,Guarantee the right to a fair trial,Finland,Supported,4,3,mps,moj
                45.202,Ensure access to clean water in rural areas,Chile,Supported,4,2,bo-khong-co,moj
                """);
        assertThat(page.locator("#result-title")).containsText("chưa nhập khuyến nghị nào");
        Locator errorRows = page.locator("#result-errors tbody tr");
        assertThat(errorRows).hasCount(1);
        assertThat(errorRows.first().locator("td").nth(0)).hasText("3");
        assertThat(errorRows.first().locator("td").nth(1)).containsText("bo-khong-co");
        screenshot("01-mofa-imports-annex-errors");

        uploadAnnex("phu-luc-qd-1172.csv", """
                number,text,recommending_states,response,cycle,task_group,lead_agency,coordinating_agencies
                %s,Strengthen the protection of personal data in criminal proceedings,Germany,Supported,4,3,mps,moj
                %s,Take effective measures to prevent torture in detention facilities,Denmark,Supported,4,,,
                %s,"Continue efforts to ratify international human rights instruments, to which Viet Nam is not yet a party",Nicaragua,,2,,,
                """.formatted(KN_MPS, KN_TORTURE, KN_SAMPLE));
        assertThat(page.locator("#result-title")).hasText("Đã nhập xong");
        assertThat(page.locator("#result-counts")).containsText("Mới: 3");
        assertThat(page.locator("#result-counts")).containsText("Đưa vào theo dõi (mở hồ sơ quy trình): 3");
        assertThat(page.locator("#result-counts")).containsText("sẽ có trong Tasklist sau vài giây");
        assertThat(page.locator("#history tbody tr").first()).containsText("phu-luc-qd-1172.csv");
        assertThat(page.locator("#history tbody tr").first()).containsText("mofa.focal");
        assertThat(page.locator("#result-errors")).isHidden();
        assertNothingRefusedByThePolicy();
        screenshot("01-mofa-imports-annex");
        journeysDone = 1;
    }

    @Test
    @Order(2)
    void mofaConfirmsTheSuggestedLeadAgency() {
        requireJourney(1);
        loginAs("mofa.focal");
        String assign = "Phân công cơ quan chủ trì, phối hợp — KN " + KN_TORTURE;
        openTask(assign);

        assertThat(page.locator(".fjs-form")).containsText("Khuyến nghị số " + KN_TORTURE + " (chu kỳ UPR 4)");
        assertThat(field("Nội dung khuyến nghị").locator("textarea")).hasValue(
                "Take effective measures to prevent torture in detention facilities");
        assertThat(field("Cơ quan chủ trì").locator("input[type=text]")).hasValue("Bộ Công an");
        assertThat(field("Cơ quan phối hợp")).containsText("Bộ Tư pháp");
        assertThat(field("Hạn gửi kế hoạch thực hiện").locator("input")).hasValue(
                Pattern.compile("\\d{2}/\\d{2}/\\d{4}"));

        screenshot("02-mofa-assigns-lead-agency-form");
        choose("Nhóm nhiệm vụ theo Quyết định 1172/QĐ-TTg", "3. Bảo đảm các quyền dân sự, chính trị");
        completeTask();

        assertThat(taskLink(assign)).hasCount(0);
        assertThat(taskLink("Phân công cơ quan chủ trì, phối hợp — KN " + KN_SAMPLE)).isVisible();
        screenshot("02-mofa-assigns-lead-agency");
        journeysDone = 2;
    }

    @Test
    @Order(3)
    void mpsFocalPointSeesOnlyItsOwnTasksAndSubmitsThePlan() {
        requireJourney(2);
        loginAs("mps.focal");
        openFilter(Chromium.INBOX);

        Locator tasks = page.locator("ol.tasks-list > li.task");
        assertThat(tasks).hasCount(2);
        assertThat(page.locator("li.sorting-choice").first()).containsText("Hạn xử lý"); // nearest due date first
        org.assertj.core.api.Assertions.assertThat(page.locator(".navbar, [cam-widget-header]").first().innerText())
                .as("no ad-hoc task creation").doesNotContain("Tạo công việc");
        assertThat(taskLink("Lập kế hoạch thực hiện — KN " + KN_MPS)).isVisible();
        assertThat(taskLink("Lập kế hoạch thực hiện — KN " + KN_TORTURE)).isVisible();
        for (Locator task : tasks.all()) {
            assertThat(task).containsText("Cơ quan chủ trì:");
            assertThat(task).containsText("Bộ Công an");
        }
        assertThat(page.locator("ol.tasks-list")).not().containsText("Phân công");
        assertThat(page.locator("ol.tasks-list")).not().containsText("Thẩm định");
        assertThat(page.locator(".task-filter.active")).containsText(Chromium.INBOX);
        assertThat(page.locator(".task-filter.active .counter")).hasText("2");

        String plan = "Lập kế hoạch thực hiện — KN " + KN_MPS;
        openTask(plan);
        assertNoEnglishUi();
        assertThat(field("Cơ quan chủ trì").locator("input")).hasValue("Bộ Công an");
        assertThat(field("Cơ quan phối hợp").locator("textarea")).hasValue("Bộ Tư pháp");

        clickComplete();
        // form-js validates in the browser: five required fields are marked and nothing is submitted.
        assertThat(page.locator(".fjs-form-field-error")).hasCount(5);
        assertThat(field("Họ tên cán bộ đầu mối").locator(".fjs-form-field-error")).isVisible();
        assertThat(field("Thời hạn hoàn thành").locator(".fjs-form-field-error")).isVisible();
        assertThat(field("Họ tên cán bộ đầu mối").locator(".fjs-form-field-error")).hasText("Trường này bắt buộc.");
        assertThat(taskLink(plan)).isVisible();
        assertThat(page.locator(".task-details")).containsText(plan);
        screenshot("03-mps-submits-plan-validation");
        // Tasklist adds a red "could not submit" box; it must leave "Hoàn thành" free (user-styles.css moves it left)
        Locator failed = page.locator(".page-notifications .alert-danger").first();
        assertThat(failed).containsText("Đã xảy ra lỗi khi gửi biểu mẫu công việc");
        completeButton().scrollIntoViewIfNeeded();
        var box = failed.boundingBox();
        var button = completeButton().boundingBox();
        assertFalse(box.x < button.x + button.width && button.x < box.x + box.width
                && box.y < button.y + button.height && button.y < box.y + box.height, "the message covers Hoàn thành");
        closeNotifications();

        fill("Họ tên cán bộ đầu mối", "Nguyễn Văn An, Chuyên viên chính, Cục Hợp tác quốc tế");
        fill("Thư điện tử của cán bộ đầu mối", "an.nv@bocongan.gov.vn");
        fill("Nhiệm vụ, hoạt động cụ thể", "Rà soát quy định về bảo vệ dữ liệu cá nhân trong tố tụng hình sự");
        fill("Thời hạn hoàn thành", "31/12/2027");
        fill("Sản phẩm dự kiến", "Thông tư sửa đổi, bổ sung quy định về bảo vệ dữ liệu cá nhân");
        assertThat(page.locator(".fjs-form-field-error")).hasCount(0);
        completeTask();

        assertThat(taskLink(plan)).hasCount(0);
        assertThat(page.locator("ol.tasks-list > li.task")).hasCount(1);
        screenshot("03-mps-submits-plan");
        journeysDone = 3;
    }

    @Test
    @Order(4)
    void mofaReturnsThePlanAndApprovesTheRevision() {
        requireJourney(3);
        String review = "Thẩm định kế hoạch — KN " + KN_MPS;
        String plan = "Lập kế hoạch thực hiện — KN " + KN_MPS;

        loginAs("mofa.focal");
        openTask(review);
        assertThat(field("Thời hạn hoàn thành").locator("input")).hasValue("31/12/2027");
        assertThat(field("Họ tên cán bộ đầu mối").locator("input")).hasValue(
                "Nguyễn Văn An, Chuyên viên chính, Cục Hợp tác quốc tế");
        pick("Kết quả xem xét", "Trả lại để chỉnh sửa, bổ sung");
        fill("Ý kiến của Bộ Ngoại giao", MOFA_COMMENT);
        completeTask();

        loginAs("mps.focal");
        openTask(plan + " — trả lại");
        assertThat(field("Ý kiến gần nhất của Bộ Ngoại giao (khi trả lại)").locator("textarea")).hasValue(MOFA_COMMENT);
        assertThat(field("Thời hạn hoàn thành").locator("input")).hasValue("31/12/2027");
        field("Ý kiến gần nhất của Bộ Ngoại giao (khi trả lại)").scrollIntoViewIfNeeded();
        screenshot("04-mps-sees-mofa-comment");
        fill("Chỉ số đánh giá kết quả", "Thông tư được ban hành; số cán bộ được tập huấn");
        completeTask();

        loginAs("mofa.focal");
        openTask(review);
        assertThat(field("Chỉ số đánh giá kết quả").locator("textarea"))
                .hasValue("Thông tư được ban hành; số cán bộ được tập huấn");
        pick("Kết quả xem xét", "Phê duyệt");
        completeTask();
        assertThat(taskLink(review)).hasCount(0);
        screenshot("04-mofa-approves-plan");
        journeysDone = 4;
    }

    @Test
    @Order(5)
    void reportingRoundFromRequestToApprovedReport() {
        requireJourney(4);
        String contribution = "Đóng góp thông tin báo cáo — KN " + KN_MPS;
        String report = "Lập báo cáo thực hiện — KN " + KN_MPS;
        String review = "Thẩm định báo cáo — KN " + KN_MPS;

        loginAs("mofa.focal");
        Locator startForm = startProcess("Đợt yêu cầu báo cáo UPR");
        fill(startForm, "Tên đợt báo cáo", "Báo cáo giữa kỳ chu kỳ IV");
        choose(startForm, "Loại đợt báo cáo", "Báo cáo giữa kỳ");
        fill(startForm, "Hạn các cơ quan gửi báo cáo", "31/01/2027");
        fill(startForm, "Hạn trình báo cáo tổng hợp", "31/03/2027");
        pick(startForm, "Phạm vi yêu cầu báo cáo", "Các khuyến nghị do một cơ quan chủ trì");
        choose(startForm, "Cơ quan chủ trì", "Bộ Công an");
        // before the round opens, MOFA confirms what it covers: how many are asked, why the others are not
        page.locator(".modal").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bắt đầu").setExact(true))
                .click();
        Locator coverage = page.locator(".upr-round-coverage");
        assertThat(coverage).containsText("Yêu cầu báo cáo");
        assertThat(coverage).containsText("trong số");
        assertThat(coverage).containsText("Mở đợt báo cáo với phạm vi này?");
        screenshot("05-mofa-confirms-what-the-round-covers");
        coverage.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mở đợt báo cáo")).click();
        assertThat(page.getByText("Đã bắt đầu quy trình.").first()).isVisible();

        loginAs("moj.focal");
        waitForTask(contribution, 30_000);
        openTask(contribution);
        assertThat(field("Đợt báo cáo").locator("input")).hasValue("Báo cáo giữa kỳ chu kỳ IV");
        assertThat(field("Cơ quan đóng góp ý kiến").locator("input")).hasValue("Bộ Tư pháp");
        fill("Kết quả thực hiện", MOJ_CONTRIBUTION);
        completeTask();

        loginAs("mps.focal");
        openTask(report);
        assertThat(field("Đóng góp của các cơ quan phối hợp").locator("textarea")).hasValue(
                Pattern.compile("Bộ Tư pháp:\\s+- Kết quả: " + literal(MOJ_CONTRIBUTION)));
        assertThat(field("Hạn gửi báo cáo").locator("input")).hasValue("31/01/2027");
        field("Đóng góp của các cơ quan phối hợp").scrollIntoViewIfNeeded();
        screenshot("05-mps-report-with-contribution");
        choose("Tình trạng thực hiện", "Đang triển khai");
        fill("Kết quả thực hiện", "Đã trình dự thảo Thông tư; tổ chức 3 lớp tập huấn cho 150 cán bộ.");
        completeTask();

        loginAs("mofa.focal");
        openTask(review);
        assertThat(field("Kết quả thực hiện").locator("textarea")).hasValue(
                "Đã trình dự thảo Thông tư; tổ chức 3 lớp tập huấn cho 150 cán bộ.");
        assertThat(field("Tình trạng thực hiện")).containsText("Đang triển khai");
        pick("Kết quả xem xét", "Phê duyệt");
        completeTask();
        assertThat(taskLink(review)).hasCount(0);
        screenshot("05-mofa-approves-report");
        journeysDone = 5;
    }

    @Test
    @Order(6)
    void mofaWatchesTheRecommendationsInCockpit() {
        requireJourney(5);
        loginAs("mofa.focal");
        page.navigate(baseUrl + "/camunda/app/cockpit/default/#/processes");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Theo dõi thực hiện khuyến nghị UPR"))
                .first().click();

        assertThat(page.locator(".djs-container svg").first()).isVisible();
        assertThat(page.locator("[data-element-id=PreparePlan]").first()).isVisible();
        assertThat(page.getByText("Số hồ sơ đang chạy:")).isVisible();
        // 45.101 waits for the next round, 45.102 for its plan, 143.1 (cycle II) for MOFA's assignment.
        Locator instances = page.locator("tr").filter(new Locator.FilterOptions().setHasText(Pattern.compile("UPR\\d-")));
        assertThat(instances).hasCount(3);
        assertThat(page.locator(".djs-overlays[data-container-id=AssignAgencies] .instance-count")).hasText("1");
        assertThat(page.locator(".djs-overlays[data-container-id=PreparePlan] .instance-count")).hasText("1");
        assertThat(page.locator(".djs-overlays[data-container-id=WaitForReportRequest] .instance-count")).hasText("1");
        assertNoEnglishUi();
        screenshot("06-mofa-cockpit-process");

        instances.filter(new Locator.FilterOptions().setHasText("UPR4-" + KN_TORTURE)).getByRole(AriaRole.LINK).first()
                .click();
        assertThat(page.locator(".breadcrumb, .ctn-header, body").first()).containsText("Theo dõi thực hiện khuyến nghị UPR");
        assertThat(page.getByText("UPR4-" + KN_TORTURE).first()).isVisible();
        assertThat(page.locator(".djs-container svg").first()).isVisible();
        // The running activity carries Cockpit's badge; nothing else in this instance does.
        assertThat(page.locator(".djs-overlays[data-container-id=PreparePlan] .instance-count")).hasText("1");
        assertThat(page.locator(".instance-count:visible")).hasCount(1);
        page.getByText("Công việc người dùng", new Page.GetByTextOptions().setExact(true)).last().click();
        // Cockpit lists the open task under its BPMN activity name (without "— KN ...").
        assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHasText("Lập kế hoạch thực hiện"))).hasCount(1);
        screenshot("06-mofa-cockpit-instance");
        journeysDone = 6;
    }

    @Test
    @Order(7)
    void dashboardShowsProgress() {
        requireJourney(6);
        loginAs("mofa.focal");
        page.navigate(baseUrl + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Bảng theo dõi tiến độ"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Bảng theo dõi tiến độ thực hiện khuyến nghị UPR"))).isVisible();

        assertThat(page.locator("#tracked")).hasText("3");
        assertThat(page.locator("#overdue")).hasText("0");
        assertThat(barOf("Tình trạng thực hiện", "Đang triển khai")).hasText("1");
        assertThat(barOf("Theo nhóm nhiệm vụ", "Nhóm 3. Bảo đảm các quyền dân sự, chính trị")).hasText("2");
        assertThat(barOf("Theo cơ quan chủ trì", "Bộ Công an")).hasText("2");
        Locator round = card("Đợt báo cáo đang mở").locator("tbody tr").filter(new Locator.FilterOptions()
                .setHasText("Báo cáo giữa kỳ chu kỳ IV"));
        assertThat(round.locator("td").nth(1)).hasText("31/01/2027");
        assertThat(round.locator("td").nth(2)).hasText("1");
        assertThat(round.locator("td").nth(5)).hasText("1");
        assertNoEnglishUi();
        assertNothingRefusedByThePolicy();
        screenshot("07-dashboard");
        journeysDone = 7;
    }

    @Test
    @Order(8)
    void mpsDelegatesAPlanToTwoUnitsConsolidatesItsLeaderSignsAndMofaApproves() {
        requireJourney(7);
        String number = KN_TORTURE;
        String unitTask = "Đơn vị thực hiện phần việc được giao — KN " + number;
        String accept = "Cán bộ đầu mối tiếp nhận phần việc của đơn vị — KN " + number;
        String returnComment = "Đề nghị bổ sung số liệu năm 2026.";

        // MOFA asks the Ministry of Public Security's leaders to sign off what it sends
        loginAs("mofa.focal");
        page.navigate(baseUrl + "/sign-off");
        Locator mps = page.locator("#settings tr[data-agency=mps]");
        assertThat(mps.locator(".state")).hasText("Không");
        mps.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bật ký duyệt")).click();
        assertThat(page.locator("#sign-off-result")).hasText("Đã lưu: Bộ Công an cần lãnh đạo ký duyệt.");
        assertThat(mps.locator(".state")).hasText("Có");

        // its focal point hands parts of the plan to two of its units, with an internal deadline
        loginAs("mps.focal");
        page.navigate(baseUrl + "/recommendations/4/" + number);
        Locator form = page.locator("#delegation-form");
        form.getByLabel(Pattern.compile("Cục Pháp chế")).check();
        form.getByLabel(Pattern.compile("Cục Cảnh sát quản lý trại giam")).check();
        form.locator("#delegation-tasks").fill("Rà soát quy định về phòng, chống tra tấn tại cơ sở giam giữ; báo cáo số liệu.");
        form.locator("#delegation-due").fill(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(7).toString());
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Giao việc")).click();
        assertThat(page.locator("#delegations tbody tr")).hasCount(2);
        assertThat(page.locator("#delegations")).containsText("Đang thực hiện");
        screenshot("08-mps-delegates-to-two-units");

        // each unit answers in its own Tasklist, where it sees nothing else
        for (String unit : List.of("mps.v03", "mps.c10")) {
            loginAs(unit + ".focal");
            openFilter(Chromium.INBOX);
            assertThat(page.locator("ol.tasks-list > li.task")).hasCount(1);
            openTask(unitTask);
            assertThat(field("Nội dung công việc được giao").locator("textarea")).hasValue(Pattern.compile("phòng, chống tra tấn"));
            fill("Nội dung trả lời của đơn vị", "Đơn vị " + unit + " đã rà soát các quy định liên quan.");
            completeTask();
        }

        // the focal point takes one answer and returns the other with a comment
        loginAs("mps.focal");
        openFilter(Chromium.INBOX);
        taskLink(accept).first().click();
        takeOpenTask(accept);
        pick("Tiếp nhận phần việc của đơn vị", "Tiếp nhận, đưa vào việc của cơ quan");
        closeNotifications();
        clickComplete();
        assertThat(taskLink(accept)).hasCount(1); // the other unit's answer waits
        openTask(accept);
        String returned = field("Đơn vị").locator("input").inputValue().contains("V03") ? "mps.v03" : "mps.c10";
        pick("Tiếp nhận phần việc của đơn vị", "Trả lại đơn vị để bổ sung");
        fill("Ý kiến gửi đơn vị", returnComment);
        completeTask();

        loginAs(returned + ".focal");
        openTask(unitTask);
        assertThat(field("Ý kiến của cán bộ đầu mối (khi trả lại)").locator("textarea")).hasValue(returnComment);
        fill("Nội dung trả lời của đơn vị", "Năm 2026: 53 trại giam áp dụng quy định mới.");
        completeTask();
        loginAs("mps.focal");
        openTask(accept);
        pick("Tiếp nhận phần việc của đơn vị", "Tiếp nhận, đưa vào việc của cơ quan");
        completeTask();

        // it consolidates in its plan form, where both answers are, and sends it to its leader
        openTask("Lập kế hoạch thực hiện — KN " + number);
        Locator answers = field("Phần việc các đơn vị đã gửi (kế hoạch)").locator("textarea");
        assertThat(answers).hasValue(Pattern.compile("Cục Pháp chế"));
        assertThat(answers).hasValue(Pattern.compile("53 trại giam"));
        screenshot("08-mps-consolidates-units-answers");
        fill("Họ tên cán bộ đầu mối", "Trần Văn Bình, Cục Pháp chế và cải cách hành chính, tư pháp");
        fill("Thư điện tử của cán bộ đầu mối", "binh.tv@bocongan.gov.vn");
        fill("Nhiệm vụ, hoạt động cụ thể", "Sửa đổi quy chế cơ sở giam giữ; tập huấn cán bộ quản giáo");
        fill("Thời hạn hoàn thành", "31/12/2027");
        fill("Sản phẩm dự kiến", "Thông tư sửa đổi; 53 trại giam áp dụng");
        completeTask();

        // the leader signs it off
        loginAs("mps.lead");
        openTask("Lãnh đạo cơ quan ký duyệt kế hoạch — KN " + number);
        assertThat(field("Nhiệm vụ, hoạt động cụ thể").locator("textarea")).hasValue(
                "Sửa đổi quy chế cơ sở giam giữ; tập huấn cán bộ quản giáo");
        pick("Quyết định", "Ký duyệt, gửi Bộ Ngoại giao");
        completeTask();

        // MOFA reviews what the leader signed, and approves
        loginAs("mofa.focal");
        openTask("Thẩm định kế hoạch — KN " + number);
        assertThat(page.locator(".fjs-form")).containsText("Lãnh đạo cơ quan chủ trì đã ký duyệt: Lãnh đạo Bộ Công an");
        pick("Kết quả xem xét", "Phê duyệt");
        completeTask();

        page.navigate(baseUrl + "/recommendations/4/" + number);
        assertThat(page.locator("#delegations")).containsText("(trả lại 1 lần)");
        assertThat(page.locator("#delegations tbody tr").filter(new Locator.FilterOptions().setHasText("Đã tiếp nhận")))
                .hasCount(2);
        assertThat(page.locator("#timeline")).containsText("Lãnh đạo cơ quan ký duyệt kế hoạch");
        assertNoEnglishUi();
        screenshot("08-case-page-with-units-and-sign-off");
        journeysDone = 8;
    }

    private static Locator card(String heading) {
        return page.locator(".card").filter(new Locator.FilterOptions().setHas(
                page.locator("h3").filter(new Locator.FilterOptions().setHasText(heading))));
    }

    /** The count at the end of one bar of a dashboard chart. */
    private static Locator barOf(String chart, String label) {
        return card(chart).locator("tr").filter(new Locator.FilterOptions().setHas(page.locator("td").filter(
                new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + literal(label) + "\\s*$")))))
                .locator("td").last();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void requireJourney(int previous) {
        Assumptions.assumeTrue(journeysDone >= previous, "journey " + previous + " did not finish");
    }

    /** A fresh browser session (no cookies): what a new visitor has. */
    private static void newBrowserSession() {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("vi-VN")
                .setTimezoneId("Asia/Ho_Chi_Minh")
                .setViewportSize(1400, 900));
        context.setDefaultTimeout(TIMEOUT_MS);
        page = context.newPage();
        POLICY_VIOLATIONS.clear();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                POLICY_VIOLATIONS.add(page.url() + ": " + message.text());
            }
        });
    }

    /** Everything the pages of this session need is allowed by their Content-Security-Policy. */
    private static void assertNothingRefusedByThePolicy() {
        assertEquals(List.of(), POLICY_VIOLATIONS);
    }

    /** Logs in through the Camunda login form; the application's own pages share that session. */
    private void loginAs(String user) {
        newBrowserSession();
        Chromium.logInToTasklist(page, baseUrl, user);
    }

    private void openTasklist() {
        if (!page.url().contains("/camunda/app/tasklist/")) {
            page.navigate(baseUrl + "/camunda/app/tasklist/default/");
        }
        assertThat(page.getByText(Chromium.INBOX).first()).isVisible();
    }

    private void openFilter(String name) {
        openTasklist();
        page.locator(".task-filter h4 a").filter(new Locator.FilterOptions().setHasText(name)).click();
        assertThat(page.locator(".task-filter.active")).containsText(name);
    }

    private static Locator taskLink(String name) {
        return page.locator("ol.tasks-list h4 a").filter(new Locator.FilterOptions().setHasText(
                Pattern.compile("^\\s*" + literal(name) + "\\s*$")));
    }

    /** Opens a task from "Việc của đơn vị tôi" and takes it (Nhận việc), so its form can be completed. */
    private void openTask(String name) {
        openFilter(Chromium.INBOX);
        taskLink(name).click();
        takeOpenTask(name);
    }

    /** The task just opened: its form shows, and the user takes it (Nhận việc). */
    private static void takeOpenTask(String name) {
        Locator details = page.locator(".task-details");
        assertThat(details.locator("h2.task")).hasText(name);
        assertThat(page.locator(".fjs-form")).isVisible();
        Locator claim = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nhận việc"));
        if (claim.isVisible()) {
            claim.click();
            assertThat(claim).hasCount(0);
        }
        assertThat(completeButton()).isEnabled();
    }

    private static Locator completeButton() {
        return page.locator(".task-details").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Hoàn thành").setExact(true));
    }

    private static void clickComplete() {
        completeButton().click();
    }

    /** Closes Tasklist's message boxes (×), as a user tidies up before going on. */
    private static void closeNotifications() {
        Locator close = page.locator(".page-notifications .alert button.close:visible");
        while (close.count() > 0) {
            close.first().click();
        }
    }

    /** Completes the open task; it leaves the user's list. */
    private void completeTask() {
        String name = page.locator(".task-details h2.task").innerText().strip();
        closeNotifications();
        clickComplete();
        assertThat(taskLink(name)).hasCount(0);
        Locator error = page.locator(".page-notifications .alert-danger");
        assertEquals(0, error.count(), () -> "completing '" + name + "' showed: " + error.first().innerText());
        assertThat(page.getByText("Chọn một công việc trong danh sách.")).isVisible();
    }

    /** The batch that sends a round's requests runs on the job executor: reload until the task is there. */
    private void waitForTask(String name, long timeoutMs) {
        long until = System.currentTimeMillis() + timeoutMs;
        openFilter(Chromium.INBOX);
        while (taskLink(name).count() == 0) {
            assertTrue(System.currentTimeMillis() < until, "no task '" + name + "' after " + timeoutMs + " ms");
            page.waitForTimeout(1_000);
            page.reload();
            assertThat(page.getByText(Chromium.INBOX).first()).isVisible();
        }
    }

    /** Bắt đầu quy trình → the process by its Vietnamese name; returns the start form dialog. */
    private Locator startProcess(String processName) {
        openTasklist();
        page.getByText("Bắt đầu quy trình").first().click();
        Locator dialog = page.locator(".modal");
        dialog.getByText(processName, new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(dialog.locator(".fjs-form")).isVisible();
        return dialog;
    }

    /** The form-js field whose label reads exactly {@code label} (required fields add a "*"). */
    private static Locator field(String label) {
        return field(page.locator(".task-details"), label);
    }

    private static Locator field(Locator scope, String label) {
        return scope.locator(".fjs-form-field").filter(new Locator.FilterOptions().setHas(
                page.locator("label.fjs-form-field-label").filter(new Locator.FilterOptions().setHasText(
                        Pattern.compile("^\\s*" + literal(label) + "\\s*\\*?\\s*$")))));
    }

    private static void fill(String label, String value) {
        fill(page.locator(".task-details"), label, value);
    }

    private static void fill(Locator scope, String label, String value) {
        field(scope, label).locator("input.fjs-input, textarea").first().fill(value);
    }

    /** Picks a value in a form-js select, typing first when the select is searchable. */
    private static void choose(String label, String option) {
        choose(page.locator(".task-details"), label, option);
    }

    private static void choose(Locator scope, String label, String option) {
        Locator select = field(scope, label);
        Locator search = select.locator("input.fjs-input[type=text]");
        if (search.count() > 0) {
            search.fill(option);
        } else {
            select.locator(".fjs-select-display").click();
        }
        select.locator(".fjs-dropdownlist-item").filter(new Locator.FilterOptions().setHasText(
                Pattern.compile("^\\s*" + literal(option) + "\\s*$"))).click();
        if (search.count() > 0) {
            assertThat(search).hasValue(option);
        } else {
            assertThat(select.locator(".fjs-select-display")).hasText(option);
        }
    }

    /** Ticks a radio option of a form-js radio group. */
    private static void pick(String group, String option) {
        pick(page.locator(".task-details"), group, option);
    }

    private static void pick(Locator scope, String group, String option) {
        field(scope, group).getByLabel(option, new Locator.GetByLabelOptions().setExact(true)).check();
    }

    private static void uploadAnnex(String fileName, String csv) throws IOException {
        Path file = Files.createTempDirectory("upr-annex").resolve(fileName);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        page.locator("#file").setInputFiles(file);
        page.locator("#import-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nhập")).click();
        assertThat(page.locator("#result-title")).not().hasText(Pattern.compile("^$|Đang xử lý"));
    }

    /** The visible text of the page (form values excluded) carries none of the stock English labels. */
    private static void assertNoEnglishUi() {
        String text = page.locator("body").innerText();
        Matcher english = ENGLISH_UI.matcher(text);
        assertFalse(english.find(), () -> "English text on a Vietnamese screen: '" + english.group() + "' in " + page.url());
    }

    /** Playwright hands patterns to the browser's JavaScript, which knows no \\Q...\\E: escape each character. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/-]", "\\\\$0");
    }

    private static void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
