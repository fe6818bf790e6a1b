package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;

/**
 * The import page in a real Chromium when things go wrong: the button sends a file once, the page says while it
 * works, and every failure — no answer, a proxy's 413 or 502 page, the server's 500, an expired session, a stale
 * CSRF token, an answer that is not JSON — is a Vietnamese sentence that says whether anything was imported, which the
 * import log decides when the answer cannot. Failures the server does not produce itself are simulated with
 * {@code page.route}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:importpage;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class ImportPageBrowserIT {

    private static final double TIMEOUT_MS = 20_000;
    private static final String NOTHING_IMPORTED = "Chưa nhập khuyến nghị nào.";
    /** What the server's 500 for an import looks like (ImportController, web.ApiErrors). */
    private static final String SERVER_500 = """
            {"type":"about:blank","title":"Lỗi hệ thống","status":500,"detail":"Máy chủ gặp lỗi ngoài dự kiến khi nhập tệp",\
            "instance":"/api/imports","error":"Máy chủ gặp lỗi ngoài dự kiến khi nhập tệp"}""";

    private static Playwright playwright;
    private static Browser browser;
    private static int files;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    private Path chosen;
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
    void openTheImportPageAsMofa() {
        baseUrl = "http://localhost:" + port;
        context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh")
                .setViewportSize(1400, 1000));
        context.setDefaultTimeout(TIMEOUT_MS);
        page = context.newPage();
        logIn();
    }

    private void logIn() {
        Chromium.logInToTasklist(page, baseUrl, "mofa.focal");
        page.navigate(baseUrl + "/imports");
        historyShown();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void theButtonSendsOnceAndThePageSaysWhileTheFileIsOnItsWay() throws IOException {
        List<Route> held = new ArrayList<>();
        page.route("**/api/imports", route -> {
            if ("POST".equals(route.request().method())) {
                held.add(route); // answered later: the upload is still running
            } else {
                route.resume();
            }
        });
        String file = choose("phu-luc-mot-lan.csv", "201.1");

        button().dblclick();
        page.waitForCondition(() -> !held.isEmpty());
        assertThat(button()).isDisabled();
        assertThat(title()).containsText("Đang xử lý");
        assertThat(title()).containsText(file);
        page.evaluate("() => { document.querySelector('#import-form button').click();"
                + " document.getElementById('import-form').requestSubmit(); }");
        page.waitForTimeout(500);
        assertEquals(1, held.size(), "uploads sent");

        held.get(0).resume();

        assertThat(title()).hasText("Đã nhập xong");
        assertThat(button()).isEnabled();
        assertThat(page.locator("#history tbody tr").filter(new Locator.FilterOptions().setHasText(file))).hasCount(1);
    }

    @Test
    void noAnswerBeforeTheServerHadTheFileImportedNothing() throws IOException {
        page.route("**/api/imports", post(route -> route.abort("connectionreset")));
        String file = choose("mat-ket-noi.csv", "202.1");

        button().click();

        assertFailure("Không nhận được trả lời của máy chủ", NOTHING_IMPORTED, "không tạo trùng");
        assertNotInTheLog(file);
    }

    @Test
    void noAnswerAfterTheServerImportedSaysItWasImported() throws IOException {
        String file = choose("mat-ket-noi-sau-khi-nhap.csv", "203.1");
        page.route("**/api/imports", post(route -> {
            // the server imports the file (Chromium does not hand an upload's body to route.fetch, so it is sent
            // again as it was); the answer is lost on the way back
            assertEquals(200, uploadAsMofa(file).getStatusCode().value());
            route.abort("connectionreset");
        }));

        button().click();

        assertFailure("Không nhận được trả lời của máy chủ", "đã được nhập lúc", "1 khuyến nghị mới", "Không cần nhập lại");
        assertThat(title()).not().containsText(NOTHING_IMPORTED);
    }

    @Test
    void aProxysTooLargePageSaysTheLimitAndThatNothingWasImported() throws IOException {
        page.route("**/api/imports", post(route -> route.fulfill(new Route.FulfillOptions().setStatus(413)
                .setContentType("text/html").setBody("<html><body><center><h1>413 Request Entity Too Large</h1></center>"
                        + "<hr><center>nginx</center></body></html>"))));
        choose("qua-lon.csv", "204.1");

        button().click();

        assertFailure("Tệp quá lớn; giới hạn là", NOTHING_IMPORTED);
        assertThat(title()).not().containsText("Request Entity");
    }

    @Test
    void theServersErrorIsCheckedInTheLog() throws IOException {
        page.route("**/api/imports", post(route -> route.fulfill(new Route.FulfillOptions().setStatus(500)
                .setContentType("application/problem+json").setBody(SERVER_500))));
        String file = choose("loi-may-chu.csv", "205.1");

        button().click();

        assertFailure("Máy chủ gặp lỗi khi xử lý tệp (mã 500).", NOTHING_IMPORTED);
        assertNotInTheLog(file);
    }

    @Test
    void aProxysErrorPageOrALoginPageInsteadOfJsonIsNoRawAnswer() throws IOException {
        page.route("**/api/imports", post(route -> route.fulfill(new Route.FulfillOptions().setStatus(502)
                .setContentType("text/html").setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"))));
        choose("cong-trung-gian.csv", "206.1");
        button().click();
        assertFailure("Máy chủ gặp lỗi khi xử lý tệp (mã 502).", NOTHING_IMPORTED);
        assertThat(title()).not().containsText("Bad Gateway");

        page.unrouteAll();
        page.route("**/api/imports", post(route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
                .setContentType("text/html").setBody("<html><body><form>Đăng nhập một lần (SSO)</form></body></html>"))));
        choose("trang-dang-nhap.csv", "206.2");
        button().click();
        assertFailure("Máy chủ trả lời không đúng dạng", NOTHING_IMPORTED);
    }

    @Test
    void aFailedDryRunImportedNothingBecauseItNeverDoes() throws IOException {
        page.route("**/api/imports", post(route -> route.fulfill(new Route.FulfillOptions().setStatus(500)
                .setContentType("application/problem+json").setBody(SERVER_500))));
        choose("kiem-tra.csv", "207.1");
        page.locator("#dryRun").check();

        button().click();

        assertFailure("Máy chủ gặp lỗi khi xử lý tệp (mã 500).", "chỉ là kiểm tra nên không có gì được nhập");
    }

    @Test
    void anExpiredSessionAsksToLogInAgain() throws IOException {
        String file = choose("het-phien.csv", "208.1");
        context.clearCookies(); // what 30 minutes without a request do to the session

        button().click();

        assertFailure("Phiên đăng nhập đã hết hạn", NOTHING_IMPORTED, "Hãy đăng nhập lại rồi nhập lại tệp");
        assertThat(page.locator("#result-counts a")).hasText("Đăng nhập lại");
        page.locator("#result-counts a").click();
        assertThat(page.locator("input[type=password]")).isVisible();
        logIn();
        assertNotInTheLog(file);
    }

    @Test
    void aPageOlderThanTheSessionIsRefusedAndSaysToReload() throws IOException {
        String file = choose("trang-cu.csv", "209.1");
        // the page's token no longer matches the session (logged in again in another tab)
        page.evaluate("() => document.querySelector('meta[name=\"upr-csrf\"]').content = 'token-cu'");

        button().click();

        assertFailure("Máy chủ từ chối yêu cầu: Thiếu hoặc sai mã CSRF", NOTHING_IMPORTED, "tải lại trang này");
        assertNotInTheLog(file);
    }

    /** The import log as the page shows it once it has read it. */
    private void historyShown() {
        page.waitForFunction("() => !document.getElementById('history-empty').hidden"
                + " || document.querySelector('#history tbody tr') !== null");
    }

    private Locator button() {
        return page.locator("#import-form button[type=submit]");
    }

    private Locator title() {
        return page.locator("#result-title");
    }

    /** Chooses a one-row annex of the given number, named as given; returns the name. */
    private String choose(String name, String number) throws IOException {
        chosen = Files.createTempDirectory("upr-import-page").resolve(name);
        Files.writeString(chosen, "number,text,cycle,lead_agency,task_group\n" + number
                + ",Tiếp tục cải cách tư pháp (" + ++files + "),4,Bộ Tư pháp,1\n", StandardCharsets.UTF_8);
        page.locator("#file").setInputFiles(chosen);
        return name;
    }

    /** The chosen file uploaded by a script with MOFA's login. */
    private ResponseEntity<String> uploadAsMofa(String name) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new FileSystemResource(chosen));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertEquals(name, chosen.getFileName().toString());
        return rest.withBasicAuth("mofa.focal", "demo").postForEntity("/api/imports", new HttpEntity<>(body, headers),
                String.class);
    }

    /** A handler for the upload only; the import log's GET goes through. */
    private static Consumer<Route> post(Consumer<Route> upload) {
        return route -> {
            if ("POST".equals(route.request().method())) {
                upload.accept(route);
            } else {
                route.resume();
            }
        };
    }

    private void assertFailure(String... words) {
        assertThat(title()).not().hasText(Pattern.compile("^$|Đang xử lý"));
        for (String word : words) {
            assertThat(title()).containsText(word);
        }
        assertThat(title()).hasClass("error");
        assertThat(title()).not().containsText("Internal Server Error");
        assertThat(title()).not().hasText(Pattern.compile("^\\W*(HTTP\\W*)?\\d{3}\\b"));
        assertThat(button()).isEnabled();
    }

    private void assertNotInTheLog(String file) {
        page.reload();
        historyShown();
        assertThat(page.locator("#history tbody tr").filter(new Locator.FilterOptions().setHasText(file))).hasCount(0);
    }
}
