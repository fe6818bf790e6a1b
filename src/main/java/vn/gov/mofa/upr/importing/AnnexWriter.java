package vn.gov.mofa.upr.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.workflow.Deadlines;

/**
 * Writes recommendations as an annex the import reads back: the columns of {@link AnnexColumn} under their
 * Vietnamese titles, values in the shapes the readers accept (dates dd/MM/yyyy, agency codes, lists separated by
 * "; "). A list exported, edited in Excel and imported again changes exactly what was edited.
 */
@Component
public class AnnexWriter {

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_TYPE = "text/csv;charset=UTF-8";
    private static final String SHEET = "Khuyến nghị";
    private static final String LIST_SEPARATOR = "; ";

    /** UTF-8 with a byte order mark, so that Excel opens the Vietnamese text as UTF-8. */
    public void csv(List<Recommendation> recommendations, OutputStream out) {
        csvOf(rows(recommendations), out);
    }

    /** One sheet, streamed: ten thousand rows never sit in memory at once. */
    public void xlsx(List<Recommendation> recommendations, OutputStream out) {
        xlsxOf(rows(recommendations), out);
    }

    /** Each row gives the value of each column (null: empty). */
    static void csvOf(List<Function<AnnexColumn, String>> rows, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
            for (AnnexColumn column : AnnexColumn.values()) {
                csv.print(column.title());
            }
            csv.println();
            for (Function<AnnexColumn, String> row : rows) {
                for (AnnexColumn column : AnnexColumn.values()) {
                    csv.print(row.apply(column));
                }
                csv.println();
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void xlsxOf(List<Function<AnnexColumn, String>> rows, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(SHEET);
            var bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (AnnexColumn column : AnnexColumn.values()) {
                var cell = header.createCell(column.ordinal());
                cell.setCellValue(column.title());
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int line = 1;
            for (Function<AnnexColumn, String> values : rows) {
                Row row = sheet.createRow(line++);
                for (AnnexColumn column : AnnexColumn.values()) {
                    String value = values.apply(column);
                    if (value != null) {
                        // always a text cell: a value is never read as a formula, and "143.10" stays "143.10"
                        row.createCell(column.ordinal()).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Function<AnnexColumn, String>> rows(List<Recommendation> recommendations) {
        return recommendations.stream().<Function<AnnexColumn, String>>map(r -> column -> value(column, r)).toList();
    }

    private static String value(AnnexColumn column, Recommendation r) {
        return switch (column) {
            case NUMBER -> r.number();
            case TEXT -> r.text();
            case TEXT_VI -> r.textVi();
            case RECOMMENDING_STATES -> list(r.recommendingStates());
            case RESPONSE -> Response.valueOf(r.response()) == Response.SUPPORTED ? "Chấp thuận" : "Ghi nhận";
            case CYCLE -> String.valueOf(r.cycle());
            case TASK_GROUP -> r.taskGroup();
            case LEAD_AGENCY -> r.leadAgency();
            case COORDINATING_AGENCIES -> list(r.coordinatingAgencies());
            case PLAN_DUE_DATE -> date(r.planDueDate());
            case DUE_DATE -> date(r.dueDate());
            case THEMES -> list(r.themes());
            case SDGS -> list(r.sdgs());
            case AFFECTED_PERSONS -> list(r.affectedPersons());
        };
    }

    /**
     * The readers split a cell at semicolons when it has any, else at commas: one item that holds a comma
     * ("Korea, Republic of") gets a closing semicolon so it stays one item.
     */
    private static String list(List<String> items) {
        if (items.isEmpty()) {
            return null;
        }
        String joined = String.join(LIST_SEPARATOR, items);
        return items.size() == 1 && joined.contains(",") ? joined + ";" : joined;
    }

    private static String date(LocalDate date) {
        return date == null ? null : Deadlines.format(date);
    }
}
