package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The recommendation list in a real Chromium, as a MOFA officer uses it after an import: the import page points to
 * what waits for assignment, a number typed as people type it comes first, a filtered list is downloaded as Excel and
 * CSV, and twenty recommendations are assigned in one step. Leaves {@code src/site/screenshots/recommendation-list.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:listbrowser;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendationListBrowserIT {

    private static final Path SITE_SCREENSHOT = Paths.get("src", "site", "screenshots", "recommendation-list.png");
    private static final double TIMEOUT_MS = 20_000;
    private static final int TORTURE = 20;

    private static Playwright playwright;
    private static Browser browser;
    private static BrowserContext context;
    private static Page page;

    @LocalServerPort
    int port;
    private String baseUrl;

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
    void loginAsMofa() {
        baseUrl = "http://localhost:" + port;
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh")
                .setViewportSize(1400, 1000).setAcceptDownloads(true));
        context.setDefaultTimeout(TIMEOUT_MS);
        page = context.newPage();
        Chromium.logInToTasklist(page, baseUrl, "mofa.focal");
    }

    @Test
    @Order(1)
    void theImportPageLeadsToWhatWaitsForAssignment() throws IOException {
        var csv = new StringBuilder("number,text,text_vi,recommending_states,response,cycle,task_group,lead_agency,"
                + "coordinating_agencies,plan_due_date,due_date,themes\n")
                .append("143.1,Take effective measures against torture,\"Có biện pháp phòng, chống tra tấn\",Sweden,Supported,4,3,mps,moj,31/12/2030,31/12/2029,Torture\n")
                .append("143.2,Strengthen primary education,Tăng cường giáo dục tiểu học,Chile,Supported,4,5,moet,,31/12/2030,31/12/2028,Education\n")
                .append("143.10,Ensure birth registration of every child,Bảo đảm đăng ký khai sinh cho mọi trẻ em,France,Supported,4,2,moj,mps,31/12/2030,30/06/2028,Birth registration\n");
        for (int i = 1; i <= TORTURE; i++) {
            csv.append("150.").append(i).append(",Prevent torture and ill-treatment in places of detention (").append(i)
                    .append("),Ngăn ngừa tra tấn và đối xử tồi tệ tại nơi giam giữ (").append(i).append("),Norway,Supported,4,,,,31/12/2030,,Detention\n");
        }
        Path file = Files.createTempDirectory("upr-list").resolve("phu-luc.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        page.navigate(baseUrl + "/imports");
        page.locator("#file").setInputFiles(file);
        page.locator("#import-form button[type=submit]").click();
        assertThat(page.locator("#result-title")).hasText("Đã nhập xong");
        // the first tasks come from the job executor a moment after the import; the page counts again
        assertThat(page.locator("#awaiting-count")).hasText(String.valueOf(TORTURE));
        page.getByText("Mở danh sách để phân công").click();
        assertThat(page.locator("#total")).hasText(String.valueOf(TORTURE));
        assertThat(page.locator("#step")).hasValue("assignment");
    }

    @Test
    @Order(2)
    void aNumberTypedAsPeopleTypeItComesFirst() {
        page.navigate(baseUrl + "/recommendations");
        for (String typed : List.of("KN 143.1", "UPR4-143.1", "143.1")) {
            page.locator("#q").fill(typed);
            page.locator("#q").press("Enter");
            assertThat(page.locator("#recommendations tbody tr").first().locator("td.number a")).hasText("143.1");
            assertThat(page.locator("#recommendations tbody tr")).hasCount(1);
        }
        page.locator("#q").fill("tra tan");
        page.locator("#q").press("Enter");
        assertThat(page.locator("#total")).hasText(String.valueOf(TORTURE + 1));
        assertThat(page.locator("#recommendations tbody tr").first().locator("td.number a")).hasText("143.1");
        assertThat(page.locator("#recommendations tbody tr").first().locator("td.number a")).hasAttribute("href", "/recommendations/4/143.1");
    }

    @Test
    @Order(3)
    void aFilteredListIsDownloadedAsItIs() throws IOException {
        page.navigate(baseUrl + "/recommendations");
        page.locator("#lead").selectOption("moj");
        page.getByText("Tìm", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#total")).hasText("1");
        assertThat(page).hasURL(Pattern.compile("lead=moj"));
        page.locator("#response").selectOption("SUPPORTED");
        page.locator("#coordinating").selectOption("mps");
        page.getByText("Tìm", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#total")).hasText("1");

        Download csv = page.waitForDownload(() -> page.locator("#export-csv").click());
        assertEquals("khuyen-nghi.csv", csv.suggestedFilename());
        List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), String.join("\n", lines));
        org.assertj.core.api.Assertions.assertThat(lines.get(0)).startsWith("\uFEFFSố khuyến nghị,Nội dung,");
        org.assertj.core.api.Assertions.assertThat(lines.get(1)).startsWith("143.10,Ensure birth registration of every child,")
                .contains(",moj,mps,");

        Download xlsx = page.waitForDownload(() -> page.locator("#export-xlsx").click());
        assertEquals("khuyen-nghi.xlsx", xlsx.suggestedFilename());
        try (InputStream in = Files.newInputStream(xlsx.path()); var workbook = new XSSFWorkbook(in)) {
            var sheet = workbook.getSheetAt(0);
            assertEquals(1, sheet.getLastRowNum());
            assertEquals("143.10", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Bảo đảm đăng ký khai sinh cho mọi trẻ em", sheet.getRow(1).getCell(2).getStringCellValue());
        }
    }

    @Test
    @Order(4)
    void twentyRecommendationsAreAssignedInOneStep() throws IOException {
        page.navigate(baseUrl + "/recommendations?step=assignment");
        assertThat(page.locator("input.pick")).hasCount(TORTURE);
        page.locator("#select-all").check();
        page.locator("#assign-prefilled").click();
        assertThat(page.locator("#bulk-title")).hasText("Đã phân công " + TORTURE + " khuyến nghị.");
        assertThat(page.locator("#bulk-outcomes tbody tr.ok")).hasCount(TORTURE);

        page.navigate(baseUrl + "/recommendations?step=assignment");
        assertThat(page.locator("#total")).hasText("0");
        page.navigate(baseUrl + "/recommendations?cycle=4&lead=mps&step=plan");
        assertThat(page.locator("#total")).hasText(String.valueOf(TORTURE + 1));
        assertThat(page.locator("#recommendations tbody tr").nth(1).locator("td.steps")).containsText("Lập kế hoạch — Bộ Công an");

        page.navigate(baseUrl + "/recommendations?cycle=4");
        List<String> numbers = new ArrayList<>(page.locator("#recommendations td.number a").allTextContents());
        org.assertj.core.api.Assertions.assertThat(numbers).startsWith("143.1", "143.2", "143.10", "150.1", "150.2");
        Files.createDirectories(SITE_SCREENSHOT.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(SITE_SCREENSHOT));
    }
}
