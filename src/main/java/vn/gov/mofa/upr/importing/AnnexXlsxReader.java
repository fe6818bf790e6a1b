package vn.gov.mofa.upr.importing;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.gov.mofa.upr.system.FileSignature;

/**
 * Reads an annex kept as an Excel workbook: the first sheet, its header row found by {@link AnnexTable}.
 * Values are taken as Excel displays them, so a number cell 143.1 stays "143.1" instead of becoming
 * 143.09999999 or "143,1" under a Vietnamese locale.
 */
public class AnnexXlsxReader implements RecommendationFileReader {

    /** US symbols on purpose: recommendation numbers use a dot whatever the user's Excel locale shows. */
    private static final Locale NUMBER_DISPLAY = Locale.US;

    private final ImportLimits limits;

    public AnnexXlsxReader(ImportLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean accepts(String filename, byte[] content) {
        FileSignature signature = FileSignature.of(filename, content);
        return signature.hasExtension("xlsx", "xlsm", "xls")
                || !signature.hasExtension(EXTENSIONS) && signature.isZipWithPart("xl/workbook.xml");
    }

    @Override
    public ParsedFile read(byte[] content, Integer cycleParam) {
        if (content == null || content.length == 0) {
            return ParsedFile.ofFileError("Tệp rỗng: không có dòng tiêu đề và không có khuyến nghị nào.");
        }
        if (FileSignature.isOle2(content)) {
            return ParsedFile.ofFileError("Tệp là định dạng Excel 97–2003 (.xls): hãy mở bằng Excel và lưu lại "
                    + "dưới dạng Excel Workbook (.xlsx).");
        }
        try {
            Optional<String> overLimits = OfficePackageScan.SHEET_ROWS.refusal(content, limits);
            if (overLimits.isPresent()) {
                return ParsedFile.ofFileError(overLimits.get());
            }
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
                if (workbook.getNumberOfSheets() == 0) {
                    return ParsedFile.ofFileError("Tệp Excel không có trang tính nào.");
                }
                return read(workbook.getSheetAt(0), cycleParam);
            }
        } catch (Exception unreadable) {
            // POI reports broken or foreign files with many exception types; for the user they are all one problem.
            return ParsedFile.ofFileError("Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không phải tệp Excel. "
                    + "Hãy mở bằng Excel và lưu lại dưới dạng Excel Workbook (.xlsx).");
        }
    }

    private ParsedFile read(Sheet sheet, Integer cycleParam) {
        DataFormatter formatter = new DataFormatter(NUMBER_DISPLAY);
        List<AnnexLine> lines = new ArrayList<>();
        Map<Integer, List<CellRangeAddress>> mergedDown = sheet.getMergedRegions().stream()
                .filter(region -> region.getLastRow() > region.getFirstRow())
                .collect(Collectors.groupingBy(CellRangeAddress::getFirstColumn));
        for (Row row : sheet) {
            lines.add(new AnnexLine(row.getRowNum() + 1, cellsOf(row, formatter, sheet, mergedDown)));
        }
        return AnnexTable.read(lines, List.of(), cycleParam,
                "Trang tính đầu tiên trống: không có dòng tiêu đề và không có khuyến nghị nào.");
    }

    /**
     * A cell merged down from the rows above (one lead agency for several recommendations) repeats the value of the
     * region's first row; a cell merged across counts once, under its first column, as Excel shows it.
     */
    private static List<AnnexCell> cellsOf(Row row, DataFormatter formatter, Sheet sheet,
            Map<Integer, List<CellRangeAddress>> mergedDown) {
        List<AnnexCell> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
            Cell cell = row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
            AnnexCell value = cell == null ? AnnexCell.EMPTY : cellOf(cell, formatter);
            Cell above = value.isBlank() ? mergedDownInto(sheet, mergedDown.getOrDefault(i, List.of()), row.getRowNum(), i) : null;
            cells.add(above == null ? value : cellOf(above, formatter));
        }
        return cells;
    }

    private static Cell mergedDownInto(Sheet sheet, List<CellRangeAddress> regionsOfColumn, int row, int column) {
        for (CellRangeAddress region : regionsOfColumn) {
            if (region.getFirstRow() < row && region.getLastRow() >= row) {
                Row first = sheet.getRow(region.getFirstRow());
                return first == null ? null : first.getCell(column, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
            }
        }
        return null;
    }

    private static AnnexCell cellOf(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.FORMULA) {
            return new AnnexCell(formatter.formatCellValue(cell), null, cell.getCellFormula());
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
            return new AnnexCell(formatter.formatCellValue(cell), date, null);
        }
        return AnnexCell.ofText(formatter.formatCellValue(cell));
    }
}
