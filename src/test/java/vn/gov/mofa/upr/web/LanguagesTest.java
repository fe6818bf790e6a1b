package vn.gov.mofa.upr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import vn.gov.mofa.upr.ApplicationTest;

/**
 * {@code ?lang=en} switches the product's own pages to English and the choice sticks (cookie {@code upr.lang});
 * {@code ?lang=vi} switches back; without a choice the pages are Vietnamese, whatever the browser asks for.
 */
@ApplicationTest
class LanguagesTest {

    @Autowired TestRestTemplate http;

    /** page -> its heading in English and in Vietnamese */
    static final Map<String, String[]> PAGES = Map.of(
            "/", new String[] {"This system helps the Ministry of Foreign Affairs", "Hệ thống giúp Bộ Ngoại giao"},
            "/recommendations", new String[] {">Recommendations</h2>", ">Danh sách khuyến nghị</h2>"},
            "/dashboard", new String[] {"Implementation of the UPR recommendations: progress", "Bảng theo dõi tiến độ thực hiện khuyến nghị UPR"},
            "/imports", new String[] {">Import recommendations</h2>", ">Nhập danh sách khuyến nghị</h2>"},
            "/notifications", new String[] {"Notifications (outbox)", "Thư thông báo (hộp thư đi)"},
            "/rounds", new String[] {">Reporting rounds</h2>", ">Các đợt báo cáo</h2>"});

    @Test
    void eachPageSpeaksEnglishOnRequestAndKeepsTheChoiceUntilVietnameseIsAskedAgain() {
        for (var page : PAGES.entrySet()) {
            String path = page.getKey();
            ResponseEntity<String> english = get(path + "?lang=en", null);
            assertThat(english.getBody()).as(path).contains(page.getValue()[0], "<html lang=\"en\"", "UPR recommendations follow-up</a>");
            String cookie = english.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
            assertThat(cookie).as(path).startsWith("upr.lang=en");
            assertThat(get(path, cookie.split(";")[0]).getBody()).as(path + ": the choice sticks").contains(page.getValue()[0]);
            ResponseEntity<String> vietnamese = get(path + "?lang=vi", cookie.split(";")[0]);
            assertThat(vietnamese.getBody()).as(path).contains(page.getValue()[1], "<html lang=\"vi\"", "Theo dõi thực hiện khuyến nghị UPR</a>");
            assertThat(vietnamese.getHeaders().getFirst(HttpHeaders.SET_COOKIE)).startsWith("upr.lang=vi");
        }
    }

    @Test
    void theCasePageSpeaksEnglishToo() {
        String list = get("/recommendations?size=1", null).getBody();
        String href = list.replaceAll("(?s).*?<td class=\"number\"><a href=\"([^\"]+)\".*", "$1");
        if (href.startsWith("/recommendations/")) {
            assertThat(get(href + "?lang=en", null).getBody()).contains("Implementation plan", "Timeline", "Print the case");
        }
        assertThat(get("/recommendations/71/M.1?lang=en", null).getStatusCode().value()).isIn(200, 404);
    }

    @Test
    void withoutAChoiceThePagesAreVietnameseWhateverTheBrowserAsks() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9");
        String body = http.withBasicAuth("mofa.focal", "demo")
                .exchange("/dashboard", HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
        assertThat(body).contains("Bảng theo dõi tiến độ thực hiện khuyến nghị UPR");
        assertThat(get("/rounds?lang=fr", null).getBody()).as("a language the product lacks: Vietnamese").contains("Các đợt báo cáo");
    }

    private ResponseEntity<String> get(String path, String cookie) {
        HttpHeaders headers = new HttpHeaders();
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie);
        }
        return http.withBasicAuth("mofa.focal", "demo").exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
