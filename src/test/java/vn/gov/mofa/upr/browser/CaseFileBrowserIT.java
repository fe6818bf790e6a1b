package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.casefile.CaseSteps;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * The case page in Chromium: the lead agency reads the report it submitted, attaches a file to the report it is
 * writing now and downloads it under its Vietnamese name; another agency's download is refused. The shared test
 * application; the recommendation's story is made through the engine as in {@code CaseFileTest}. Leaves the case
 * page's picture in {@code src/site/screenshots/case-page.png}.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseFileBrowserIT {

    static final int CYCLE = 53;
    static final String EVIDENCE = "Biên bản tập huấn cán bộ.pdf";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort int port;
    @Autowired RecommendationImport imports;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;

    Playwright playwright;
    Browser browser;

    @BeforeAll
    void storyAndBrowser() {
        String csv = "number,text,text_vi,recommending_states,response,cycle,task_group,lead_agency,coordinating_agencies,"
                + "plan_due_date,due_date\n"
                + "7,\"Strengthen training of law enforcement officials on the prohibition of torture\","
                + "\"Tăng cường tập huấn cho cán bộ thực thi pháp luật về cấm tra tấn\",Sweden|Denmark,Supported,53,2,mps,moj,"
                + "31/12/2030,31/12/2031\n";
        imports.importFile("annex-53.csv", csv.getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal");
        vn.gov.mofa.upr.Recommendations.continueStarts(management);
        var steps = new CaseSteps(CYCLE, tasks, runtime, management, identity);
        steps.work("7", "mps.focal", Map.of("focalPointName", "Trần Thị Bình", "focalPointEmail", "binh@mps.gov.vn",
                "planActions", "Tập huấn 300 cán bộ", "planDeadline", "2030-06-30", "expectedOutput", "Cán bộ nắm vững quy định"));
        steps.review("7", false, "Đề nghị bổ sung chỉ số đánh giá kết quả.");
        steps.work("7", "mps.focal", Map.of("focalPointName", "Trần Thị Bình", "focalPointEmail", "binh@mps.gov.vn",
                "planActions", "Tập huấn 500 cán bộ tại 10 tỉnh", "planDeadline", "2030-06-30",
                "expectedOutput", "Cán bộ nắm vững quy định", "indicators", "Số cán bộ được tập huấn; số tỉnh"));
        steps.review("7", true, null);
        steps.requestReport("7", "browser-round-1", "Báo cáo giữa kỳ 2029");
        steps.work("7", "moj.focal", Map.of("contributionResults", "Bộ Tư pháp đã biên soạn tài liệu tập huấn.",
                "contributionFigures", "2 bộ tài liệu", "contributionDifficulties", ""));
        steps.work("7", "mps.focal", Map.of("implementationStatus", "IN_PROGRESS",
                "reportResults", "Đã tập huấn 480 cán bộ tại 9 tỉnh.", "reportDifficulties", "Kinh phí hạn chế."));
        steps.review("7", true, null);
        steps.executeJobs("7");
        steps.requestReport("7", "browser-round-2", "Báo cáo quốc gia 2030");
        steps.work("7", "moj.focal", Map.of("contributionResults", "Đã hướng dẫn nghiệp vụ cho 3 tỉnh.",
                "contributionFigures", "", "contributionDifficulties", ""));

        Chromium chromium = Chromium.launch(15_000);
        playwright = chromium.playwright();
        browser = chromium.browser();
    }

    @AfterAll
    void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void theLeadAgencyReadsItsReportAttachesEvidenceAndAnotherAgencyCannotDownloadIt() throws Exception {
        Page page = loginAs("mps.focal");
        page.navigate(url("/recommendations/53/7"));
        assertThat(page.locator("h2")).containsText("Khuyến nghị 7");
        assertThat(page.locator("#reports")).containsText("Đã tập huấn 480 cán bộ tại 9 tỉnh.");
        assertThat(page.locator("#reports")).containsText("Đang triển khai");
        assertThat(page.locator("#reports")).containsText("Bộ Tư pháp đã biên soạn tài liệu tập huấn.");
        assertThat(page.locator("#plan")).containsText("Tập huấn 500 cán bộ tại 10 tỉnh");
        assertThat(page.locator("#reviews")).containsText("Đề nghị bổ sung chỉ số đánh giá kết quả.");
        assertThat(page.locator("#now")).containsText("Lập báo cáo thực hiện");

        page.locator("#evidence-file").setInputFiles(new FilePayload(EVIDENCE, "application/pdf", PDF));
        page.locator("#evidence-form button[type=submit]").click();
        assertThat(page.locator("#evidence table")).containsText(EVIDENCE);
        assertThat(page.locator("#evidence table")).containsText("mps.focal");

        Download download = page.waitForDownload(() -> page.locator("#evidence a").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText(EVIDENCE)).click());
        assertEquals(EVIDENCE, download.suggestedFilename());
        assertArrayEquals(PDF, Files.readAllBytes(download.path()));
        String fileUrl = page.locator("#evidence a").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText(EVIDENCE)).getAttribute("href");

        page.locator("#evidence-file").setInputFiles(new FilePayload("Ảnh hiện trường.png", "image/png", PDF));
        page.locator("#evidence-form button[type=submit]").click();
        assertThat(page.locator("#evidence-result")).containsText("Nội dung tệp 'Ảnh hiện trường.png' không phải PNG");

        page.navigate(url("/recommendations/53/7"));
        Files.createDirectories(Paths.get("src/site/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("src/site/screenshots/case-page.png")).setFullPage(true));

        Page other = loginAs("sbv.focal");
        var refused = other.navigate(url(fileUrl));
        assertEquals(403, refused.status());
        assertThat(other.locator("main")).containsText("không do cơ quan của bạn chủ trì hay phối hợp");
    }

    private Page loginAs(String user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN")
                .setTimezoneId("Asia/Ho_Chi_Minh").setViewportSize(1280, 900).setAcceptDownloads(true));
        Page page = context.newPage();
        Chromium.logInToTasklist(page, url(""), user);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
