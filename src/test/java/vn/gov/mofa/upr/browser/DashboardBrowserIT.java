package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import vn.gov.mofa.upr.Await;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess;

/**
 * The way in and the dashboard in a real Chromium: the landing page's login ends on the product's start page (not
 * Camunda's Welcome), Tasklist and Cockpit lead back to the product's pages, and a director's click on a number of the
 * dashboard lands on the list of exactly those recommendations. Leaves {@code src/site/screenshots/dashboard.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:dashboardbrowser;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final Path SITE_SCREENSHOT = Paths.get("src", "site", "screenshots", "dashboard.png");
    private static final double TIMEOUT_MS = 20_000;

    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    @LocalServerPort int port;
    @Autowired RecommendationImport imports;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;

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
    void newSession() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh")
                .setViewportSize(1400, 1000));
        context.setDefaultTimeout(TIMEOUT_MS);
        page = context.newPage();
    }

    @Test
    @Order(1)
    void theLandingPagesLoginEndsOnTheStartPage() throws InterruptedException {
        String csv = """
                number,text,text_vi,recommending_states,response,cycle,task_group,lead_agency,coordinating_agencies,plan_due_date
                143.1,Take effective measures against torture,"Có biện pháp phòng, chống tra tấn",Sweden,Supported,4,3,mps,moj,31/12/2030
                143.2,Strengthen primary education,Tăng cường giáo dục tiểu học,Chile,Supported,4,5,moet,,31/12/2030
                143.3,Ensure birth registration,Bảo đảm đăng ký khai sinh,France,Supported,4,2,mps,,31/12/2030
                143.4,Ratify the optional protocol,Phê chuẩn nghị định thư,Peru,Supported,4,,,,31/12/2030
                120.1,Protect journalists,Bảo vệ nhà báo,Norway,Supported,3,3,mps,,31/12/2030
                """;
        assertEquals(List.of(), imports.importFile("dashboard.csv", csv.getBytes(StandardCharsets.UTF_8), null, false,
                "mofa.focal").errors());
        Await.until(Duration.ofSeconds(60), () -> tasks.createTaskQuery().count() == 5);
        // the plan of 143.3 was due a week ago
        Task late = tasks.createTaskQuery().processInstanceBusinessKey("UPR4-143.3").singleResult();
        late.setDueDate(new Date(System.currentTimeMillis() - 7 * 86_400_000L));
        tasks.saveTask(late);
        // 143.1 and 143.2: plans submitted and approved; a round asks for their reports, 143.1's is approved
        for (String key : List.of("UPR4-143.1", "UPR4-143.2")) {
            complete(key, RecommendationProcess.PREPARE_PLAN, Map.of("focalPointName", "Nguyễn Văn An", "planActions", "Tập huấn",
                    "planDeadline", "2030-06-30"));
            complete(key, RecommendationProcess.REVIEW_PLAN, Map.of(RecommendationProcess.VAR_APPROVED, "true"));
        }
        Await.until(Duration.ofSeconds(60), () -> runtime.createProcessInstanceQuery()
                .activityIdIn(RecommendationProcess.WAIT_FOR_REPORT_REQUEST).count() == 2);
        runtime.startProcessInstanceByKey(ReportingRoundProcess.KEY, Map.of("roundName", "Báo cáo giữa kỳ chu kỳ IV",
                "roundKind", "AD_HOC", "agencyDeadline", "15/03/2031", "reportDeadline", "31/03/2031", "targetScope", "ALL"));
        complete("UPR4-143.1", RecommendationProcess.CONTRIBUTE_INPUT, Map.of("contributionResults", "Đã rà soát quy trình",
                "contributionFigures", "", "contributionDifficulties", ""));
        complete("UPR4-143.1", RecommendationProcess.PREPARE_REPORT, Map.of("implementationStatus", "IN_PROGRESS",
                "reportResults", "Đã tập huấn 480 cán bộ"));
        complete("UPR4-143.1", RecommendationProcess.REVIEW_REPORT, Map.of(RecommendationProcess.VAR_APPROVED, "true"));

        page.navigate(url("/"));
        page.getByText("Đăng nhập").first().click();
        Chromium.submitLogin(page, "mofa.focal");
        page.waitForURL(url("/"));
        assertThat(page.locator(".links")).containsText("Bảng theo dõi tiến độ");
        assertThat(page.locator("header nav")).containsText("mofa.focal");
    }

    @Test
    @Order(2)
    void tasklistAndCockpitLeadBackToTheProductsPages() {
        login("mofa.focal");
        Locator pages = page.locator("[cam-widget-header] .upr-page");
        assertThat(pages.getByText("Danh sách khuyến nghị")).isVisible();
        assertThat(page.locator("[cam-widget-header] nav.app-menu")).hasText(Pattern.compile("^\\s*Trang chủ UPR\\s*Danh sách khuyến nghị\\s*Bảng theo dõi.*", Pattern.DOTALL));
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "tasklist-product-links.png")));
        page.navigate(url("/camunda/app/cockpit/default/"));
        assertThat(pages.getByText("Bảng theo dõi")).isVisible();
        pages.getByText("Bảng theo dõi").click();
        page.waitForURL(url("/dashboard"));
        assertThat(page.locator("h2")).hasText("Bảng theo dõi tiến độ thực hiện khuyến nghị UPR");
    }

    @Test
    @Order(3)
    void aNumberOfTheDashboardLandsOnItsList() throws java.io.IOException {
        login("mofa.focal");
        page.locator("[cam-widget-header] .upr-page").getByText("Bảng theo dõi").click();
        page.waitForURL(url("/dashboard"));
        page.locator("#cycle").selectOption("4");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
        assertThat(page.locator("#tracked")).hasText("4");
        assertThat(page.locator("#overdue")).hasText("1");
        assertThat(page.locator("#changes [data-change=report-approved] a")).hasText("1");
        assertThat(page.locator("#changes [data-change=plan-submitted] a")).hasText("2");
        Locator lateRow = page.locator("#late-tasks tbody tr").first();
        assertThat(lateRow).containsText("Bộ Công an");
        assertThat(lateRow).containsText("Lập kế hoạch");
        assertThat(lateRow.locator("td").last()).hasText("7");
        Files.createDirectories(SITE_SCREENSHOT.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(SITE_SCREENSHOT).setFullPage(true));

        Locator mps = page.locator("table.by-status").first().locator("tr")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*Bộ Công an")));
        String shown = mps.locator("td").last().innerText().strip();
        assertEquals("2", shown);
        mps.locator("td").last().locator("a").click();
        page.waitForURL(Pattern.compile(".*/recommendations\\?.*lead=mps.*"));
        assertThat(page.locator("#total")).hasText(shown);
        assertThat(page.locator("#lead")).hasValue("mps");
        assertThat(page.locator("#cycle")).hasValue("4");
        assertThat(page.locator("#tracked")).isChecked();
        assertThat(page.locator("#recommendations td.number a")).hasText(new String[] {"143.1", "143.3"});

        page.goBack();
        page.locator("#overdue").click();
        page.waitForURL(Pattern.compile(".*/recommendations\\?.*overdue=true.*"));
        assertThat(page.locator("#total")).hasText("1");
        assertThat(page.locator("#overdue")).isChecked();
        assertThat(page.locator("#recommendations td.number a")).hasText(new String[] {"143.3"});
    }

    /** Waits for the job executor to bring the recommendation to that step, then completes it. */
    private void complete(String businessKey, String step, Map<String, Object> variables) throws InterruptedException {
        Await.until(Duration.ofSeconds(60), () -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(step).count() == 1);
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(step).singleResult()
                .getId(), variables);
    }

    private void login(String user) {
        Chromium.logInToTasklist(page, url(""), user);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
