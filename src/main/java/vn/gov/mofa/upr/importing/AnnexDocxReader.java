package vn.gov.mofa.upr.importing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import vn.gov.mofa.upr.system.FileSignature;

/**
 * Reads the annex of a decision as published in Word: a table headed like the spreadsheet annex ("STT | Nội dung
 * khuyến nghị (số hiệu) | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | Kết quả/sản phẩm"), read by
 * {@link AnnexTable} with the same rules. A cell spanning columns counts once, under its first column; a cell merged
 * down from the row above repeats that row's text. Taken only when the document has such a table; the UN's thematic
 * list goes to {@link ThematicListDocxReader}.
 *
 * <p>The cycle is the one chosen at upload, else the one the decision's title names ("... chu kỳ IV"); the two must agree.
 *
 * <p>{@link ImportRow#line()} is the row's number counted through the document's tables, the first table's first row
 * being 1, as a user counts rows in Word.
 */
public class AnnexDocxReader implements RecommendationFileReader {

    private final ImportLimits limits;

    public AnnexDocxReader(ImportLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean accepts(String filename, byte[] content) {
        FileSignature signature = FileSignature.of(filename, content);
        if (!(signature.hasExtension("docx") || !signature.hasExtension(EXTENSIONS) && signature.isZipWithPart("word/document.xml"))) {
            return false;
        }
        try {
            if (OfficePackageScan.WORD_TABLE_ROWS.refusal(content, limits).isPresent()) {
                return false; // the thematic list reader says why
            }
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
                return AnnexTable.hasHeader(linesOf(document));
            }
        } catch (Exception unreadable) {
            return false; // the thematic list reader says it cannot read the file
        }
    }

    @Override
    public ParsedFile read(byte[] content, Integer cycleParam) {
        try {
            Optional<String> overLimits = OfficePackageScan.WORD_TABLE_ROWS.refusal(content, limits);
            if (overLimits.isPresent()) {
                return ParsedFile.ofFileError(overLimits.get());
            }
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
                return AnnexTable.read(linesOf(document), titlesOf(document), cycleParam,
                        "Tệp Word không có bảng khuyến nghị nào.");
            }
        } catch (Exception unreadable) {
            return ParsedFile.ofFileError("Không đọc được tệp Word (.docx): tệp bị hỏng hoặc không phải tệp Word. "
                    + "Hãy mở bằng Word và lưu lại dưới dạng Word Document (.docx).");
        }
    }

    /**
     * What the decision says above its annex table, where it names the cycle ("Phê duyệt Kế hoạch ... chu kỳ IV"): the
     * page headers, the paragraphs and tables (its letterhead is often one) before the table headed like an annex, the
     * document's title.
     */
    private static List<String> titlesOf(XWPFDocument document) {
        List<String> titles = new ArrayList<>();
        document.getHeaderList().forEach(header -> titles.add(header.getText()));
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                titles.add(paragraph.getText());
            } else if (element instanceof XWPFTable table) {
                List<AnnexLine> lines = new ArrayList<>();
                addRows(table, lines);
                if (AnnexTable.hasHeader(lines)) {
                    break;
                }
                lines.forEach(line -> line.cells().forEach(cell -> titles.add(cell.text())));
            }
        }
        titles.add(document.getProperties().getCoreProperties().getTitle());
        return titles;
    }

    private static List<AnnexLine> linesOf(XWPFDocument document) {
        List<AnnexLine> lines = new ArrayList<>();
        for (XWPFTable table : document.getTables()) {
            addRows(table, lines);
        }
        return lines;
    }

    /** The table's rows, numbered on from the lines before them. */
    private static void addRows(XWPFTable table, List<AnnexLine> lines) {
        List<AnnexCell> above = List.of();
        for (XWPFTableRow row : table.getRows()) {
            List<AnnexCell> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                int column = cells.size();
                boolean mergedDown = properties != null && properties.isSetVMerge()
                        && (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
                cells.add(mergedDown && column < above.size() ? above.get(column)
                        : AnnexCell.ofText(String.join("\n", ThematicListDocxReader.linesOf(cell))));
                int span = properties != null && properties.isSetGridSpan() ? properties.getGridSpan().getVal().intValue() : 1;
                for (int more = 1; more < span; more++) {
                    cells.add(AnnexCell.EMPTY);
                }
            }
            lines.add(new AnnexLine(lines.size() + 1, cells));
            above = cells;
        }
    }
}
