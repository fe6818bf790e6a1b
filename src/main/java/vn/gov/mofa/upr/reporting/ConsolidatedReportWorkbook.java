package vn.gov.mofa.upr.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.reporting.ConsolidatedReport.AgencyCounts;
import vn.gov.mofa.upr.reporting.ConsolidatedReport.Entry;

/**
 * The consolidated report as a workbook for analysis: sheet "Khuyến nghị" has one filterable row per
 * recommendation, sheet "Tổng hợp" the same counts as the Word draft. Every text goes in as a string cell, so a
 * report text such as {@code =HYPERLINK(...)} stays text and the workbook never holds a formula.
 */
@Component
public class ConsolidatedReportWorkbook implements ReportFile {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String SHEET_RECOMMENDATIONS = "Khuyến nghị";
    public static final String SHEET_SUMMARY = "Tổng hợp";

    private static final String FONT = "Times New Roman";
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\u2028|\u2029");
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final String CUT = "… [đã cắt bớt do giới hạn ô Excel, xem đầy đủ trong bản DOCX]";
    private static final int MAX_LINES_SHOWN = 12;

    /** The columns of sheet "Khuyến nghị" with their widths in characters. */
    private enum Column {
        CYCLE("Chu kỳ", 8), NUMBER("Số khuyến nghị", 12), TEXT("Nội dung", 60), STATES("Quốc gia khuyến nghị", 24),
        TASK_GROUP("Nhóm nhiệm vụ", 30), LEAD("Cơ quan chủ trì", 24), COORDINATING("Cơ quan phối hợp", 30),
        STATUS("Tình trạng", 18), RESULTS("Kết quả thực hiện", 60), FIGURES("Số liệu", 40),
        DIFFICULTIES("Khó khăn, vướng mắc", 40), PROPOSALS("Kiến nghị, đề xuất", 40), APPROVED_BY("Người phê duyệt", 20),
        APPROVED_ON("Ngày phê duyệt", 14);

        final String header;
        final int width;

        Column(String header, int width) {
            this.header = header;
            this.width = width;
        }
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void write(ConsolidatedReport report, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            recommendations(workbook.createSheet(SHEET_RECOMMENDATIONS), report, styles);
            summary(workbook.createSheet(SHEET_SUMMARY), report, styles);
            workbook.getProperties().getCoreProperties().setTitle(
                    "Báo cáo tổng hợp tình hình thực hiện khuyến nghị UPR" + (report.roundName() == null ? "" : " — " + report.roundName()));
            workbook.getProperties().getCoreProperties().setCreator("Bộ Ngoại giao");
            workbook.write(out);
        }
    }

    private void recommendations(XSSFSheet sheet, ConsolidatedReport report, Styles styles) {
        Column[] columns = Column.values();
        Row header = sheet.createRow(0);
        header.setHeightInPoints(2 * 16f + 4);
        for (Column c : columns) {
            text(header, c.ordinal(), c.header, styles.header);
            sheet.setColumnWidth(c.ordinal(), c.width * 256);
        }
        int r = 1;
        for (Entry e : report.entriesInNumberOrder()) {
            Row row = sheet.createRow(r++);
            row.createCell(Column.CYCLE.ordinal()).setCellValue(e.cycle());
            row.getCell(Column.CYCLE.ordinal()).setCellStyle(styles.centred);
            text(row, Column.NUMBER.ordinal(), e.number(), styles.centred);
            text(row, Column.TEXT.ordinal(), e.text(), styles.wrapped);
            text(row, Column.STATES.ordinal(), String.join("; ", e.recommendingStates()), styles.wrapped);
            text(row, Column.TASK_GROUP.ordinal(), e.taskGroupTitle(), styles.wrapped);
            text(row, Column.LEAD.ordinal(), e.leadAgencyTitle(), styles.wrapped);
            text(row, Column.COORDINATING.ordinal(), String.join("; ", e.coordinatingAgencyNames()), styles.wrapped);
            text(row, Column.STATUS.ordinal(), e.status().label(), styles.wrapped);
            text(row, Column.RESULTS.ordinal(), e.results(), styles.wrapped);
            text(row, Column.FIGURES.ordinal(), e.figures(), styles.wrapped);
            text(row, Column.DIFFICULTIES.ordinal(), e.difficulties(), styles.wrapped);
            text(row, Column.PROPOSALS.ordinal(), e.proposals(), styles.wrapped);
            text(row, Column.APPROVED_BY.ordinal(), e.approvedBy(), styles.wrapped);
            Cell approvedOn = row.createCell(Column.APPROVED_ON.ordinal());
            approvedOn.setCellStyle(styles.date);
            if (e.approvedOn() != null) {
                approvedOn.setCellValue(e.approvedOn());
            }
            fitHeight(row, columns);
        }
        // "143.10" must stay text (as a number it would read 143.1); keep Excel from flagging it.
        sheet.addIgnoredErrors(new CellRangeAddress(1, Math.max(r - 1, 1), Column.NUMBER.ordinal(), Column.NUMBER.ordinal()),
                IgnoredErrorType.NUMBER_STORED_AS_TEXT);
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, columns.length - 1));
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        landscape(sheet, false);
    }

    private void summary(Sheet sheet, ConsolidatedReport report, Styles styles) {
        ImplementationStatus[] statuses = ImplementationStatus.values();
        sheet.setColumnWidth(0, 34 * 256);
        for (int c = 1; c <= statuses.length + 1; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
        int r = 0;
        text(sheet.createRow(r++), 0, "Báo cáo tổng hợp tình hình thực hiện khuyến nghị UPR", styles.title);
        text(sheet.createRow(r++), 0, String.join(" — ", nonBlank(report.kindLabel(), report.roundName())), styles.plain);
        text(sheet.createRow(r++), 0, report.edition().description(), styles.plain);
        if (report.scope() != null) {
            text(sheet.createRow(r++), 0, "Phạm vi: " + report.scope(), styles.plain);
        }
        r++;

        Map<ImplementationStatus, Integer> counts = report.countsByStatus();
        int total = report.entries().size();
        text(sheet.createRow(r++), 0, "Theo tình trạng thực hiện", styles.title);
        Row header = sheet.createRow(r++);
        text(header, 0, "Tình trạng", styles.header);
        text(header, 1, "Số khuyến nghị", styles.header);
        text(header, 2, "Tỷ lệ", styles.header);
        for (ImplementationStatus s : statuses) {
            Row row = sheet.createRow(r++);
            text(row, 0, s.label(), styles.wrapped);
            number(row, 1, counts.get(s), styles.count);
            number(row, 2, report.percentOf(counts.get(s)) / 100, styles.percent);
        }
        Row totalRow = sheet.createRow(r++);
        text(totalRow, 0, "Tổng cộng", styles.headerLeft);
        number(totalRow, 1, total, styles.countBold);
        number(totalRow, 2, total == 0 ? 0 : 1, styles.percentBold);
        r++;

        text(sheet.createRow(r++), 0, "Theo cơ quan chủ trì", styles.title);
        header = sheet.createRow(r++);
        header.setHeightInPoints(2 * 16f + 4);
        text(header, 0, "Cơ quan chủ trì", styles.header);
        for (ImplementationStatus s : statuses) {
            text(header, 1 + s.ordinal(), s.label(), styles.header);
        }
        text(header, statuses.length + 1, "Tổng cộng", styles.header);
        for (AgencyCounts agency : report.countsByLeadAgency()) {
            Row row = sheet.createRow(r++);
            text(row, 0, agency.agencyName(), styles.wrapped);
            for (ImplementationStatus s : statuses) {
                number(row, 1 + s.ordinal(), agency.byStatus().get(s), styles.count);
            }
            number(row, statuses.length + 1, agency.total(), styles.countBold);
        }
        totalRow = sheet.createRow(r);
        text(totalRow, 0, "Tổng cộng", styles.headerLeft);
        for (ImplementationStatus s : statuses) {
            number(totalRow, 1 + s.ordinal(), counts.get(s), styles.countBold);
        }
        number(totalRow, statuses.length + 1, total, styles.countBold);
        landscape(sheet, true);
    }

    // ---------------------------------------------------------------- cells

    /** Always a string cell (never a formula, whatever the text starts with); nothing at all for null. */
    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null && !value.isEmpty()) {
            cell.setCellValue(fit(LINE_BREAK.matcher(value).replaceAll("\n")));
        }
    }

    private static void number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        cell.setCellValue(value);
    }

    private static String fit(String value) {
        if (value.length() <= MAX_TEXT) {
            return value;
        }
        int end = MAX_TEXT - CUT.length();
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + CUT;
    }

    /** Excel does not grow rows for wrapped text it did not lay out itself, so estimate the lines here. */
    private static void fitHeight(Row row, Column[] columns) {
        int lines = 1;
        for (Column c : columns) {
            Cell cell = row.getCell(c.ordinal());
            if (cell == null || cell.getCellType() != CellType.STRING) {
                continue;
            }
            int cellLines = 0;
            for (String line : cell.getStringCellValue().split("\n", -1)) {
                cellLines += Math.max(1, (int) Math.ceil(line.length() / (double) (c.width - 1)));
            }
            lines = Math.max(lines, cellLines);
        }
        row.setHeightInPoints(Math.min(lines, MAX_LINES_SHOWN) * 15f + 3);
    }

    private static List<String> nonBlank(String... values) {
        List<String> list = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                list.add(v);
            }
        }
        return list;
    }

    private static void landscape(Sheet sheet, boolean fitToWidth) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        if (fitToWidth) {
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
        }
    }

    private static final class Styles {
        final CellStyle header, headerLeft, title, plain, wrapped, centred, date, count, countBold, percent, percentBold;

        Styles(XSSFWorkbook workbook) {
            Font normal = workbook.getFontAt(0);
            normal.setFontName(FONT);
            normal.setFontHeightInPoints((short) 12);
            Font bold = workbook.createFont();
            bold.setFontName(FONT);
            bold.setFontHeightInPoints((short) 12);
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setFontName(FONT);
            big.setFontHeightInPoints((short) 13);
            big.setBold(true);

            title = workbook.createCellStyle();
            title.setFont(big);
            plain = workbook.createCellStyle();
            plain.setFont(normal);
            wrapped = bordered(workbook, normal);
            wrapped.setWrapText(true);
            header = bordered(workbook, bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headerLeft = bordered(workbook, bold);
            headerLeft.cloneStyleFrom(header);
            headerLeft.setAlignment(HorizontalAlignment.LEFT);
            centred = bordered(workbook, normal);
            centred.setAlignment(HorizontalAlignment.CENTER);
            date = bordered(workbook, normal);
            date.setAlignment(HorizontalAlignment.CENTER);
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            count = bordered(workbook, normal);
            count.setAlignment(HorizontalAlignment.CENTER);
            count.setDataFormat(workbook.createDataFormat().getFormat("0"));
            countBold = bordered(workbook, bold);
            countBold.cloneStyleFrom(count);
            countBold.setFont(bold);
            percent = bordered(workbook, normal);
            percent.setAlignment(HorizontalAlignment.CENTER);
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            percentBold = bordered(workbook, bold);
            percentBold.cloneStyleFrom(percent);
            percentBold.setFont(bold);
        }

        private static CellStyle bordered(XSSFWorkbook workbook, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
