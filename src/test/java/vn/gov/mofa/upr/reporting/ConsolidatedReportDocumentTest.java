package vn.gov.mofa.upr.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import vn.gov.mofa.upr.reporting.ConsolidatedReport.Entry;

class ConsolidatedReportDocumentTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String HYPERLINK = "=HYPERLINK(\"http://example.com\",\"Bấm vào đây\")";

    private static final Map<String, String> GROUPS = Map.of(
            "1", "Tăng cường nhà nước pháp quyền, hoàn thiện pháp luật, thể chế về quyền con người",
            "3", "Bảo đảm các quyền dân sự, chính trị",
            "4", "Bảo đảm quyền của các nhóm dễ bị tổn thương");
    private static final Map<String, String> AGENCIES = Map.of("moj", "Bộ Tư pháp", "mps", "Bộ Công an",
            "moha", "Bộ Nội vụ", "moh", "Bộ Y tế");

    static final ReportSettings SETTINGS = new ReportSettings(List.of("Như trên;", "Văn phòng Chính phủ;", "Lưu: VT, TCQT."),
            List.of("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"));
    static final Edition DRAFT = Edition.draft(LocalDateTime.of(2027, 1, 15, 9, 5));
    static final Edition APPROVED = new Edition(Edition.Kind.APPROVED, LocalDateTime.of(2027, 2, 5, 10, 30), "Đỗ Hùng Việt", null);

    private final ConsolidatedReportDocument document = new ConsolidatedReportDocument(SETTINGS);

    /** 12 recommendations of cycle II in three task groups and four lead agencies, deliberately out of order. */
    static ConsolidatedReport midTermReport() {
        return midTermReport(DRAFT);
    }

    static ConsolidatedReport midTermReport(Edition edition) {
        List<Entry> entries = List.of(
                recommendation("143.10", "Take the necessary steps for timely ratification of CAT", "1", "moj", "FULLY_IMPLEMENTED",
                        "Đã trình Quốc hội dự án Luật sửa đổi.\nĐã ban hành Nghị định hướng dẫn."),
                recommendation("143.4", "Ensure that any law governing the Internet is in compliance with ICCPR", "3", "mps",
                        "IN_PROGRESS", SCRIPT),
                recommendation("143.21", "Protect the rights of persons with disabilities", "4", "moh", "PARTIALLY_IMPLEMENTED",
                        "Đã mở rộng bảo hiểm y tế."),
                recommendation("143.1", "Continue efforts to ratify international human rights instruments", "1", "moj",
                        "FULLY_IMPLEMENTED", "Đã phê chuẩn."),
                recommendation("143.6", "Ratify the Second Optional Protocol to ICCPR", "3", "mps", null, null),
                recommendation("143.3", "Continue to strengthen its efforts to promote fundamental freedoms", "4", "moh",
                        "IN_PROGRESS", "Đang xây dựng chương trình."),
                recommendation("143.2", "In its implementation of Constitution article 69, ensure compliance with ICCPR", "1", "moj",
                        "IN_PROGRESS", "Đang rà soát."),
                recommendation("143.20", "Ensure equal access to education for ethnic minority children", "4", "moha",
                        "FULLY_IMPLEMENTED", "Đã hoàn thành."),
                recommendation("143.5", "Consider ratifying the Second Optional Protocol to ICCPR", "3", "mps", "NOT_STARTED",
                        "Chưa bố trí được nguồn lực."),
                recommendation("143.1.1", "Consider signing and ratifying the main international human rights treaties", "1",
                        "moj", "PARTIALLY_IMPLEMENTED", "Đã ký."),
                recommendation("143.9", "Continue efforts to accede to international human rights treaties", "4", "moha",
                        "NOT_STARTED", "Chưa triển khai."),
                recommendation("143.8", "Ratify the First Optional Protocol to ICCPR", "3", "mps", "IN_PROGRESS", "Đang nghiên cứu."));
        return new ConsolidatedReport("Báo cáo giữa kỳ 2027", "MID_TERM", LocalDate.of(2026, 12, 15),
                LocalDate.of(2027, 3, 31), edition, null, entries, List.of("143.30"));
    }

    private static Entry recommendation(String number, String text, String group, String agency, String status, String results) {
        boolean approved = status != null;
        return new Entry(2, number, text, number.equals("143.21") ? "Bảo vệ quyền của người khuyết tật" : null,
                number.equals("143.6") ? List.of("Portugal", "Uruguay") : List.of("Norway"),
                group, GROUPS.get(group), agency, AGENCIES.get(agency),
                agency.equals("moj") ? List.of("Bộ Công an", "Bộ Ngoại giao") : List.of(), status, results,
                approved && number.equals("143.8") ? HYPERLINK : approved ? "12 văn bản" : null,
                approved ? "Thiếu kinh phí" : null, approved ? "Bổ sung kinh phí" : null,
                approved ? "Nguyễn Văn An" : null, approved ? LocalDate.of(2027, 2, 20) : null,
                approved ? null : ConsolidatedReport.Pending.MISSING);
    }

    @Test
    void listsEveryRecommendationOnceUnderItsTaskGroupInNaturalNumberOrder() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport()))) {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            List<String> current = null;
            for (XWPFParagraph p : doc.getParagraphs()) {
                if ("Heading2".equals(p.getStyle()) && p.getText().startsWith("Nhóm ")) {
                    current = groups.computeIfAbsent(p.getText(), k -> new ArrayList<>());
                } else if ("Heading3".equals(p.getStyle())) {
                    current.add(p.getText());
                }
            }

            assertThat(groups).containsExactly(
                    entry("Nhóm 1. " + GROUPS.get("1"), List.of("Khuyến nghị 143.1", "Khuyến nghị 143.1.1",
                            "Khuyến nghị 143.2", "Khuyến nghị 143.10")),
                    entry("Nhóm 3. " + GROUPS.get("3"), List.of("Khuyến nghị 143.4", "Khuyến nghị 143.5",
                            "Khuyến nghị 143.6", "Khuyến nghị 143.8")),
                    entry("Nhóm 4. " + GROUPS.get("4"), List.of("Khuyến nghị 143.3", "Khuyến nghị 143.9",
                            "Khuyến nghị 143.20", "Khuyến nghị 143.21")));
        }
    }

    @Test
    void showsEachRecommendationWithItsAgenciesStatusAndApprovedReport() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport()))) {
            assertThat(section(doc, "Khuyến nghị 143.10")).containsExactly(
                    "Take the necessary steps for timely ratification of CAT",
                    "Quốc gia khuyến nghị: Norway",
                    "Cơ quan chủ trì: Bộ Tư pháp",
                    "Cơ quan phối hợp: Bộ Công an, Bộ Ngoại giao",
                    "Tình trạng: Đã thực hiện đầy đủ",
                    "Kết quả thực hiện:",
                    "Đã trình Quốc hội dự án Luật sửa đổi.",
                    "Đã ban hành Nghị định hướng dẫn.",
                    "Số liệu: 12 văn bản",
                    "Khó khăn, vướng mắc: Thiếu kinh phí",
                    "Kiến nghị, đề xuất: Bổ sung kinh phí",
                    "Phê duyệt: Nguyễn Văn An, 20/02/2027");
            assertThat(section(doc, "Khuyến nghị 143.5")).contains("Tình trạng: Chưa triển khai",
                    "Kết quả thực hiện: Chưa bố trí được nguồn lực.", "Cơ quan phối hợp: Không có.");
            assertThat(section(doc, "Khuyến nghị 143.3")).contains("Tình trạng: Đang triển khai");
            assertThat(section(doc, "Khuyến nghị 143.21")).contains("Tình trạng: Đã thực hiện một phần");
        }
    }

    @Test
    void saysWhenNoReportWasApprovedYet() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport()))) {
            assertThat(section(doc, "Khuyến nghị 143.6")).containsExactly(
                    "Ratify the Second Optional Protocol to ICCPR",
                    "Quốc gia khuyến nghị: Portugal, Uruguay",
                    "Cơ quan chủ trì: Bộ Công an",
                    "Cơ quan phối hợp: Không có.",
                    "Tình trạng: Chưa có báo cáo được duyệt (" + ConsolidatedReport.Pending.MISSING.reason() + ")");
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).as("said once, with the numbers and why")
                    .contains("Khuyến nghị 143.6 " + ConsolidatedReport.Pending.MISSING.reason() + ".",
                            "Khuyến nghị 143.30 thuộc phạm vi đợt báo cáo nhưng chưa được yêu cầu báo cáo vì khi mở đợt chưa có "
                                    + "kế hoạch thực hiện được phê duyệt.")
                    .noneMatch(text -> text.equals("Chưa có báo cáo được duyệt"));
        }
    }

    @Test
    void printsTheVietnameseTextOfTheAnnexWhereThereIsOne() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport()))) {
            assertThat(section(doc, "Khuyến nghị 143.21")).startsWith("Bảo vệ quyền của người khuyết tật");
            assertThat(section(doc, "Khuyến nghị 143.20")).startsWith("Ensure equal access to education for ethnic minority children");
        }
    }

    @Test
    void aDraftHasTheDecreesPartsWithDottedNumberAndDateAndNoSignature() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport()))) {
            List<String> letterhead = cellTexts(doc.getTables().get(0));
            assertThat(letterhead).containsExactly("BỘ NGOẠI GIAO", "", "Số: ...../BC-BNG",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Hà Nội, ngày ... tháng ... năm 2027");
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts.get(0)).isEqualTo("DỰ THẢO (tạo lúc 09:05 ngày 15/01/2027)");
            assertThat(texts).contains("Kính gửi: Thủ tướng Chính phủ", "Bộ Ngoại giao kính báo cáo Thủ tướng Chính phủ./.");
            List<String> closing = cellTexts(doc.getTables().get(doc.getTables().size() - 1));
            assertThat(closing).containsExactly("Nơi nhận:", "- Như trên;", "- Văn phòng Chính phủ;", "- Lưu: VT, TCQT.",
                    "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "");
        }
    }

    @Test
    void theApprovedEditionIsDatedAndSignedByTheLeadersFullNameWithoutDraftMark() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport(APPROVED)))) {
            assertThat(cellTexts(doc.getTables().get(0))).contains("Hà Nội, ngày 05 tháng 02 năm 2027");
            assertThat(cellTexts(doc.getTables().get(doc.getTables().size() - 1))).endsWith("Đỗ Hùng Việt");
            assertThat(new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText()).doesNotContainIgnoringCase("dự thảo");
        }
    }

    @Test
    void pagesAreA4WithTheDecreesMargins() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport()))) {
            var section = doc.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(section.getPgSz().getH().toString()).isEqualTo("16838");
            // twips: 20mm = 1134, 30mm = 1701, 15mm = 851
            assertThat(List.of(section.getPgMar().getTop(), section.getPgMar().getBottom(), section.getPgMar().getLeft(),
                    section.getPgMar().getRight()).stream().map(Object::toString)).containsExactly("1134", "1134", "1701", "851");
            assertThat(section.isSetTitlePg()).as("no page number on the first page").isTrue();
        }
    }

    private static List<String> cellTexts(XWPFTable table) {
        List<String> texts = new ArrayList<>();
        for (XWPFTableCell cell : table.getRow(0).getTableCells()) {
            cell.getParagraphs().forEach(p -> texts.add(p.getText()));
        }
        return texts;
    }

    @Test
    void keepsAgencyTextLiterally() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport()))) {
            assertThat(section(doc, "Khuyến nghị 143.4")).contains("Kết quả thực hiện: " + SCRIPT);
            assertThat(section(doc, "Khuyến nghị 143.8")).contains("Số liệu: " + HYPERLINK);
        }
    }

    @Test
    void titlePageNamesTheRoundAndItsDeadlinesInVietnameseDates() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport()))) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).as("the summary line names the round once").contains(
                    "Tình hình thực hiện các khuyến nghị theo cơ chế Rà soát định kỳ phổ quát (UPR)\nBáo cáo giữa kỳ 2027")
                    .noneMatch(t -> t.contains("Báo cáo giữa kỳ\n"));
            assertThat(texts).anyMatch(t -> t.contains("(hạn gửi báo cáo: 15/12/2026)") && t.contains("thẩm định đến ngày 15/01/2027"));
            assertThat(doc.getParagraphs()).filteredOn(p -> "Title".equals(p.getStyle())).extracting(XWPFParagraph::getText)
                    .containsExactly("BÁO CÁO");
            assertThat(doc.getParagraphs()).filteredOn(p -> "Heading1".equals(p.getStyle())).extracting(XWPFParagraph::getText)
                    .containsExactly("I. Tổng quan", "II. Tình hình thực hiện theo nhóm nhiệm vụ");
        }
    }

    @Test
    void headingsAreWordHeadingStylesInTimesNewRoman() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport()))) {
            for (int level = 1; level <= 3; level++) {
                var style = doc.getStyles().getStyle("Heading" + level);
                assertThat(style.getName()).isEqualTo("heading " + level);
                assertThat(style.getCTStyle().getPPr().getOutlineLvl().getVal().intValue()).isEqualTo(level - 1);
            }
            assertThat(doc.getStyles().getDefaultRunStyle().getFontSizeAsDouble()).isEqualTo(13.0);
            assertThat(doc.getStyles().getCtStyles().getDocDefaults().getRPrDefault().getRPr().getRFontsArray(0).getHAnsi())
                    .isEqualTo("Times New Roman");
        }
    }

    @Test
    void summarisesCountsByStatusAndByLeadAgency() throws IOException {
        try (XWPFDocument doc = read(document.bytesOf(midTermReport()))) {
            assertThat(table(doc, "Tình trạng")).containsExactly(
                    List.of("Tình trạng", "Số khuyến nghị", "Tỷ lệ (%)"),
                    List.of("Chưa triển khai", "2", "16,7"),
                    List.of("Đang triển khai", "4", "33,3"),
                    List.of("Đã thực hiện một phần", "2", "16,7"),
                    List.of("Đã thực hiện đầy đủ", "3", "25,0"),
                    List.of("Chưa có báo cáo được duyệt", "1", "8,3"),
                    List.of("Tổng cộng", "12", "100,0"));
            assertThat(table(doc, "Cơ quan chủ trì")).containsExactly(
                    List.of("Cơ quan chủ trì", "Chưa triển khai", "Đang triển khai", "Đã thực hiện một phần",
                            "Đã thực hiện đầy đủ", "Chưa có báo cáo được duyệt", "Tổng cộng"),
                    List.of("Bộ Công an", "1", "2", "0", "0", "1", "4"),
                    List.of("Bộ Nội vụ", "1", "0", "0", "1", "0", "2"),
                    List.of("Bộ Tư pháp", "0", "1", "1", "2", "0", "4"),
                    List.of("Bộ Y tế", "0", "1", "1", "0", "0", "2"),
                    List.of("Tổng cộng", "2", "4", "2", "3", "1", "12"));
        }
    }

    @Test
    void anEmptyRoundStillGivesAReadableDocument() throws IOException {
        ConsolidatedReport empty = new ConsolidatedReport("Báo cáo đột xuất tháng 5", "AD_HOC", null, null,
                Edition.draft(LocalDateTime.of(2026, 5, 4, 8, 0)), null, List.of(), List.of());
        try (XWPFDocument doc = read(document.bytesOf(empty))) {
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("Không có khuyến nghị nào trong phạm vi báo cáo.")
                    .anyMatch(t -> t.endsWith("\nBáo cáo đột xuất tháng 5"));
            assertThat(table(doc, "Tình trạng")).last().isEqualTo(List.of("Tổng cộng", "0", "0,0"));
        }
    }

    static XWPFDocument read(byte[] docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    /** The rows of the table whose top-left cell reads {@code firstHeader}, as texts. */
    static List<List<String>> table(XWPFDocument doc, String firstHeader) {
        XWPFTable table = doc.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals(firstHeader)).findFirst().orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            rows.add(row.getTableCells().stream().map(XWPFTableCell::getText).toList());
        }
        return rows;
    }

    /** Paragraph texts after the heading {@code heading} up to the next heading. */
    private static List<String> section(XWPFDocument doc, String heading) {
        List<String> texts = new ArrayList<>();
        boolean inside = false;
        int found = 0;
        for (XWPFParagraph p : doc.getParagraphs()) {
            boolean isHeading = p.getStyle() != null && p.getStyle().startsWith("Heading");
            if (isHeading) {
                inside = p.getText().equals(heading);
                found += inside ? 1 : 0;
            } else if (inside) {
                texts.add(p.getText());
            }
        }
        assertThat(found).as("headings named %s", heading).isEqualTo(1);
        return texts;
    }
}
