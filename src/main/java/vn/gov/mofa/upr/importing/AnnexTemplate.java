package vn.gov.mofa.upr.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The empty annex MOFA hands to ministries: every column under its Vietnamese title and one example row that shows
 * the accepted forms (agencies by name or abbreviation, a quarter as deadline). Both files import as they are.
 */
final class AnnexTemplate {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV_TYPE = "text/csv;charset=UTF-8";

    private static final Map<AnnexColumn, String> EXAMPLE = new EnumMap<>(Map.ofEntries(
            Map.entry(AnnexColumn.NUMBER, "46.12"),
            Map.entry(AnnexColumn.TEXT, "Continue to strengthen the rule of law and judicial reform"),
            Map.entry(AnnexColumn.TEXT_VI, "Tiếp tục tăng cường nhà nước pháp quyền và cải cách tư pháp"),
            Map.entry(AnnexColumn.RECOMMENDING_STATES, "France; Lithuania"),
            Map.entry(AnnexColumn.RESPONSE, "Chấp thuận"),
            Map.entry(AnnexColumn.CYCLE, "4"),
            Map.entry(AnnexColumn.TASK_GROUP, "1"),
            Map.entry(AnnexColumn.LEAD_AGENCY, "Bộ Tư pháp"),
            Map.entry(AnnexColumn.COORDINATING_AGENCIES,
                    "Bộ Công an; Bộ Văn hóa, Thể thao và Du lịch; TANDTC; các bộ, ngành liên quan"),
            Map.entry(AnnexColumn.PLAN_DUE_DATE, "30/06/2026"),
            Map.entry(AnnexColumn.DUE_DATE, "Quý IV/2027"),
            Map.entry(AnnexColumn.THEMES, "Rule of law"),
            Map.entry(AnnexColumn.SDGS, "16"),
            Map.entry(AnnexColumn.AFFECTED_PERSONS, "")));

    private AnnexTemplate() {
    }

    static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Phụ lục");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            AnnexColumn[] columns = AnnexColumn.values();
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i].vietnameseTitle());
                header.getCell(i).setCellStyle(bold);
                example.createCell(i).setCellValue(EXAMPLE.get(columns[i])); // text cells: 46.12 stays 46.12
                sheet.setColumnWidth(i, 256 * Math.max(14, Math.min(50, EXAMPLE.get(columns[i]).length())));
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a BOM, so that Excel opens the Vietnamese titles as they are. */
    static byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            writer.write('\uFEFF');
            List<AnnexColumn> columns = Arrays.asList(AnnexColumn.values());
            printer.printRecord(columns.stream().map(AnnexColumn::vietnameseTitle).toList());
            printer.printRecord(columns.stream().map(EXAMPLE::get).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
