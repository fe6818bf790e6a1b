package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * The Ministry of Public Security's focal point sets up its units in a real Chromium: from Tasklist's menu and the
 * pages' header (a leader has neither link), makes a
 * unit, adds a person to it, imports two units with their people from a CSV (and reads their initial passwords), then
 * sends a wrong CSV and reads, row by row, in Vietnamese, why nothing was imported. Leaves
 * {@code src/site/screenshots/agency-units.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:agencyunits;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class AgencyUnitsBrowserIT {

    private static final Path SITE_SCREENSHOT = Paths.get("src", "site", "screenshots", "agency-units.png");
    private static final double TIMEOUT_MS = 20_000;

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort int port;

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

    @Test
    void theFocalPointSetsUpTheMinistrysUnits() {
        String baseUrl = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN")
                .setTimezoneId("Asia/Ho_Chi_Minh").setViewportSize(1280, 1000))) {
            context.setDefaultTimeout(TIMEOUT_MS);
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            Chromium.logInToTasklist(page, baseUrl, "mps.focal");
            assertThat(page.locator("li.upr-page a[href='/agency-units']")).hasText("Đơn vị của cơ quan");
            page.navigate(baseUrl + "/rounds");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đơn vị của cơ quan")).click();
            assertThat(page.locator("h2")).containsText("Bộ Công an");
            assertThat(unit(page, "v03")).containsText("mps.v03.focal");

            page.getByLabel("Mã đơn vị").fill("C02");
            page.getByLabel("Tên đơn vị").first().fill("Cục Cảnh sát hình sự (C02)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thêm đơn vị")).click();
            assertThat(page.locator("#status")).hasText("Đã thêm đơn vị Cục Cảnh sát hình sự (C02).");
            Locator c02 = unit(page, "c02");
            assertThat(c02.locator("h3")).containsText("Cục Cảnh sát hình sự (C02)");

            c02.getByText("Thêm người mới").click();
            c02.getByLabel("Tên đăng nhập").fill("vu.thi.hoa");
            c02.getByLabel("Họ tên").fill("Vũ Thị Hoa");
            c02.getByLabel("Email").fill("hoa.vt@bocongan.example.vn");
            c02.getByLabel("Mật khẩu ban đầu").fill("yeu");
            c02.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Thêm người")).click();
            assertThat(page.locator("#status")).containsText("Mật khẩu cần ít nhất 10 ký tự");
            c02.getByLabel("Mật khẩu ban đầu").fill("Canh-sat-2026!");
            c02.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Thêm người")).click();
            assertThat(page.locator("#status")).hasText("Đã thêm Vũ Thị Hoa (vu.thi.hoa) vào Cục Cảnh sát hình sự (C02).");
            assertThat(unit(page, "c02").locator("table.people")).containsText("Vũ Thị Hoa");

            upload(page, "don-vi.csv", "\uFEFFma_don_vi;ten_don_vi;ten_dang_nhap;ho_ten;email\r\n"
                    + "ca-hanoi;Công an thành phố Hà Nội;ngo.van.khanh;Ngô Văn Khánh;khanh@ca-hanoi.example.vn\r\n"
                    + "ca-hue;Công an thành phố Huế;bui.thi.lan;Bùi Thị Lan;lan@ca-hue.example.vn\r\n");
            assertThat(page.locator("#import-title")).hasText("Đã nhập xong: 2 đơn vị mới, 0 đơn vị đổi tên, 2 người được thêm vào đơn vị.");
            assertThat(page.locator("#import-accounts tbody tr")).hasCount(2);
            assertThat(page.locator("#import-accounts")).containsText("ngo.van.khanh");

            upload(page, "don-vi-loi.csv", "ma_don_vi,ten_don_vi,ten_dang_nhap,ho_ten,email\n"
                    + "ca-hp,Công an thành phố Hải Phòng,,,\n"
                    + "CA Đà Nẵng,Công an thành phố Đà Nẵng,,,\n"
                    + "ca-ct,Công an thành phố Cần Thơ,tran.van.minh,Trần Văn Minh,\n");
            assertThat(page.locator("#import-title")).hasText(
                    "Tệp có 2 lỗi: chưa nhập dòng nào. Hãy sửa các dòng dưới đây rồi nhập lại.");
            Locator errors = page.locator("#import-errors tbody tr");
            assertThat(errors).hasCount(2);
            assertThat(errors.nth(0)).containsText("3");
            assertThat(errors.nth(0)).containsText("Mã đơn vị 'ca đà nẵng' không hợp lệ");
            assertThat(errors.nth(1)).containsText("Thiếu email của người dùng tran.van.minh");
            page.screenshot(new Page.ScreenshotOptions().setPath(SITE_SCREENSHOT).setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tải lại danh sách đơn vị")).click();
            assertThat(unit(page, "ca-hue")).containsText("bui.thi.lan");
            assertThat(page.locator(".unit[data-unit='ca-hp']")).hasCount(0);
        }
        try (BrowserContext context = browser.newContext()) {
            context.setDefaultTimeout(TIMEOUT_MS);
            Page page = context.newPage();
            Chromium.logInToTasklist(page, baseUrl, "mps.lead");
            assertThat(page.locator("li.upr-page a[href='/']")).isVisible();
            assertThat(page.locator("a[href='/agency-units']")).hasCount(0);
            page.navigate(baseUrl + "/rounds");
            assertThat(page.locator("header a[href='/agency-units']")).hasCount(0);
        }
    }

    private static Locator unit(Page page, String code) {
        return page.locator(".unit[data-unit='" + code + "']");
    }

    private static void upload(Page page, String name, String csv) {
        page.locator("#file").setInputFiles(new FilePayload(name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nhập").setExact(true)).click();
    }
}
