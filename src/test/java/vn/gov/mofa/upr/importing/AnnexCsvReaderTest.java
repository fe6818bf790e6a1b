package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AnnexCsvReaderTest {

    private final AnnexCsvReader reader = new AnnexCsvReader(Limits.AS_CONFIGURED);

    @Test
    void readsTheWholeVietNam2014List() throws IOException {
        ParsedFile file = reader.read(sample("/samples/vn-upr-cycle2-2014.csv"), null);

        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).hasSize(244);
        assertThat(file.rows()).extracting(ImportRow::number).doesNotHaveDuplicates();
        assertThat(file.rows()).allSatisfy(row -> {
            assertThat(row.cycle()).isEqualTo(2);
            assertThat(row.response()).isEqualTo(Response.SUPPORTED);
        });

        ImportRow first = row(file, "143.1");
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.text())
                .isEqualTo("Continue efforts to ratify international human rights instruments, to which Viet Nam is not yet a party");
        assertThat(first.recommendingStates()).containsExactly("Nicaragua");
        assertThat(first.textVi()).isNull();
        assertThat(first.coordinatingAgencies()).isNull();

        ImportRow fourStates = row(file, "143.41");
        assertThat(fourStates.text())
                .isEqualTo("Establish a national human rights institution in conformity with the Paris Principles");
        assertThat(fourStates.recommendingStates()).containsExactly("Congo", "France", "Madagascar", "Togo");

        ImportRow quotedWithCommas = row(file, "143.225");
        assertThat(quotedWithCommas.text()).isEqualTo(
                "Share its successful experiences on poverty reduction, food security and the fight against epidemics");
        assertThat(quotedWithCommas.recommendingStates()).containsExactly("Venezuela (Bolivarian Republic of)");

        assertThat(file.rows().get(243).line()).isEqualTo(245);
    }

    @Test
    void readsSemicolonSeparatedFileWithBomAndVietnameseHeaders() {
        String csv = "\uFEFFSố hiệu;Nội dung;Quốc gia khuyến nghị;Trả lời;Chu kỳ;Nhóm nhiệm vụ;Cơ quan chủ trì;"
                + "Cơ quan phối hợp;Thời hạn kế hoạch;Thời hạn\r\n"
                + "46.12;\"Tiếp tục hoàn thiện pháp luật; bảo đảm quyền, lợi ích\";France, Lithuania;Chấp thuận;4;"
                + "Nhóm 1;moj;mps, mofa;30/06/2026;2027-03-31\r\n"
                + "46.13;Ratify OP-CAT;Denmark;Ghi nhận;IV;6;mofa;;;\r\n";

        ParsedFile file = reader.read(csv.getBytes(StandardCharsets.UTF_8), null);

        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).hasSize(2);
        ImportRow first = file.rows().get(0);
        assertThat(first.number()).isEqualTo("46.12");
        assertThat(first.text()).isEqualTo("Tiếp tục hoàn thiện pháp luật; bảo đảm quyền, lợi ích");
        assertThat(first.recommendingStates()).containsExactly("France", "Lithuania");
        assertThat(first.response()).isEqualTo(Response.SUPPORTED);
        assertThat(first.cycle()).isEqualTo(4);
        assertThat(first.taskGroup()).isEqualTo("1");
        assertThat(first.leadAgency()).isEqualTo("moj");
        assertThat(first.coordinatingAgencies()).as("the cell as written: agencies are read on import").isEqualTo("mps, mofa");
        assertThat(first.planDueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        ImportRow second = file.rows().get(1);
        assertThat(second.response()).isEqualTo(Response.NOTED);
        assertThat(second.cycle()).isEqualTo(4);
        assertThat(second.taskGroup()).isEqualTo("6");
        assertThat(second.coordinatingAgencies()).isNull();
        assertThat(second.dueDate()).isNull();
    }

    @Test
    void numbersLinesAsAnEditorShowsThemAcrossMultiLineCellsAndBlankRows() {
        String csv = "number,text\n"
                + "1.1,\"First line\nsecond line of the same recommendation\"\n"
                + "\n"
                + ",\n"
                + "1.2,\n";

        ParsedFile file = reader.read(csv.getBytes(StandardCharsets.UTF_8), 4);

        assertThat(file.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.text()).isEqualTo("First line\nsecond line of the same recommendation");
            assertThat(row.cycle()).isEqualTo(4);
        });
        assertThat(file.errors()).containsExactly(new RowError(6, "Thiếu nội dung khuyến nghị (cột text)."));
    }

    @Test
    void refusesWindows1252FileAndAsksForUtf8() {
        byte[] windows1252 = "number,text,recommending_states\n1.1,Ratify CAT,Côte d'Ivoire\n"
                .getBytes(Charset.forName("windows-1252"));

        ParsedFile file = reader.read(windows1252, 4);

        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isZero();
            assertThat(error.message()).contains("UTF-8");
        });
    }

    @Test
    void listsAllMissingRequiredColumnsOnce() {
        ParsedFile file = reader.read("so,noi dung,cycle\n1.1,Ratify CAT,4\n".getBytes(StandardCharsets.UTF_8), null);

        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isZero();
            assertThat(error.message()).contains("Thiếu cột bắt buộc: number, text").contains("\"so\"");
        });
    }

    @Test
    void refusesEmptyAndHeaderOnlyFiles() {
        assertThat(reader.read(new byte[0], 4).errors()).singleElement()
                .satisfies(error -> assertThat(error.row()).isZero());
        assertThat(reader.read("number,text\n\n".getBytes(StandardCharsets.UTF_8), 4).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("chỉ có dòng tiêu đề"));
    }

    @Test
    void namesBothLinesOfADuplicateNumber() {
        String csv = "number,text\n1.1,Ratify CAT\n1.2,Ratify OP-CAT\n1.1,Ratify CAT again\n";

        ParsedFile file = reader.read(csv.getBytes(StandardCharsets.UTF_8), 4);

        assertThat(file.rows()).extracting(ImportRow::number).containsExactly("1.1", "1.2");
        assertThat(file.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(4);
            assertThat(error.message()).contains("\"1.1\"").contains("dòng 2").contains("dòng 4");
        });
    }

    @Test
    void refusesFormulasButKeepsSignedNumbersAndBullets() {
        String csv = "number,text,lead_agency\n"
                + "1.1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",moj\n"
                + "1.2,Ratify CAT,\"+cmd|' /C calc'!A0\"\n"
                + "1.3,@SUM(A1:A9),moj\n"
                + "1.4,- Ratify CAT and its Optional Protocol,moj\n"
                + "1.5,-5 percent child poverty by 2030,moj\n";

        ParsedFile file = reader.read(csv.getBytes(StandardCharsets.UTF_8), 4);

        assertThat(file.errors()).extracting(RowError::row).containsExactly(2, 3, 4);
        assertThat(file.errors()).allSatisfy(error -> assertThat(error.message()).contains("công thức không được phép"));
        assertThat(file.errors().get(0).message()).contains("cột text").contains("=HYPERLINK");
        assertThat(file.errors().get(1).message()).contains("cột lead_agency");
        assertThat(file.rows()).extracting(ImportRow::text)
                .containsExactly("- Ratify CAT and its Optional Protocol", "-5 percent child poverty by 2030");
    }

    @Test
    void reportsBadValuesNamingColumnAndValue() {
        String csv = "number,text,response,due_date,task_group,cycle\n"
                + "1.1,Ratify CAT,Maybe,2026-06-30,1,4\n"
                + "1.2,Ratify OP-CAT,Noted,31/02/2026,1,4\n"
                + "1.3,Abolish the death penalty,,2026-06-30,7,4\n"
                + "1.4,Ratify ICRMW,,,,four\n";

        ParsedFile file = reader.read(csv.getBytes(StandardCharsets.UTF_8), null);

        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).extracting(RowError::row).containsExactly(2, 3, 4, 5);
        assertThat(file.errors().get(0).message()).contains("\"Maybe\"").contains("cột response");
        assertThat(file.errors().get(1).message()).contains("\"31/02/2026\"").contains("cột due_date");
        assertThat(file.errors().get(2).message()).contains("\"7\"").contains("cột task_group");
        assertThat(file.errors().get(3).message()).contains("\"four\"").contains("cột cycle");
    }

    @Test
    void needsACycleFromTheFileOrTheUser() {
        byte[] csv = "number,text\n1.1,Ratify CAT\n".getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read(csv, 4).rows()).singleElement().extracting(ImportRow::cycle).isEqualTo(4);
        assertThat(reader.read(csv, null).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("chu kỳ"));
    }

    @Test
    void theTitleLinesAboveTheTableGiveTheCycleAndARowThatSaysAnotherIsAnError() {
        byte[] csv = """
                PHỤ LỤC;;
                DANH MỤC KHUYẾN NGHỊ UPR CHU KỲ III ĐƯỢC VIỆT NAM CHẤP THUẬN;;
                ;;
                Số hiệu;Nội dung khuyến nghị;Chu kỳ
                1.1;Phê chuẩn Công ước;
                1.2;Phê chuẩn Nghị định thư;III
                1.3;Bảo đảm quyền học tập;4
                """.getBytes(StandardCharsets.UTF_8);

        ParsedFile file = reader.read(csv, null);

        assertThat(file.rows()).extracting(ImportRow::cycle).containsExactly(3, 3);
        assertThat(file.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(7);
            assertThat(error.message()).contains("Chu kỳ \"4\" (cột Chu kỳ) khác với chu kỳ 3 mà tiêu đề của tệp ghi (\"CHU KỲ III\")");
        });
        assertThat(reader.read(csv, 4).errors()).as("the chosen cycle against the title").singleElement()
                .satisfies(error -> assertThat(error.message()).contains("\"CHU KỲ III\" (chu kỳ 3)", "đã chọn chu kỳ 4"));
    }

    @Test
    void aRowsCycleOtherThanTheChosenOneIsAnError() {
        byte[] csv = "number,text,cycle\n1.1,Ratify CAT,4\n1.2,Ratify OP,3\n".getBytes(StandardCharsets.UTF_8);

        ParsedFile file = reader.read(csv, 4);

        assertThat(file.rows()).extracting(ImportRow::number).containsExactly("1.1");
        assertThat(file.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .contains("Chu kỳ \"3\" (cột cycle) khác với chu kỳ 4 đã chọn khi tải lên"));
    }

    @Test
    void acceptsCsvByNameButNotAnOfficeFileRenamedToCsv() {
        assertThat(reader.accepts("khuyen-nghi.CSV", "number,text".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(reader.accepts("khuyen-nghi.csv", new byte[] {0x50, 0x4B, 0x03, 0x04})).isFalse();
        assertThat(reader.accepts("khuyen-nghi.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04})).isFalse();
    }

    @Test
    void aFileOverTheRowLimitIsRefusedWithoutReadingOn() {
        AnnexCsvReader threeRows = new AnnexCsvReader(Limits.rows(3));
        String header = "number,text,response,cycle\n";
        String two = header + "1.1,Ratify,Supported,4\n,,,\n1.2,Ratify,Supported,4\n";

        assertThat(threeRows.read(two.getBytes(StandardCharsets.UTF_8), null).rows()).as("empty lines do not count")
                .hasSize(2);
        ParsedFile three = threeRows.read((two + "1.3,Ratify,Supported,4\n1.4,\"never closed\n")
                .getBytes(StandardCharsets.UTF_8), null);

        assertThat(three.rows()).isEmpty();
        assertThat(three.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isZero();
            assertThat(error.message()).as("stopped before the broken line")
                    .contains("hơn 3 dòng", "tối đa 3 dòng", "kể cả dòng tiêu đề", "chia danh sách thành nhiều tệp");
        });
    }

    private static ImportRow row(ParsedFile file, String number) {
        return file.rows().stream().filter(row -> row.number().equals(number)).findFirst().orElseThrow();
    }

    static byte[] sample(String resource) throws IOException {
        try (InputStream in = AnnexCsvReaderTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
