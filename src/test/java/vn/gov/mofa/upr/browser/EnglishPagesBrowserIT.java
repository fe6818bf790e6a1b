package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.casefile.CaseSteps;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * {@code ?lang=en} in Chromium with a Vietnamese locale: every product page a MOFA officer and an agency's focal point
 * open reads English (its heading, and none of the Vietnamese words a forgotten label would show), except the data
 * people typed (recommendation texts, agency and unit names, plans); {@code ?lang=vi} brings Vietnamese back.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnglishPagesBrowserIT {

    static final int CYCLE = 59;
    /** Words of the pages' own texts that show a label left in Vietnamese. */
    static final List<String> LEAKS = List.of("Khuyến nghị", "khuyến nghị", "Trạng thái", "Tình trạng", "Cơ quan", "Đợt báo cáo",
            "Hạn", "hạn", "Đang", "Chờ", "Lập kế hoạch", "Phân công", "Tất cả", "Đơn vị", "đơn vị", "Nhóm", "Lọc", "Số ", "Bước");
    /**
     * Where the pages show data as people typed or imported it (recommendation texts, agency, unit, group and person
     * names, plans, mails), and task names (Camunda's, Vietnamese in both languages): left out of the check.
     */
    static final String DATA = ".data, td.text, #text-vi, .agency-name, .unit-name, .name, .person, td.group, .task-name, "
            + "#mails summary, #mails .to, pre, table.by-status td.label, "
            + "#lead option, #coordinating option, #waiting option, #group option, #bulk-lead option, "
            + "#bulk-coordinating option, #bulk-group option, #tag-group option, #agency option, "
            + "#evidence-task option, #delegation-task option";

    @LocalServerPort int port;
    @Autowired RecommendationImport imports;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;

    Playwright playwright;
    Browser browser;

    @BeforeAll
    void aCaseWithAPlanAndAReportAndTheBrowser() {
        String csv = "number,text,text_vi,recommending_states,response,cycle,task_group,lead_agency,coordinating_agencies,"
                + "plan_due_date,due_date\n"
                + "5,\"Continue efforts to strengthen the rights of persons with disabilities\","
                + "\"Tiếp tục nỗ lực tăng cường quyền của người khuyết tật\",Chile,Supported,59,2,mps,moj,31/12/2030,31/12/2031\n";
        imports.importFile("annex-59.csv", csv.getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal");
        vn.gov.mofa.upr.Recommendations.continueStarts(management);
        var steps = new CaseSteps(CYCLE, tasks, runtime, management, identity);
        steps.work("5", "mps.focal", Map.of("focalPointName", "Trần Thị Bình", "focalPointEmail", "binh@mps.gov.vn",
                "planActions", "Tập huấn 300 cán bộ", "planDeadline", "2030-06-30", "expectedOutput", "Cán bộ nắm vững quy định"));
        steps.review("5", true, null);
        steps.requestReport("5", "english-round-1", "Báo cáo giữa kỳ 2029");

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
    void mofaReadsItsPagesInEnglishAndSwitchesBack() {
        Page page = loginAs("mofa.focal");
        List<String> leaks = new ArrayList<>();
        leaks.addAll(english(page, "/", "This system helps the Ministry of Foreign Affairs"));
        leaks.addAll(english(page, "/recommendations", "Recommendations"));
        leaks.addAll(english(page, "/recommendations?step=assignment", "Recommendations"));
        leaks.addAll(english(page, "/recommendations/" + CYCLE + "/5", "Implementation plan"));
        leaks.addAll(english(page, "/dashboard", "Implementation of the UPR recommendations: progress"));
        leaks.addAll(english(page, "/imports", "Import recommendations"));
        leaks.addAll(english(page, "/notifications", "Notifications (outbox)"));
        leaks.addAll(english(page, "/rounds", "Reporting rounds"));
        leaks.addAll(english(page, "/sign-off", "Sign-off by the agency's leader"));
        leaks.addAll(english(page, "/agencies/mps/progress", "Progress on the UPR recommendations of"));
        assertThat(leaks).as("Vietnamese left on the English pages").isEmpty();

        // the page's script speaks the page's language: assigning with nothing chosen
        page.navigate(url("/recommendations?step=assignment"));
        page.locator("#assign-prefilled").click();
        assertThat(page.locator("#bulk-title")).hasText("No recommendation chosen: tick the recommendations waiting for assignment.");

        page.navigate(url("/recommendations?lang=vi"));
        assertThat(page.locator("h2").first()).hasText("Danh sách khuyến nghị");
        page.locator("#assign-prefilled").click();
        assertThat(page.locator("#bulk-title")).hasText("Chưa chọn khuyến nghị nào: đánh dấu các khuyến nghị đang chờ phân công.");
    }

    @Test
    void anAgencyReadsItsPagesInEnglishAndSwitchesBack() {
        Page page = loginAs("mps.focal");
        List<String> leaks = new ArrayList<>();
        leaks.addAll(english(page, "/recommendations", "Recommendations"));
        leaks.addAll(english(page, "/recommendations/" + CYCLE + "/5", "Implementation plan"));
        leaks.addAll(english(page, "/agency-units", "The agency's units"));
        leaks.addAll(english(page, "/agencies/mps/groups", "Groups and plan of"));
        leaks.addAll(english(page, "/agencies/mps/progress", "Progress on the UPR recommendations of"));
        leaks.addAll(english(page, "/dashboard", "Implementation of the UPR recommendations: progress"));
        assertThat(leaks).as("Vietnamese left on the English pages").isEmpty();

        page.navigate(url("/agency-units?lang=vi"));
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        assertThat(page.locator("main")).containsText("Đơn vị");
    }

    /** Opens {@code path} in English; what is not English there (the page's language, its heading, Vietnamese words outside data). */
    private List<String> english(Page page, String path, String heading) {
        page.navigate(url(path + (path.contains("?") ? "&" : "?") + "lang=en"));
        List<String> found = new ArrayList<>();
        if (!"en".equals(page.locator("html").getAttribute("lang"))) {
            found.add(path + ": not marked <html lang=\"en\">");
        }
        if (!page.locator("main").innerText().contains(heading)) {
            found.add(path + ": no \"" + heading + "\"");
        }
        String shown = (String) page.evaluate("data => { const main = document.querySelector('main').cloneNode(true);"
                + " main.querySelectorAll(data).forEach(e => e.remove());"
                + " main.querySelectorAll('[hidden]').forEach(e => e.remove());"
                + " return main.innerText + ' ' + Array.from(main.querySelectorAll('[placeholder],[title],[aria-label]'))"
                + ".map(e => [e.placeholder, e.title, e.getAttribute('aria-label')].join(' ')).join(' '); }", DATA);
        for (String word : LEAKS) {
            int at = shown.indexOf(word);
            if (at >= 0) {
                found.add(path + ": \"" + word + "\" in …" + shown.substring(Math.max(0, at - 40), Math.min(shown.length(), at + 40))
                        .replace('\n', ' ') + "…");
            }
        }
        return found;
    }

    private Page loginAs(String user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN")
                .setTimezoneId("Asia/Ho_Chi_Minh").setViewportSize(1280, 900));
        Page page = context.newPage();
        Chromium.logInToTasklist(page, url(""), user);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
