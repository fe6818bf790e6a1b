package vn.gov.mofa.upr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.LoadState;

/**
 * Debian's Chromium as the browser tests drive it (never a downloaded browser), and the one way they log in. A test
 * class is skipped, saying why, where Chromium is not installed.
 */
record Chromium(Playwright playwright, Browser browser) implements AutoCloseable {

    static final Path PATH = Path.of("/usr/bin/chromium");
    /** Tasklist's first filter: it shows once a login has gone through. */
    static final String INBOX = "Việc của đơn vị tôi";

    static Chromium launch(double assertionTimeoutMs) {
        Assumptions.assumeTrue(Files.isExecutable(PATH),
                "Chromium not found at /usr/bin/chromium: install Debian's chromium to run the browser tests");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(PATH)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
        PlaywrightAssertions.setDefaultAssertionTimeout(assertionTimeoutMs);
        return new Chromium(playwright, browser);
    }

    /**
     * Fills the Camunda login form on {@code page} and sends it. The form is drawn again once the webapp's scripts and
     * texts have loaded: it is filled after that.
     */
    static void submitLogin(Page page, String user) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("input[type=text]").fill(user);
        page.locator("input[type=password]").fill("demo");
        page.locator("button[type=submit]").click();
    }

    /** Logs {@code user} in on Tasklist's form and waits for the inbox (slow on a freshly started server). */
    static void logInToTasklist(Page page, String baseUrl, String user) {
        page.navigate(baseUrl + "/camunda/app/tasklist/default/");
        submitLogin(page, user);
        assertThat(page.getByText(INBOX).first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(45_000));
    }

    @Override
    public void close() {
        playwright.close();
    }
}
