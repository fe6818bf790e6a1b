package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * Cockpit as MOFA's officers meet it (issue 20), in Chromium with a Vietnamese browser: a recommendation found by its
 * number, running or finished, and no button for a change MOFA may not make (the server refuses them all:
 * MofaReadsOnlyTest), while an administrator keeps them. Leaves a picture in {@code src/site/screenshots/}.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitBrowserIT {

    static final int CYCLE = 93;
    static final int EARLIER_CYCLE = 94;
    static final Path SCREENSHOTS = Paths.get("src/site/screenshots");

    @LocalServerPort int port;
    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    Playwright playwright;
    Browser browser;
    String running;

    @BeforeAll
    void storyAndBrowser() {
        var recommendations = new Recommendations(imports, runtime, management);
        running = recommendations.track(CYCLE, "143.1", "Ratify the Convention on the rights of migrant workers", "moj",
                null, "4", "31/12/2030").getId();
        recommendations.track(CYCLE, "143.10", "Combat trafficking in persons", "mps", null, "4", "31/12/2030");
        String finished = recommendations.track(EARLIER_CYCLE, "143.1", "Ratify the Convention", "moj", null, "4",
                "31/12/2030").getId();
        runtime.deleteProcessInstance(finished, "chu kỳ trước đã khép lại");

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
    void aMofaOfficerFindsARecommendationByItsNumberRunningOrFinished() {
        Page page = login("mofa.focal", "demo");
        Locator found = page.locator(".upr-find .upr-found tbody tr");
        for (String typed : new String[] {"143.1", "KN 143.1"}) {
            page.locator("#upr-number").fill(typed);
            page.locator(".upr-find button[type=submit]").click();
            assertThat(page.locator(".upr-find .upr-answer")).containsText("UPR");
            assertThat(found).hasCount(2);
            assertThat(found.filter(new Locator.FilterOptions().setHasText("UPR" + CYCLE + "-143.1"))).containsText("Đang theo dõi");
            assertThat(found.filter(new Locator.FilterOptions().setHasText("UPR" + EARLIER_CYCLE + "-143.1"))).containsText("Đã dừng");
        }
        screenshot(page, "cockpit-find-by-number.png");
        page.locator("#upr-number").fill("UPR" + CYCLE + "-143.1");
        page.locator(".upr-find button[type=submit]").click();
        assertThat(found).hasCount(1);
        found.getByText("Mở trong Cockpit").click();
        assertThat(page.locator(".upr-facts")).containsText("143.1");
    }

    @Test
    void aMofaOfficerIsOfferedNoChangeAndAnAdministratorIs() {
        Page officer = login("mofa.focal", "demo");
        openInstance(officer);
        assertThat(officer.locator(".action-button:visible, .btn-toolbar:visible")).hasCount(0);
        assertThat(officer.locator("[cam-widget-variables-table] button:visible")).hasCount(0);
        screenshot(officer, "cockpit-read-only.png");
        officer.getByText("Thông tin khuyến nghị").click();
        Locator facts = officer.locator(".upr-facts tr");
        assertThat(facts.filter(new Locator.FilterOptions().setHasText("Số khuyến nghị"))).containsText("143.1");
        assertThat(facts.filter(new Locator.FilterOptions().setHasText("Cơ quan chủ trì"))).containsText("Bộ Tư pháp");
        screenshot(officer, "cockpit-recommendation-facts.png");

        Page administrator = login("admin", "Quantri-2026");
        openInstance(administrator);
        assertThat(administrator.locator(".btn-toolbar:visible").first()).isVisible();
        assertThat(administrator.locator("[cam-widget-variables-table] button:visible").first()).isVisible();
    }

    private void openInstance(Page page) {
        page.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + running + "/runtime?tab=variables-tab"));
        assertThat(page.locator("[cam-widget-variables-table]")).containsText("number",
                new LocatorAssertions.ContainsTextOptions().setTimeout(45_000));
        page.waitForTimeout(1_000);
    }

    private Page login(String user, String password) {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN")
                .setTimezoneId("Asia/Ho_Chi_Minh").setViewportSize(1280, 900)).newPage();
        page.navigate(url("/camunda/app/cockpit/default/#/dashboard"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("input[type=text]").fill(user);
        page.locator("input[type=password]").fill(password);
        page.locator("button[type=submit]").click();
        assertThat(page.locator("#upr-number, .dashboard").first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(45_000));
        return page;
    }

    private static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
