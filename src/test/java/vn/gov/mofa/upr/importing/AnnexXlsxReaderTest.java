package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AnnexXlsxReaderTest {

    private final AnnexXlsxReader reader = new AnnexXlsxReader(Limits.AS_CONFIGURED);

    @Test
    void readsDecisionAnnexWithVietnameseHeadersNumberCellsAndDateCells() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            // Excel on macOS may save decomposed Vietnamese letters; the header must still be recognised.
            header(sheet, "Số hiệu", "Nội dung", Normalizer.normalize("Quốc gia khuyến nghị", Normalizer.Form.NFD),
                    "Lập trường", "Chu kỳ", "Nhóm nhiệm vụ", " Cơ quan chủ trì ", "Cơ quan phối hợp",
                    "Thời hạn kế hoạch", "Thời hạn", "Sản phẩm dự kiến");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(143.1);
            row.createCell(1).setCellValue("Continue efforts to ratify international human rights instruments");
            row.createCell(2).setCellValue("Nicaragua");
            row.createCell(3).setCellValue("Ủng hộ");
            row.createCell(4).setCellValue(2);
            row.createCell(5).setCellValue("Nhóm 6");
            row.createCell(6).setCellValue("mofa");
            row.createCell(7).setCellValue("moj; mps");
            row.createCell(8).setCellValue("15/03/2026");
            row.createCell(9).setCellValue(LocalDate.of(2027, 3, 31));
            row.getCell(9).setCellStyle(dateStyle(sheet));
            row.createCell(10).setCellValue("Báo cáo");
        });

        ParsedFile file = reader.read(xlsx, null);

        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.number()).isEqualTo("143.1");
            assertThat(row.text()).isEqualTo("Continue efforts to ratify international human rights instruments");
            assertThat(row.recommendingStates()).containsExactly("Nicaragua");
            assertThat(row.response()).isEqualTo(Response.SUPPORTED);
            assertThat(row.cycle()).isEqualTo(2);
            assertThat(row.taskGroup()).isEqualTo("6");
            assertThat(row.leadAgency()).isEqualTo("mofa");
            assertThat(row.coordinatingAgencies()).isEqualTo("moj; mps");
            assertThat(row.planDueDate()).isEqualTo(LocalDate.of(2026, 3, 15));
            assertThat(row.dueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        });
    }

    @Test
    void refusesFormulaCellsAndReportsSheetRowNumbers() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            header(sheet, "number", "text", "due_date");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("1.1");
            first.createCell(1).setCellValue("Ratify CAT");
            sheet.createRow(2);
            Row formula = sheet.createRow(3);
            formula.createCell(0).setCellValue("1.2");
            formula.createCell(1).setCellFormula("CONCATENATE(\"Ratify \",\"OP-CAT\")");
            Row badDate = sheet.createRow(4);
            badDate.createCell(0).setCellValue("1.3");
            badDate.createCell(1).setCellValue("Abolish the death penalty");
            badDate.createCell(2).setCellValue("30/13/2026");
        });

        ParsedFile file = reader.read(xlsx, 4);

        assertThat(file.rows()).extracting(ImportRow::number).containsExactly("1.1");
        assertThat(file.errors()).extracting(RowError::row).containsExactly(4, 5);
        assertThat(file.errors().get(0).message()).contains("cột text").contains("CONCATENATE")
                .contains("công thức không được phép");
        assertThat(file.errors().get(1).message()).contains("\"30/13/2026\"").contains("cột due_date");
    }

    @Test
    void reportsMissingColumnsAndHeaderOnlySheets() throws IOException {
        ParsedFile missing = reader.read(workbook(sheet -> header(sheet, "Số hiệu", "Ghi chú")), 4);
        assertThat(missing.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isZero();
            assertThat(error.message()).contains("Thiếu cột bắt buộc: text");
        });

        ParsedFile headerOnly = reader.read(workbook(sheet -> header(sheet, "number", "text")), 4);
        assertThat(headerOnly.errors()).singleElement().satisfies(error -> assertThat(error.row()).isZero());
    }

    @Test
    void turnsAnUnreadableWorkbookIntoAFileError() {
        ParsedFile file = reader.read("this is not a workbook".getBytes(StandardCharsets.UTF_8), 4);

        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isZero();
            assertThat(error.message()).contains(".xlsx");
        });
    }

    @Test
    void acceptsWorkbooksByExtension() {
        byte[] zip = {0x50, 0x4B, 0x03, 0x04};
        assertThat(reader.accepts("Phu luc QD 1172.xlsx", zip)).isTrue();
        assertThat(reader.accepts("thematic-list.docx", zip)).isFalse();
        assertThat(reader.accepts("list.csv", "number,text".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void aWorkbookOverTheRowLimitIsRefusedCountingEverySheet() throws IOException {
        AnnexXlsxReader threeRows = new AnnexXlsxReader(Limits.rows(3));
        Consumer<Sheet> annex = sheet -> {
            header(sheet, "number", "text", "response", "cycle");
            for (int i = 1; i <= 2; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("1." + i);
                row.createCell(1).setCellValue("Ratify");
                row.createCell(3).setCellValue(4);
            }
            sheet.createRow(5).createCell(2).setCellStyle(dateStyle(sheet));
        };

        assertThat(threeRows.read(workbook(annex), null).rows()).as("a formatted empty row does not count").hasSize(2);
        ParsedFile withNotes = threeRows.read(workbook(annex.andThen(sheet -> sheet.getWorkbook().createSheet("Ghi chú")
                .createRow(0).createCell(0).setCellValue("Bản nháp"))), null);

        assertThat(withNotes.rows()).isEmpty();
        assertThat(withNotes.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isZero();
            assertThat(error.message()).contains("hơn 3 dòng", "mọi trang tính", "chia danh sách thành nhiều tệp");
        });
    }

    @Test
    void aWorkbookTooLargeOnceUnzippedIsRefusedBeforePoiOpensIt() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            header(sheet, "number", "text", "response", "cycle");
            for (int i = 1; i <= 100; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("1." + i);
                row.createCell(1).setCellValue("%03d".formatted(i).repeat(10_000));
            }
        });
        assertThat(xlsx.length).as("compresses well").isLessThan(1024 * 1024);

        ParsedFile file = new AnnexXlsxReader(Limits.unpacked(org.springframework.util.unit.DataSize.ofMegabytes(1)))
                .read(xlsx, 4);

        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).singleElement().satisfies(error ->
                assertThat(error.message()).contains("khi giải nén lớn hơn 1 MB", "chia danh sách"));
    }

    @Test
    void aMergedTitleAboveTheTableGivesTheCycle() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("KẾ HOẠCH THỰC HIỆN KHUYẾN NGHỊ UPR Chu kỳ IV (2024-2029)");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            Row titles = sheet.createRow(2);
            titles.createCell(0).setCellValue("STT");
            titles.createCell(1).setCellValue("Nội dung khuyến nghị (số hiệu)");
            titles.createCell(2).setCellValue("Cơ quan chủ trì");
            titles.createCell(3).setCellValue("Thời gian thực hiện");
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("Khuyến nghị 45.12: Tiếp tục cải cách tư pháp");
            row.createCell(2).setCellValue("BTP");
            row.createCell(3).setCellValue("Thường xuyên");
        });

        ParsedFile file = reader.read(xlsx, null);

        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).singleElement().satisfies(row -> {
            assertThat(row.cycle()).isEqualTo(4);
            assertThat(row.dueDate()).isNull();
            assertThat(row.ongoingDeadline()).isEqualTo("Thường xuyên");
        });
        assertThat(reader.read(xlsx, 2).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("\"Chu kỳ IV\" (chu kỳ 4)", "đã chọn chu kỳ 2"));
    }

    private static void header(Sheet sheet, String... titles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            row.createCell(i).setCellValue(titles[i]);
        }
    }

    private static CellStyle dateStyle(Sheet sheet) {
        CellStyle style = sheet.getWorkbook().createCellStyle();
        style.setDataFormat(sheet.getWorkbook().getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        return style;
    }

    private static byte[] workbook(Consumer<Sheet> content) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(workbook.createSheet("Phụ lục"));
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
