package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** The annex of a decision as published in Word, in the shapes such annexes take; documents built here with POI. */
class AnnexDocxReaderTest {

    private final AnnexDocxReader reader = new AnnexDocxReader(Limits.AS_CONFIGURED);

    private static final String[] HEADER = {"STT", "Nội dung khuyến nghị (số hiệu)", "Cơ quan chủ trì", "Cơ quan phối hợp",
            "Thời gian thực hiện", "Kết quả/sản phẩm"};

    @Test
    void aDecisionsAnnexWithGroupHeadingsMergedCellsAndNumbersInTheText() throws IOException {
        byte[] docx = decision(table -> {
            heading(table, "I. NHÓM NHIỆM VỤ 1: HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH");
            row(table, "1", "Khuyến nghị 45.12: Tiếp tục hoàn thiện khung pháp luật về quyền con người", "Bộ Tư pháp",
                    "Bộ Công an, Bộ Văn hóa, Thể thao và Du lịch", "Năm 2026", "Báo cáo");
            XWPFTableRow merged = row(table, "2", "Bảo đảm quyền của người lao động di cư (45.13)", "Bộ Nội vụ", "BYT\nBộ GD&ĐT",
                    "Quý II/2027", "");
            mergeDown(merged.getCell(2), STMerge.RESTART);
            XWPFTableRow continued = row(table, "3", "45.14. Tăng cường trợ giúp pháp lý", "", "các bộ, ngành liên quan",
                    "Thường xuyên", "");
            mergeDown(continued.getCell(2), null);
            heading(table, "II. Nhóm nhiệm vụ 2: Nâng cao nhận thức");
            row(table, "4", "Đẩy mạnh tuyên truyền về quyền con người (45.20)", "BVHTTDL", "", "15/09/2026", "");
        });

        assertThat(reader.accepts("quyet-dinh.docx", docx)).isTrue();
        ParsedFile file = reader.read(docx, 4);

        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).extracting(ImportRow::number).containsExactly("45.12", "45.13", "45.14", "45.20");
        ImportRow first = file.rows().get(0);
        assertThat(first.text()).isEqualTo("Tiếp tục hoàn thiện khung pháp luật về quyền con người");
        assertThat(first.taskGroup()).isEqualTo("1");
        assertThat(first.leadAgency()).isEqualTo("Bộ Tư pháp");
        assertThat(first.coordinatingAgencies()).isEqualTo("Bộ Công an, Bộ Văn hóa, Thể thao và Du lịch");
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(first.response()).as("a decision lists accepted recommendations").isEqualTo(Response.SUPPORTED);
        assertThat(first.recommendingStates()).isEmpty();
        assertThat(first.cycle()).isEqualTo(4);
        ImportRow second = file.rows().get(1);
        assertThat(second.text()).isEqualTo("Bảo đảm quyền của người lao động di cư");
        assertThat(second.coordinatingAgencies()).isEqualTo("BYT\nBộ GD&ĐT");
        assertThat(second.dueDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        ImportRow third = file.rows().get(2);
        assertThat(third.leadAgency()).as("merged down from the row above").isEqualTo("Bộ Nội vụ");
        assertThat(third.dueDate()).as("Thường xuyên").isNull();
        assertThat(third.taskGroup()).isEqualTo("1");
        ImportRow fourth = file.rows().get(3);
        assertThat(fourth.taskGroup()).as("under the second group heading").isEqualTo("2");
        assertThat(fourth.dueDate()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(fourth.line()).as("the row counted in Word, header 1").isEqualTo(7);
    }

    @Test
    void aRowWithoutANumberAnywhereIsAnErrorNamingWhereANumberMayStand() throws IOException {
        byte[] docx = decision(table -> row(table, "1", "Tiếp tục cải cách tư pháp", "BTP", "", "Năm 2026", ""));

        ParsedFile file = reader.read(docx, 4);

        assertThat(file.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(2);
            assertThat(error.message()).contains("Thiếu số khuyến nghị", "45.12");
        });
    }

    @Test
    void aDeadlineThatIsNoPeriodIsAnError() throws IOException {
        byte[] docx = decision(table -> row(table, "1", "45.1. Text", "BTP", "", "Sớm nhất có thể", ""));

        assertThat(reader.read(docx, 4).errors()).singleElement().satisfies(error ->
                assertThat(error.message()).contains("\"Sớm nhất có thể\"", "Thời gian thực hiện", "Quý II/2027"));
    }

    @Test
    void theDecisionsTitleGivesTheCycleWhenNoneIsChosenInRomanOrArabicNumeralsOrWords() throws IOException {
        Map<String, Integer> titles = Map.of(
                "Phê duyệt Kế hoạch thực hiện các khuyến nghị theo Cơ chế UPR chu kỳ IV", 4,
                "DANH MỤC KHUYẾN NGHỊ UPR CHU KỲ III ĐƯỢC VIỆT NAM CHẤP THUẬN", 3,
                "Kế hoạch thực hiện khuyến nghị UPR chu kì 4", 4,
                "Các khuyến nghị chu kỳ thứ tư của Cơ chế UPR", 4,
                "Khuyến nghị UPR (chu kỳ lần thứ II)", 2);
        for (Map.Entry<String, Integer> title : titles.entrySet()) {
            byte[] docx = decision(title.getKey(), table -> row(table, "1", "45.1. Tiếp tục cải cách tư pháp", "BTP", "",
                    "Năm 2026", ""));

            ParsedFile file = reader.read(docx, null);

            assertThat(file.errors()).as(title.getKey()).isEmpty();
            assertThat(file.rows()).singleElement().extracting(ImportRow::cycle).as(title.getKey()).isEqualTo(title.getValue());
            assertThat(reader.read(docx, title.getValue()).errors()).as("the same cycle chosen").isEmpty();
        }
    }

    @Test
    void theTitleBelowTheLetterheadTableCountsAndTheAnnexTableItselfDoesNot() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable letterhead = document.createTable(2, 2);
            letterhead.getRow(0).getCell(0).setText("THỦ TƯỚNG CHÍNH PHỦ");
            letterhead.getRow(0).getCell(1).setText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            letterhead.getRow(1).getCell(0).setText("Số: 123/QĐ-TTg");
            letterhead.getRow(1).getCell(1).setText("Hà Nội, ngày 15 tháng 3 năm 2025");
            document.createParagraph().createRun().setText("QUYẾT ĐỊNH");
            document.createParagraph().createRun().setText("Phê duyệt Kế hoạch thực hiện các khuyến nghị UPR Chu kỳ III");
            XWPFTable table = document.createTable(1, HEADER.length);
            for (int i = 0; i < HEADER.length; i++) {
                table.getRow(0).getCell(i).setText(HEADER[i]);
            }
            row(table, "1", "45.1. Rà soát các khuyến nghị chu kỳ IV", "BTP", "", "Năm 2026", "");
            document.write(out);
            docx = out.toByteArray();
        }

        assertThat(reader.read(docx, null).rows()).singleElement().extracting(ImportRow::cycle).isEqualTo(3);
    }

    @Test
    void aTitleThatNamesAnotherCycleThanTheChosenOneRefusesTheFileQuotingIt() throws IOException {
        byte[] docx = decision(table -> row(table, "1", "45.1. Tiếp tục cải cách tư pháp", "BTP", "", "Năm 2026", ""));

        ParsedFile file = reader.read(docx, 3);

        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).as("the whole file").isZero();
            assertThat(error.message()).contains("\"CHU KỲ IV\" (chu kỳ 4)", "đã chọn chu kỳ 3",
                    "Hãy để trống ô chu kỳ hoặc chọn chu kỳ 4");
        });
    }

    @Test
    void yearsAndPeriodsAreNoCycle() throws IOException {
        for (String title : List.of("Kế hoạch thực hiện khuyến nghị UPR chu kỳ 2019-2024", "Báo cáo chu kỳ năm 2025",
                "Rà soát theo chu kỳ hai năm một lần")) {
            byte[] docx = decision(title, table -> row(table, "1", "45.1. Text", "BTP", "", "Năm 2026", ""));

            assertThat(reader.read(docx, null).errors()).as(title).singleElement()
                    .satisfies(error -> assertThat(error.message()).contains("Không rõ chu kỳ UPR", "chu kỳ IV"));
        }
    }

    @Test
    void anOngoingDeadlineIsKeptInTheAnnexsWords() throws IOException {
        byte[] docx = decision(table -> {
            row(table, "1", "45.1. Text", "BTP", "", "Thường xuyên", "");
            row(table, "2", "45.2. Text", "BTP", "", "Hằng năm", "");
            row(table, "3", "45.3. Text", "BTP", "", "Năm 2026", "");
        });

        assertThat(reader.read(docx, 4).rows()).extracting(ImportRow::ongoingDeadline)
                .containsExactly("Thường xuyên", "Hằng năm", null);
    }

    @Test
    void theUnThematicListIsLeftToItsOwnReader() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/samples/ohchr-thematic-list-slovenia-cycle3.docx")) {
            assertThat(reader.accepts("list.docx", in.readAllBytes())).isFalse();
        }
    }

    interface Rows {
        void fill(XWPFTable table);
    }

    static byte[] decision(Rows rows) throws IOException {
        return decision("KẾ HOẠCH THỰC HIỆN CÁC KHUYẾN NGHỊ UPR CHU KỲ IV", rows);
    }

    /** The annex under the given title, as the decision publishes it. */
    static byte[] decision(String title, Rows rows) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Phụ lục");
            document.createParagraph().createRun().setText(title);
            document.createParagraph().createRun().setText("(Kèm theo Quyết định số .../QĐ-TTg của Thủ tướng Chính phủ)");
            XWPFTable table = document.createTable(1, HEADER.length);
            for (int i = 0; i < HEADER.length; i++) {
                table.getRow(0).getCell(i).setText(HEADER[i]);
            }
            rows.fill(table);
            document.write(out);
            return out.toByteArray();
        }
    }

    /** A heading row: one cell spanning the table. */
    static void heading(XWPFTable table, String text) {
        XWPFTableRow row = table.createRow();
        while (row.getTableCells().size() > 1) {
            row.removeCell(row.getTableCells().size() - 1);
        }
        row.getCell(0).setText(text);
        properties(row.getCell(0)).addNewGridSpan().setVal(BigInteger.valueOf(HEADER.length));
    }

    /** A row; a value with line breaks becomes one paragraph per line, as Word stores Enter. */
    static XWPFTableRow row(XWPFTable table, String... values) {
        XWPFTableRow row = table.createRow();
        for (int i = 0; i < values.length; i++) {
            XWPFTableCell cell = row.getCell(i);
            String[] lines = values[i].split("\n");
            cell.setText(lines[0]);
            for (int l = 1; l < lines.length; l++) {
                cell.addParagraph().createRun().setText(lines[l]);
            }
        }
        return row;
    }

    private static void mergeDown(XWPFTableCell cell, STMerge.Enum value) {
        var merge = properties(cell).addNewVMerge();
        if (value != null) {
            merge.setVal(value);
        }
    }

    private static CTTcPr properties(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }
}
