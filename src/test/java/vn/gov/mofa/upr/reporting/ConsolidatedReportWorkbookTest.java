package vn.gov.mofa.upr.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.mofa.upr.reporting.ConsolidatedReportDocumentTest.HYPERLINK;
import static vn.gov.mofa.upr.reporting.ConsolidatedReportDocumentTest.SCRIPT;
import static vn.gov.mofa.upr.reporting.ConsolidatedReportDocumentTest.midTermReport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class ConsolidatedReportWorkbookTest {

    private static final List<String> HEADERS = List.of("Chu kỳ", "Số khuyến nghị", "Nội dung", "Quốc gia khuyến nghị",
            "Nhóm nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Tình trạng", "Kết quả thực hiện", "Số liệu",
            "Khó khăn, vướng mắc", "Kiến nghị, đề xuất", "Người phê duyệt", "Ngày phê duyệt");
    private static final int NUMBER = 1, STATUS = 7, RESULTS = 8, FIGURES = 9, APPROVED_ON = 13;

    private final ConsolidatedReportWorkbook workbook = new ConsolidatedReportWorkbook();

    @Test
    void hasOneFilterableRowPerRecommendationInNaturalNumberOrder() throws IOException {
        try (XSSFWorkbook wb = read(workbook.bytesOf(midTermReport()))) {
            XSSFSheet sheet = wb.getSheet("Khuyến nghị");

            assertThat(sheet.getLastRowNum()).isEqualTo(12);
            assertThat(texts(sheet.getRow(0))).isEqualTo(HEADERS);
            assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:N13");
            assertThat(sheet.getRow(1).getCell(2).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(sheet.getColumnWidth(NUMBER) * 3);
            assertThat(column(sheet, NUMBER)).containsExactly("143.1", "143.1.1", "143.2", "143.3", "143.4", "143.5",
                    "143.6", "143.8", "143.9", "143.10", "143.20", "143.21");
        }
    }

    @Test
    void showsStatusLabelsReportTextsAndRealDates() throws IOException {
        try (XSSFWorkbook wb = read(workbook.bytesOf(midTermReport()))) {
            Sheet sheet = wb.getSheet("Khuyến nghị");
            Row cat = row(sheet, "143.10");

            assertThat(texts(cat).subList(0, 13)).containsExactly("2", "143.10",
                    "Take the necessary steps for timely ratification of CAT", "Norway",
                    "Nhóm 1. Tăng cường nhà nước pháp quyền, hoàn thiện pháp luật, thể chế về quyền con người",
                    "Bộ Tư pháp", "Bộ Công an; Bộ Ngoại giao", "Đã thực hiện đầy đủ",
                    "Đã trình Quốc hội dự án Luật sửa đổi.\nĐã ban hành Nghị định hướng dẫn.", "12 văn bản",
                    "Thiếu kinh phí", "Bổ sung kinh phí", "Nguyễn Văn An");
            Cell approvedOn = cat.getCell(APPROVED_ON);
            assertThat(approvedOn.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(approvedOn)).isTrue();
            assertThat(approvedOn.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(approvedOn.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 2, 20));
            assertThat(new DataFormatter(Locale.US).formatCellValue(approvedOn)).isEqualTo("20/02/2027");

            assertThat(column(sheet, STATUS)).containsExactlyInAnyOrder("Đã thực hiện đầy đủ", "Đã thực hiện một phần",
                    "Đang triển khai", "Đang triển khai", "Đang triển khai", "Chưa triển khai", "Chưa có báo cáo được duyệt",
                    "Đang triển khai", "Chưa triển khai", "Đã thực hiện đầy đủ", "Đã thực hiện đầy đủ",
                    "Đã thực hiện một phần");
            Row unreported = row(sheet, "143.6");
            assertThat(text(unreported.getCell(STATUS))).isEqualTo("Chưa có báo cáo được duyệt");
            assertThat(text(unreported.getCell(RESULTS))).isEmpty();
            assertThat(unreported.getCell(APPROVED_ON).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void keepsFormulaLookingAndMarkupTextAsPlainStrings() throws IOException {
        try (XSSFWorkbook wb = read(workbook.bytesOf(midTermReport()))) {
            Sheet sheet = wb.getSheet("Khuyến nghị");
            Cell hyperlink = row(sheet, "143.8").getCell(FIGURES);

            assertThat(hyperlink.getCellType()).isEqualTo(CellType.STRING);
            assertThat(hyperlink.getStringCellValue()).isEqualTo(HYPERLINK);
            assertThat(row(sheet, "143.4").getCell(RESULTS).getStringCellValue()).isEqualTo(SCRIPT);
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        assertThat(c.getCellType()).as("cell %s of %s", c.getAddress(), s.getSheetName())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void summarySheetHasTheSameCountsAsTheWordDraft() throws IOException {
        ConsolidatedReport report = midTermReport();
        try (XSSFWorkbook wb = read(workbook.bytesOf(report));
                XWPFDocument doc = ConsolidatedReportDocumentTest.read(new ConsolidatedReportDocument(ConsolidatedReportDocumentTest.SETTINGS).bytesOf(report))) {
            Sheet summary = wb.getSheet("Tổng hợp");

            List<List<String>> byStatus = table(summary, "Tình trạng");
            assertThat(byStatus).extracting(r -> r.subList(0, 2)).isEqualTo(
                    ConsolidatedReportDocumentTest.table(doc, "Tình trạng").stream().map(r -> r.subList(0, 2)).toList());
            assertThat(byStatus.get(2)).containsExactly("Đang triển khai", "4", "33.3%");
            assertThat(table(summary, "Cơ quan chủ trì")).isEqualTo(ConsolidatedReportDocumentTest.table(doc, "Cơ quan chủ trì"));
            assertThat(table(summary, "Cơ quan chủ trì")).element(1)
                    .isEqualTo(List.of("Bộ Công an", "1", "2", "0", "0", "1", "4"));
        }
    }

    @Test
    void anAgencysCopySaysWhichPartOfTheRoundItCounts() throws IOException {
        ConsolidatedReport agencyCopy = new ConsolidatedReport("Đột xuất", "AD_HOC", null, null,
                Edition.extract(java.time.LocalDateTime.of(2026, 5, 4, 8, 0)), "chỉ các khuyến nghị do Bộ Tư pháp chủ trì hoặc phối hợp",
                List.of(), List.of());
        try (XSSFWorkbook wb = read(workbook.bytesOf(agencyCopy))) {
            assertThat(texts(wb.getSheet("Tổng hợp").getRow(3)))
                    .containsExactly("Phạm vi: chỉ các khuyến nghị do Bộ Tư pháp chủ trì hoặc phối hợp");
        }
    }

    @Test
    void anEmptyRoundGivesHeadersAndZeroCounts() throws IOException {
        ConsolidatedReport empty = new ConsolidatedReport("Đột xuất", "AD_HOC", null, null,
                Edition.draft(java.time.LocalDateTime.of(2026, 5, 4, 8, 0)), null, List.of(), List.of());
        try (XSSFWorkbook wb = read(workbook.bytesOf(empty))) {
            assertThat(texts(wb.getSheet("Khuyến nghị").getRow(0))).isEqualTo(HEADERS);
            assertThat(table(wb.getSheet("Tổng hợp"), "Tình trạng")).last().isEqualTo(List.of("Tổng cộng", "0", "0.0%"));
        }
    }

    private static XSSFWorkbook read(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static Row row(Sheet sheet, String number) {
        for (Row r : sheet) {
            if (r.getRowNum() > 0 && number.equals(text(r.getCell(NUMBER)))) {
                return r;
            }
        }
        throw new AssertionError("no row for " + number);
    }

    private static List<String> column(Sheet sheet, int column) {
        List<String> values = new ArrayList<>();
        for (Row r : sheet) {
            if (r.getRowNum() > 0) {
                values.add(text(r.getCell(column)));
            }
        }
        return values;
    }

    /** The block of rows starting at the header whose first cell is {@code firstHeader}, up to "Tổng cộng". */
    private static List<List<String>> table(Sheet sheet, String firstHeader) {
        List<List<String>> rows = new ArrayList<>();
        for (Row r : sheet) {
            String first = text(r.getCell(0));
            if (rows.isEmpty() && !first.equals(firstHeader)) {
                continue;
            }
            rows.add(texts(r));
            if (first.equals("Tổng cộng")) {
                break;
            }
        }
        return rows;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(text(row.getCell(c)));
        }
        return texts;
    }

    /** What Excel shows in the cell. */
    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter(Locale.US).formatCellValue(cell);
    }
}
