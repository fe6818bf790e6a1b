package vn.gov.mofa.upr.agencyplan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agencyplan.AgencyPlan.Section;

/**
 * The same plan as one Excel sheet, for the units to sort and fill in: the title, the headings of the Word table,
 * a row per internal group and a row per recommendation. Text cells only (never formulas), cut at Excel's limit.
 */
@Component
class AgencyPlanWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SHEET = "Kế hoạch";

    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int[] WIDTHS = {5, 12, 60, 18, 26, 24, 50, 20, 30};

    byte[] bytesOf(AgencyPlan plan) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            CellStyle title = style(workbook, true, false, false);
            CellStyle heading = style(workbook, true, true, true);
            CellStyle group = style(workbook, true, true, false);
            CellStyle text = style(workbook, false, true, false);
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            int r = 0;
            cell(sheet.createRow(r), 0, "KẾ HOẠCH " + plan.subject(), title);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, WIDTHS.length - 1));
            r += 2;
            Row header = sheet.createRow(r++);
            for (int i = 0; i < AgencyPlanDocument.HEADINGS.length; i++) {
                cell(header, i, AgencyPlanDocument.HEADINGS[i], heading);
            }
            int n = 0;
            for (Section section : plan.sections()) {
                Row groupRow = sheet.createRow(r);
                cell(groupRow, 0, section.group().name() + " (" + section.rows().size() + " khuyến nghị)", group);
                for (int i = 1; i < WIDTHS.length; i++) {
                    cell(groupRow, i, "", group);
                }
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, WIDTHS.length - 1));
                r++;
                for (AgencyPlan.Row row : section.rows()) {
                    Row line = sheet.createRow(r++);
                    List<String> cells = List.of(String.valueOf(++n), row.number(), row.text(), row.role(),
                            String.join("\n", row.units()), row.focalPoint(),
                            row.planApproved() ? row.tasks() : ("(Kế hoạch chưa được Bộ Ngoại giao phê duyệt)\n" + row.tasks()).strip(),
                            row.deadline(), row.expectedOutput());
                    for (int i = 0; i < cells.size(); i++) {
                        cell(line, i, cells.get(i), text);
                    }
                }
            }
            sheet.createFreezePane(0, 3);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        String text = value == null ? "" : value;
        cell.setCellValue(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        cell.setCellStyle(style);
    }

    private static CellStyle style(XSSFWorkbook workbook, boolean bold, boolean bordered, boolean shaded) {
        Font font = workbook.createFont();
        font.setFontName("Times New Roman");
        font.setFontHeightInPoints((short) 12);
        font.setBold(bold);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        if (shaded) {
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }
}
