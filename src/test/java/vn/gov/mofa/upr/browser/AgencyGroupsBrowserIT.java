package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * MPS's focal point in a real Chromium makes its own group and puts two recommendations in it in one step, then sees
 * the group in the agency's progress view. Leaves {@code target/screenshots/agency-groups.png} and
 * {@code agency-progress.png}.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyGroupsBrowserIT {

    static final int CYCLE = 75;
    private static final double TIMEOUT_MS = 20_000;

    @LocalServerPort int port;
    @Autowired RecommendationImport imports;
    @Autowired ManagementService management;

    private Chromium chromium;

    @BeforeAll
    void threeRecommendationsOfMps() {
        chromium = Chromium.launch(TIMEOUT_MS);
        var annex = new Recommendations.Annex()
                .row(CYCLE, "B.1", "Protect freedom of expression", "mps", null, "3", "31/12/2027")
                .row(CYCLE, "B.2", "Prevent torture in detention", "mps", null, "3", "31/12/2027")
                .row(CYCLE, "B.3", "Combat trafficking in persons", "mps", null, "4", "31/12/2027");
        imports.importFile("browser.csv", annex.bytes(), null, false, "mofa.focal");
        Recommendations.continueStarts(management);
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theFocalPointGroupsTwoRecommendationsAtOnceAndSeesTheGroupsProgress() {
        String base = "http://localhost:" + port;
        var context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN").setViewportSize(1400, 1000));
        context.setDefaultTimeout(TIMEOUT_MS);
        Page page = context.newPage();
        Chromium.logInToTasklist(page, base, "mps.focal");

        page.navigate(base + "/agencies/mps/groups");
        page.locator("#group-code").fill("B-1");
        page.locator("#group-name").fill("Nhóm 1: Quyền dân sự, chính trị");
        page.locator("#save-group").click();
        assertThat(page.locator("#groups tr[data-code='B-1']")).containsText("Nhóm 1: Quyền dân sự, chính trị");

        page.locator("#tag").click();
        assertThat(page.locator("#tag-result")).hasText("Chưa chọn khuyến nghị nào: đánh dấu các khuyến nghị cần xếp nhóm.");
        for (String number : new String[] {"B.1", "B.2"}) {
            page.locator("#share tr[data-cycle='" + CYCLE + "'][data-number='" + number + "'] input.pick").check();
        }
        page.locator("#tag-group").selectOption("B-1");
        page.locator("#tag").click();
        assertThat(page.locator("#tag-result")).hasText("Đã xếp 2 khuyến nghị vào Nhóm 1: Quyền dân sự, chính trị.");
        page.reload();
        assertThat(page.locator("#share tr[data-cycle='" + CYCLE + "'][data-number='B.2'] td.group")).hasText("Nhóm 1: Quyền dân sự, chính trị");
        assertThat(page.locator("#share tr[data-cycle='" + CYCLE + "'][data-number='B.3'] td.group")).hasText("");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("agency-groups.png")).setFullPage(true));

        page.navigate(base + "/agencies/mps/progress?cycle=" + CYCLE);
        assertThat(page.locator("#by-group tr[data-group='B-1']")).containsText("Nhóm 1: Quyền dân sự, chính trị");
        page.locator("#by-group tr[data-group='B-1'] a").first().click();
        assertThat(page.locator("#selection")).containsText("Protect freedom of expression");
        assertThat(page.locator("#selection")).not().containsText("Combat trafficking");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("agency-progress.png")).setFullPage(true));
        context.close();
    }

    private static Path screenshot(String name) {
        return Paths.get("target", "screenshots", name);
    }
}
