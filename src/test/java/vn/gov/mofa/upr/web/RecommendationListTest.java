package vn.gov.mofa.upr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.ImportReport;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;

/**
 * The recommendation list as its users meet it over HTTP: the numbers people type, words without accents, filters
 * that combine, natural order, pages of 50, exports that hold exactly the list and import back unchanged, and who may
 * see what.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommendationListTest {

    static final int CYCLE = 84;
    static final String HEADER = "number,text,text_vi,recommending_states,response,cycle,task_group,lead_agency,"
            + "coordinating_agencies,plan_due_date,due_date,themes,sdgs\n";
    static final Pattern ROW = Pattern.compile("data-cycle=\"(\\d+)\" data-number=\"([^\"]+)\"");

    @Autowired TestRestTemplate http;
    @Autowired RecommendationImport imports;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired RecommendationRegistry registry;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @BeforeAll
    void aCycleOfRecommendations() {
        var csv = new StringBuilder(HEADER)
                .append("143.1,Take effective measures against torture,\"Có biện pháp hiệu quả phòng, chống tra tấn\",Sweden,Supported,84,1,mps,moj,31/12/2030,31/12/2029,Torture,16\n")
                .append("143.10,Ensure birth registration of every child,Bảo đảm đăng ký khai sinh cho trẻ em,France,Supported,84,2,moj,,31/12/2030,30/06/2028,Birth registration,16\n")
                .append("143.2,Strengthen primary education,Tăng cường giáo dục tiểu học,Chile,Supported,84,3,moet,mps,31/12/2030,31/12/2027,Education,4\n")
                .append("143.1.1,Consider the optional protocol,Xem xét nghị định thư,Chile,Noted,84,,,,,,,\n")
                .append("143.11,Expand access to clean water,Mở rộng tiếp cận nước sạch,Peru,Supported,84,,,,31/12/2030,,Water,6\n");
        for (int i = 1; i <= 60; i++) {
            csv.append("9.").append(i).append(",Filler recommendation ").append(i).append(",,Peru,Noted,84,,,,,,,\n");
        }
        ImportReport report = imports.importFile("list.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal");
        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(65);
        Recommendations.continueStarts(management);
        // the plan of 143.2 is late: its task was due yesterday
        Task late = tasks.createTaskQuery().processInstanceBusinessKey("UPR84-143.2").singleResult();
        late.setDueDate(new Date(System.currentTimeMillis() - 86_400_000L));
        tasks.saveTask(late);
    }

    @Test
    void aNumberIsFoundFirstInEveryFormPeopleType() {
        for (String typed : List.of("143.1", "KN 143.1", "kn143.1", "UPR84-143.1", " 143.1 ")) {
            List<String> found = numbers(page("mofa.focal", "cycle=84&q=" + typed));
            assertThat(found).as(typed).containsExactly("143.1", "143.1.1");
        }
        // the business key names the cycle: no cycle filter needed
        assertThat(numbers(page("mofa.focal", "q=UPR84-143.10"))).containsExactly("143.10");
    }

    @Test
    void wordsAreFoundWithOrWithoutAccentsInEitherLanguage() {
        for (String words : List.of("tra tan", "tra tấn", "TRA TẤN", "chong tra", "torture", "TORTURE measures")) {
            assertThat(numbers(page("mofa.focal", "cycle=84&q=" + words))).as(words).containsExactly("143.1");
        }
        assertThat(numbers(page("mofa.focal", "cycle=84&q=khai sinh"))).containsExactly("143.10");
        assertThat(page("mofa.focal", "cycle=84&q=không có từ này")).contains("Không có khuyến nghị nào khớp");
    }

    @Test
    void filtersCombine() {
        assertThat(numbers(page("mofa.focal", "cycle=84&lead=moj"))).containsExactly("143.10");
        assertThat(numbers(page("mofa.focal", "cycle=84&coordinating=mps"))).containsExactly("143.2");
        assertThat(numbers(page("mofa.focal", "cycle=84&group=3"))).containsExactly("143.2");
        assertThat(numbers(page("mofa.focal", "cycle=84&theme=birth"))).containsExactly("143.10");
        assertThat(numbers(page("mofa.focal", "cycle=84&sdg=16"))).containsExactly("143.1", "143.10");
        assertThat(numbers(page("mofa.focal", "cycle=84&sdg=16&lead=mps"))).containsExactly("143.1");
        assertThat(numbers(page("mofa.focal", "cycle=84&response=SUPPORTED"))).containsExactly("143.1", "143.2", "143.10", "143.11");
        assertThat(numbers(page("mofa.focal", "cycle=84&step=assignment"))).containsExactly("143.11");
        assertThat(numbers(page("mofa.focal", "cycle=84&step=plan"))).containsExactly("143.1", "143.2", "143.10");
        assertThat(numbers(page("mofa.focal", "cycle=84&step=plan&lead=mps"))).containsExactly("143.1");
        assertThat(numbers(page("mofa.focal", "cycle=84&step=closed"))).isEmpty();
        assertThat(numbers(page("mofa.focal", "cycle=84&waiting=moj"))).containsExactly("143.10");
        assertThat(numbers(page("mofa.focal", "cycle=84&waiting=mofa"))).containsExactly("143.11");
        assertThat(numbers(page("mofa.focal", "cycle=84&overdue=true"))).containsExactly("143.2");
        assertThat(numbers(page("mofa.focal", "cycle=84&status=NO_APPROVED_REPORT&response=SUPPORTED&group=2")))
                .containsExactly("143.10");
        String overdue = page("mofa.focal", "cycle=84&overdue=true");
        assertThat(overdue).contains("Lập kế hoạch").contains("Bộ Giáo dục và Đào tạo").contains("(quá hạn)");
    }

    @Test
    void numbersSortAsNumbersAndTheOtherOrdersHold() {
        assertThat(numbers(page("mofa.focal", "cycle=84&q=143"))).containsExactly("143.1", "143.1.1", "143.2", "143.10", "143.11");
        assertThat(numbers(page("mofa.focal", "cycle=84&response=SUPPORTED&sort=due")))
                .containsExactly("143.2", "143.10", "143.1", "143.11");
        assertThat(page("mofa.focal", "cycle=84&sort=sideways")).contains("Sắp xếp").contains("sideways");
    }

    @Test
    void pagesHoldFiftyAndTheirLinksKeepTheQuery() {
        String first = page("mofa.focal", "cycle=84&response=NOTED");
        assertThat(numbers(first)).hasSize(50).startsWith("9.1", "9.2", "9.3");
        assertThat(first).contains("<strong id=\"total\">61</strong>").contains("Trang 1/2")
                .contains("href=\"/recommendations?cycle=84&amp;response=NOTED&amp;page=2\"");
        List<String> second = numbers(page("mofa.focal", "cycle=84&response=NOTED&page=2"));
        assertThat(second).hasSize(11).endsWith("9.60", "143.1.1");
    }

    @Test
    void theExportHoldsExactlyTheListInTheImportersColumns() throws IOException {
        ResponseEntity<byte[]> csv = get("mofa.focal", "/recommendations/export.csv?cycle=84&sdg=16", byte[].class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("khuyen-nghi.csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFSố khuyến nghị,Nội dung,Nội dung (tiếng Việt),Quốc gia khuyến nghị,Trả lời,Chu kỳ,"
                + "Nhóm nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời hạn kế hoạch,Thời hạn,Chủ đề,SDG,Nhóm đối tượng\r\n");
        assertThat(text.lines().skip(1).toList()).containsExactly(
                "143.1,Take effective measures against torture,\"Có biện pháp hiệu quả phòng, chống tra tấn\",Sweden,Chấp thuận,84,1,mps,moj,31/12/2030,31/12/2029,Torture,16,",
                "143.10,Ensure birth registration of every child,Bảo đảm đăng ký khai sinh cho trẻ em,France,Chấp thuận,84,2,moj,,31/12/2030,30/06/2028,Birth registration,16,");

        ResponseEntity<byte[]> xlsx = get("mofa.focal", "/recommendations/export.xlsx?cycle=84&response=SUPPORTED", byte[].class);
        assertThat(xlsx.getHeaders().getContentType().toString()).contains("spreadsheetml");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Số khuyến nghị");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            List<String> exported = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                exported.add(sheet.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(exported).containsExactly("143.1", "143.2", "143.10", "143.11");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Có biện pháp hiệu quả phòng, chống tra tấn");
        }
    }

    @Test
    void anExportImportsBackUnchangedAndAnEditChangesOnlyWhatWasEdited() {
        byte[] csv = get("mofa.focal", "/recommendations/export.csv?cycle=84&response=SUPPORTED", byte[].class).getBody();
        ImportReport again = imports.importFile("khuyen-nghi.csv", csv, null, false, "mofa.focal");
        assertThat(again.errors()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(again.created() + again.updated()).isZero();

        byte[] xlsx = get("mofa.focal", "/recommendations/export.xlsx?cycle=84&response=SUPPORTED", byte[].class).getBody();
        ImportReport fromExcel = imports.importFile("khuyen-nghi.xlsx", xlsx, null, false, "mofa.focal");
        assertThat(fromExcel.errors()).isEmpty();
        assertThat(fromExcel.unchanged()).isEqualTo(4);

        String edited = new String(csv, StandardCharsets.UTF_8).replace("Tăng cường giáo dục tiểu học", "Tăng cường giáo dục tiểu học và trung học");
        ImportReport changed = imports.importFile("khuyen-nghi.csv", edited.getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal");
        assertThat(changed.errors()).isEmpty();
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(3);
        assertThat(registry.find(CYCLE, "143.2")).get().extracting(r -> r.textVi()).isEqualTo("Tăng cường giáo dục tiểu học và trung học");
        assertThat(numbers(page("mofa.focal", "cycle=84&q=trung hoc"))).containsExactly("143.2");
    }

    @Test
    void anAgencySeesAndExportsOnlyWhatItLeadsOrCoordinates() {
        assertThat(numbers(page("moj.focal", "cycle=84"))).containsExactly("143.1", "143.10");
        assertThat(numbers(page("moj.lead", "cycle=84"))).containsExactly("143.1", "143.10");
        assertThat(numbers(page("moet.focal", "cycle=84&q=143.1"))).isEmpty();
        assertThat(numbers(page("moh.focal", "cycle=84"))).isEmpty();
        // asking for another agency's work by filter finds nothing more
        assertThat(numbers(page("moj.focal", "cycle=84&lead=moet"))).isEmpty();
        assertThat(new String(get("moj.focal", "/recommendations/export.csv?cycle=84", byte[].class).getBody(), StandardCharsets.UTF_8)
                .lines().skip(1).map(l -> l.split(",")[0]).toList()).containsExactly("143.1", "143.10");
        // MOFA's officers, leaders and the administrator see all
        for (String mofa : List.of("mofa.focal", "mofa.lead")) {
            assertThat(numbers(page(mofa, "cycle=84&response=SUPPORTED"))).as(mofa).hasSize(4);
        }
        assertThat(numbers(get("admin", "Quantri-2026", "/recommendations?cycle=84&response=SUPPORTED"))).hasSize(4);
        // the selection boxes of bulk assignment are MOFA officers' only
        assertThat(page("mofa.focal", "cycle=84&step=assignment")).contains("class=\"pick\"").contains("Phân công theo gợi ý");
        assertThat(page("mofa.lead", "cycle=84&step=assignment")).doesNotContain("class=\"pick\"").doesNotContain("Phân công theo gợi ý");
        assertThat(page("moj.focal", "cycle=84")).doesNotContain("class=\"pick\"");
    }

    @Test
    void anonymousUsersAreSentToTheLogin() throws Exception {
        var browser = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/recommendations", "/recommendations?cycle=84", "/recommendations/export.csv",
                "/recommendations/export.xlsx")) {
            var answer = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(path).get().asString().contains("/login");
            assertThat(answer.body()).as(path).doesNotContain("143.1");
        }
    }

    private String page(String user, String query) {
        ResponseEntity<String> answer = get(user, "/recommendations?" + query, String.class);
        assertThat(answer.getStatusCode().value()).as(query + ": " + answer.getBody()).isIn(200, 400);
        return answer.getBody();
    }

    private String get(String user, String password, String path) {
        return http.withBasicAuth(user, password).getForEntity(path, String.class).getBody();
    }

    private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, HttpEntity.EMPTY, type);
    }

    /** The numbers of the rows of this test's cycle, in the list's order. */
    static List<String> numbers(String page) {
        List<String> numbers = new ArrayList<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            if (row.group(1).equals(String.valueOf(CYCLE))) {
                numbers.add(row.group(2));
            }
        }
        return numbers;
    }
}
