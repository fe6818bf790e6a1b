package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * Annexes as ministries and the Prime Minister's decision write them: titles above the table, an STT column, numbers
 * inside the text, agencies by full names with commas and hyphens, abbreviations, pre-2025 names and phrases naming no
 * one. Cycles 116-119 are this class's own.
 */
@ApplicationTest
class AnnexAsMinistriesWriteItTest {

    @Autowired
    RecommendationImport imports;
    @Autowired
    RecommendationRegistry registry;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate rest;

    private static final String MINISTRY_CSV = """
            PHỤ LỤC;;;;;;
            DANH MỤC KHUYẾN NGHỊ ĐƯỢC CHẤP THUẬN, CHU KỲ 117;;;;;;
            ;;;;;;

            STT;Số hiệu;Nội dung khuyến nghị;Nhóm nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian thực hiện
            1;117.1;Tiếp tục phát huy bản sắc văn hóa;1;Bộ Văn hóa, Thể thao và Du lịch;"Bộ Lao động - Thương binh và Xã hội; BCA";Năm 2026
            2;;117.2. Bảo đảm quyền học tập;2;Bộ LĐ-TB&XH;"Bộ GD&ĐT, các bộ, ngành liên quan";Quý II/2027
            3;;Tăng cường phổ biến pháp luật (117.3);;;các cơ quan liên quan;Thường xuyên
            4;117.4;Thúc đẩy bình đẳng giới;3;"UBND các tỉnh, thành phố trực thuộc trung ương";"Hội LHPN Việt Nam
            Trung ương Đoàn";31/12/2026
            """;

    @Test
    void aMinistrysCsvImportsWithEveryNameResolvedAndTheVaguePhrasesKept() {
        ImportReport report = imports.importFile("phu-luc-117.csv", MINISTRY_CSV.getBytes(StandardCharsets.UTF_8), 117,
                false, "mofa.focal");

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(4);
        assertThat(report.tracked()).isEqualTo(4);
        assertThat(report.waitingForAssignment()).as("117.3 names no lead").isEqualTo(1);
        assertThat(report.viaOtherNames()).as("LĐ-TB&XH twice, BCA, GD&ĐT, UBND, Hội LHPN, TƯ Đoàn").isEqualTo(7);
        assertThat(report.notesKept()).isEqualTo(2);
        assertThat(report.notices()).anySatisfy(notice -> {
            assertThat(notice.row()).isEqualTo(6);
            assertThat(notice.message()).contains("\"Bộ Lao động - Thương binh và Xã hội\" là tên trước năm 2025",
                    "Bộ Nội vụ");
        }).anySatisfy(notice -> {
            assertThat(notice.row()).isEqualTo(7);
            assertThat(notice.message()).contains("\"Bộ LĐ-TB&XH\"", "Bộ Nội vụ");
        });

        Recommendation first = registry.find(117, "117.1").orElseThrow();
        assertThat(first.leadAgency()).isEqualTo("mocst");
        assertThat(first.coordinatingAgencies()).containsExactly("moha", "mps");
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(first.annexNote()).isNull();
        Recommendation second = registry.find(117, "117.2").orElseThrow();
        assertThat(second.text()).isEqualTo("Bảo đảm quyền học tập");
        assertThat(second.leadAgency()).isEqualTo("moha");
        assertThat(second.coordinatingAgencies()).containsExactly("moet");
        assertThat(second.annexNote()).isEqualTo("Cơ quan phối hợp theo phụ lục: các bộ, ngành liên quan");
        assertThat(second.dueDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        Recommendation third = registry.find(117, "117.3").orElseThrow();
        assertThat(third.text()).isEqualTo("Tăng cường phổ biến pháp luật");
        assertThat(third.leadAgency()).isNull();
        assertThat(third.assignmentConfirmed()).isFalse();
        assertThat(third.dueDate()).as("Thường xuyên: no deadline").isNull();
        Recommendation fourth = registry.find(117, "117.4").orElseThrow();
        assertThat(fourth.leadAgency()).isEqualTo("ppc");
        assertThat(fourth.coordinatingAgencies()).containsExactly("vwu", "hcyu");

        Recommendations.continueStarts(management);
        String instance = new Recommendations(imports, runtime, management).instanceOf(117, "117.3").getId();
        assertThat(runtime.getVariable(instance, RecommendationProcess.VAR_ANNEX_NOTE))
                .isEqualTo("Cơ quan phối hợp theo phụ lục: các cơ quan liên quan; Thời hạn theo phụ lục: Thường xuyên "
                        + "(nhiệm vụ thường xuyên, không có hạn hoàn thành cụ thể)");
        ResponseEntity<Map<String, Object>> details = rest.withBasicAuth("mofa.focal", "demo").exchange(
                "/api/recommendations/117/117.2", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(String.valueOf(details.getBody())).contains("annexNote=Cơ quan phối hợp theo phụ lục: các bộ, ngành liên quan");

        ImportReport again = imports.importFile("phu-luc-117.csv", MINISTRY_CSV.getBytes(StandardCharsets.UTF_8), 117,
                false, "mofa.focal");
        assertThat(again.errors()).isEmpty();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).as("re-import changes nothing").isZero();
        assertThat(again.unchanged()).isEqualTo(4);

        ResponseEntity<List<Map<String, Object>>> log = rest.withBasicAuth("mofa.focal", "demo").exchange("/api/imports",
                HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(log.getBody()).filteredOn(entry -> "phu-luc-117.csv".equals(entry.get("fileName")))
                .anySatisfy(entry -> assertThat(entry).containsEntry("created", 4).containsEntry("waitingForAssignment", 1)
                        .containsEntry("viaOtherNames", 7).containsEntry("notesKept", 2));
    }

    @Test
    void anUnknownAgencyIsQuotedWithTheNearestNamesAndNothingIsImported() {
        String csv = """
                Số hiệu,Nội dung,Nhóm nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp
                118.1,Text,1,Bộ Tư pháp,"Bộ Văn hóa, Thể thao và Du lịch"
                118.2,Text,1,Bộ Văn hoá Thông tin,"Bộ Công an, Bộ Ngoại giao Việt Nam"
                """;

        ImportReport refused = imports.importFile("annex.csv", csv.getBytes(StandardCharsets.UTF_8), 118, false,
                "mofa.focal");

        assertThat(refused.ok()).isFalse();
        assertThat(refused.errors()).extracting(RowError::row).containsOnly(3);
        assertThat(refused.errors().toString())
                .doesNotContain("'Bộ Văn hóa'", "Thể thao và Du lịch'")
                .contains("Cơ quan chủ trì không xác định: 'Bộ Văn hoá Thông tin'", "Bộ Văn hóa, Thể thao và Du lịch")
                .contains("Cơ quan phối hợp không xác định: 'Bộ Ngoại giao Việt Nam'", "Tên gần nhất");
        assertThat(registry.find(118, "118.1")).as("all or nothing").isEmpty();
    }

    @Test
    void aWorkbookWithMergedTitlesBlankRowsAndNumbersInTheTextImports() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Phụ lục");
            sheet.createRow(0).createCell(0).setCellValue("PHỤ LỤC KẾ HOẠCH THỰC HIỆN KHUYẾN NGHỊ UPR");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            sheet.createRow(1).createCell(0).setCellValue("(Kèm theo Quyết định số .../QĐ-TTg)");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 5));
            String[] header = {"STT", "Nội dung khuyến nghị (số hiệu)", "Cơ quan chủ trì", "Cơ quan phối hợp",
                    "Thời gian thực hiện", "Kết quả/sản phẩm"};
            Row titles = sheet.createRow(3);
            for (int i = 0; i < header.length; i++) {
                titles.createCell(i).setCellValue(header[i]);
            }
            String[][] rows = {
                    {"1", "Khuyến nghị 119.12: Tiếp tục cải cách tư pháp", "BTP", "TANDTC; VKSNDTC", "Năm 2026", "Báo cáo"},
                    {"2", "Bảo vệ quyền trẻ em (119.13)", "Bộ Y tế", "Bộ Lao động, Thương binh và Xã hội\nBộ TT&TT",
                            "Quý IV/2027", ""},
                    {"3", "119.14. Bảo vệ quyền người cao tuổi", "", "", "", ""}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(4 + r);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(5, 6, 2, 2)); // one lead for the last two rows
            sheet.addMergedRegion(new CellRangeAddress(5, 6, 3, 3));
            sheet.addMergedRegion(new CellRangeAddress(5, 6, 4, 4));
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        ImportReport report = imports.importFile("phu-luc.xlsx", xlsx, 119, false, "mofa.focal");

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(3);
        Recommendation justice = registry.find(119, "119.12").orElseThrow();
        assertThat(justice.text()).isEqualTo("Tiếp tục cải cách tư pháp");
        assertThat(justice.leadAgency()).isEqualTo("moj");
        assertThat(justice.coordinatingAgencies()).containsExactly("spc", "spp");
        assertThat(justice.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        Recommendation children = registry.find(119, "119.13").orElseThrow();
        assertThat(children.text()).isEqualTo("Bảo vệ quyền trẻ em");
        assertThat(children.coordinatingAgencies()).containsExactly("moha", "most");
        assertThat(children.dueDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        Recommendation elderly = registry.find(119, "119.14").orElseThrow();
        assertThat(elderly.leadAgency()).as("merged down from the row above").isEqualTo("moh");
        assertThat(elderly.coordinatingAgencies()).containsExactly("moha", "most");
        assertThat(elderly.dueDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(report.notices()).extracting(RowNotice::row).containsOnly(6, 7);
        Recommendations.continueStarts(management);
    }

    @Test
    void theDecisionsAnnexInWordImportsThroughTheSameUpload() throws IOException {
        byte[] docx = AnnexDocxReaderTest.decision("KẾ HOẠCH THỰC HIỆN CÁC KHUYẾN NGHỊ UPR", table -> {
            AnnexDocxReaderTest.heading(table, "III. Nhóm nhiệm vụ 3: Bảo đảm quyền của các nhóm dễ bị tổn thương");
            AnnexDocxReaderTest.row(table, "1", "Khuyến nghị 116.5: Bảo vệ quyền trẻ em", "Bộ Y tế",
                    "Bộ Lao động - Thương binh và Xã hội; Trung ương Đoàn TNCS Hồ Chí Minh", "Quý III/2026", "Báo cáo");
        });

        ImportReport report = imports.importFile("quyet-dinh.docx", docx, 116, false, "mofa.focal");

        assertThat(report.errors()).isEmpty();
        Recommendation children = registry.find(116, "116.5").orElseThrow();
        assertThat(children.text()).isEqualTo("Bảo vệ quyền trẻ em");
        assertThat(children.taskGroup()).isEqualTo("3");
        assertThat(children.leadAgency()).isEqualTo("moh");
        assertThat(children.coordinatingAgencies()).containsExactly("moha", "hcyu");
        assertThat(children.dueDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(children.response()).isEqualTo("SUPPORTED");
        assertThat(report.waitingForAssignment()).isZero();
        assertThat(report.notices()).singleElement().satisfies(notice -> assertThat(notice.message()).contains("Bộ Nội vụ"));
        assertThat(imports.importFile("quyet-dinh.docx", docx, 116, false, "mofa.focal").unchanged()).isEqualTo(1);
        Recommendations.continueStarts(management);
    }

    @Test
    void theTemplatesHaveVietnameseHeadersAndAnExampleRowThatImportsAsItIs() {
        TestRestTemplate mofa = rest.withBasicAuth("mofa.focal", "demo");
        for (String format : List.of("xlsx", "csv")) {
            ResponseEntity<byte[]> template = mofa.getForEntity("/api/imports/template." + format, byte[].class);

            assertThat(template.getStatusCode().value()).isEqualTo(200);
            assertThat(template.getHeaders().getContentDisposition().getFilename()).isEqualTo("mau-phu-luc-khuyen-nghi." + format);
            ImportReport dryRun = imports.importFile("mau." + format, template.getBody(), null, true, "mofa.focal");
            assertThat(dryRun.errors()).as(format).isEmpty();
            assertThat(dryRun.created() + dryRun.unchanged()).as(format + ": the example row").isEqualTo(1);
            assertThat(dryRun.notesKept()).as(format + ": các bộ, ngành liên quan").isEqualTo(1);
            assertThat(dryRun.viaOtherNames()).as(format + ": TANDTC").isEqualTo(1);
        }
        String csv = new String(mofa.getForEntity("/api/imports/template.csv", byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFSố khuyến nghị,Nội dung,Nội dung (tiếng Việt),Quốc gia khuyến nghị,Trả lời,Chu kỳ,"
                + "Nhóm nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời hạn kế hoạch,Thời hạn,Chủ đề,SDG,Nhóm đối tượng\r\n");
        assertThat(csv.lines()).hasSize(2);
    }

    @Test
    void theBodiesThatAreNotMinistriesHaveTheirGroupsAndDemoUsers() {
        for (String code : List.of("ona", "vff", "vwu", "hcyu", "vgcl", "vna", "vtv", "vov", "ppc")) {
            assertThat(identity.createGroupQuery().groupId(code).count()).as(code).isEqualTo(1);
            assertThat(identity.createGroupQuery().groupId(code + "-leaders").count()).as(code).isEqualTo(1);
            assertThat(identity.createUserQuery().userId(code + ".focal").memberOfGroup(code).count()).as(code).isEqualTo(1);
        }
    }
}
