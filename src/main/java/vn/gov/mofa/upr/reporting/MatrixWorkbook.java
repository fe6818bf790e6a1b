package vn.gov.mofa.upr.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The English implementation matrix as one sheet: a heading row (frozen, filtered), then one row per recommendation. */
@Component
public class MatrixWorkbook {

    public static final String SHEET = "Matrix";
    private static final int[] WIDTHS = {10, 60, 26, 30, 28, 20, 40};

    public byte[] bytesOf(ImplementationMatrix matrix) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(SHEET);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(wrapped);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            fill(sheet.createRow(0), ImplementationMatrix.HEADINGS, header);
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            int r = 1;
            for (ImplementationMatrix.Row row : matrix.rows()) {
                fill(sheet.createRow(r++), ImplementationMatrix.cells(row), wrapped);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, WIDTHS.length - 1));
            workbook.getProperties().getCoreProperties().setTitle(matrix.title());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every value as text: "143.10" stays "143.10", and nothing an agency typed becomes a formula. */
    private static void fill(Row row, List<String> texts, CellStyle style) {
        for (int c = 0; c < texts.size(); c++) {
            var cell = row.createCell(c);
            cell.setCellValue(texts.get(c) == null ? "" : texts.get(c));
            cell.setCellStyle(style);
        }
    }
}
