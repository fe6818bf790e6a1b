package vn.gov.mofa.upr.importing;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import vn.gov.mofa.upr.system.FileSignature;

/**
 * Reads the "thematic list of recommendations" that OHCHR publishes as Word for every review.
 *
 * <p>Layouts differ between cycles, so nothing depends on column positions:
 * <ol>
 *   <li>A row whose cells carry known header wording ("Recommendation",
 *       "Position", "Full list of themes", "SDGs", "Assessment/comments on level of implementation") gives
 *       each column its meaning ({@link ThematicListHeader}) for the rows after it, in this and later tables.</li>
 *   <li>A row is a recommendation when one of its cells starts with a recommendation number ("121.1 ",
 *       "143.1.1 "); that cell is the recommendation whatever the header says. Other rows (headers,
 *       "Theme: ..." headings spanning the table, empty rows) are skipped.</li>
 *   <li>The other cells are read by their header meaning when the row has as many cells as the header,
 *       otherwise by content; inside any cell, labels ("Source of Position:", "SDGs:", "Affected persons:",
 *       "Groups of Persons:") and a lone "Supported"/"Noted" line are recognised wherever they appear
 *       ({@link ThematicListEntry}).</li>
 * </ol>
 * The cycle comes from the document itself when it names it (page header "UPR of X (3rd Cycle ...)",
 * title paragraphs, document properties), else from the user's choice.
 *
 * <p>A Word table has no row numbers the user can see, so {@link ImportRow#line()} is the recommendation's
 * ordinal position in the document plus 1: the first recommendation is 2, as under a spreadsheet header.
 */
public class ThematicListDocxReader implements RecommendationFileReader {

    private final ImportLimits limits;

    public ThematicListDocxReader(ImportLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean accepts(String filename, byte[] content) {
        FileSignature signature = FileSignature.of(filename, content);
        return signature.hasExtension("docx", "doc")
                || !signature.hasExtension(EXTENSIONS) && signature.isZipWithPart("word/document.xml");
    }

    @Override
    public ParsedFile read(byte[] content, Integer cycleParam) {
        if (content == null || content.length == 0) {
            return ParsedFile.ofFileError("Tệp rỗng: không có bảng khuyến nghị nào.");
        }
        if (FileSignature.isOle2(content)) {
            return ParsedFile.ofFileError("Tệp là định dạng Word 97–2003 (.doc): hãy mở bằng Word và lưu lại "
                    + "dưới dạng Word Document (.docx).");
        }
        try {
            Optional<String> overLimits = OfficePackageScan.WORD_TABLE_ROWS.refusal(content, limits);
            if (overLimits.isPresent()) {
                return ParsedFile.ofFileError(overLimits.get());
            }
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
                return read(document, cycleParam);
            }
        } catch (Exception unreadable) {
            // POI reports broken or foreign files with many exception types; for the user they are all one problem.
            return ParsedFile.ofFileError("Không đọc được tệp Word (.docx): tệp bị hỏng hoặc không phải tệp Word. "
                    + "Hãy mở bằng Word và lưu lại dưới dạng Word Document (.docx).");
        }
    }

    private ParsedFile read(XWPFDocument document, Integer cycleParam) {
        Integer cycle = ReviewCycleMention.in(cycleMentions(document)).map(ReviewCycleMention::cycle).orElse(cycleParam);
        List<ImportRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> firstLineOfNumber = new HashMap<>();
        int ordinal = 0;
        // Kept across tables: long lists are sometimes split into one table per theme with a header only on the first.
        ThematicListHeader header = ThematicListHeader.NONE;
        for (XWPFTable table : document.getTables()) {
            for (XWPFTableRow tableRow : table.getRows()) {
                List<XWPFTableCell> cells = tableRow.getTableCells();
                int recommendationCell = recommendationCellOf(cells);
                if (recommendationCell < 0) {
                    ThematicListHeader candidate = ThematicListHeader.of(cells.stream()
                            .map(cell -> String.join(" ", linesOf(cell)))
                            .toList());
                    header = candidate.isKnown() ? candidate : header;
                    continue;
                }
                int line = ++ordinal + 1;
                ThematicListEntry entry = new ThematicListEntry();
                for (int i = 0; i < cells.size(); i++) {
                    entry.read(header.columnOf(i, cells.size(), recommendationCell), linesOf(cells.get(i)));
                }
                List<String> problems = new ArrayList<>();
                ImportRow row = toRow(line, entry, cycle, problems);
                if (row != null) {
                    Integer earlier = firstLineOfNumber.putIfAbsent(row.number(), line);
                    if (earlier != null) {
                        problems.add("Số khuyến nghị \"%s\" bị lặp: đã có ở khuyến nghị thứ %d, lặp lại ở khuyến nghị thứ %d."
                                .formatted(row.number(), earlier - 1, line - 1));
                    } else if (problems.isEmpty()) {
                        rows.add(row);
                    }
                }
                problems.forEach(problem -> errors.add(new RowError(line, problem)));
            }
        }
        if (ordinal == 0) {
            return ParsedFile.ofFileError("Không tìm thấy bảng khuyến nghị trong tệp Word: cần một bảng có cột "
                    + "\"Recommendation\" mà mỗi dòng bắt đầu bằng số khuyến nghị (ví dụ \"121.1 Ratify ... (France);\").");
        }
        return new ParsedFile(rows, errors);
    }

    private static ImportRow toRow(int line, ThematicListEntry entry, Integer cycle, List<String> problems) {
        Optional<RecommendationWording> wording = RecommendationWording.parse(entry.wording());
        if (wording.isEmpty()) {
            problems.add("Không tách được số và nội dung khuyến nghị từ \"%s\".".formatted(RowError.shortened(entry.wording())));
            return null;
        }
        String number = wording.get().number();
        if (wording.get().text().isBlank()) {
            problems.add("Khuyến nghị số %s không có nội dung.".formatted(number));
        }
        Optional<Response> response = Response.fromWording(entry.position());
        if (response.isEmpty()) {
            problems.add("Khuyến nghị số %s có lập trường \"%s\" không hợp lệ: chỉ chấp nhận Supported hoặc Noted."
                    .formatted(number, entry.position()));
        }
        if (cycle == null) {
            problems.add(("Khuyến nghị số %s: tài liệu không ghi chu kỳ UPR (ví dụ \"3rd Cycle\") và chưa chọn chu kỳ "
                    + "khi tải lên.").formatted(number));
        }
        return new ImportRow(line, cycle, number, wording.get().text(), null, wording.get().states(),
                response.orElse(null), entry.sourceOfPosition(), entry.themes(), entry.sdgs(),
                entry.affectedPersons(), null, null, null, null, null, null);
    }

    /** The first cell that starts with a recommendation number, or -1 for headings and header rows. */
    private static int recommendationCellOf(List<XWPFTableCell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = linesOf(cells.get(i));
            if (!lines.isEmpty() && RecommendationWording.startsWithNumber(lines.get(0))) {
                return i;
            }
        }
        return -1;
    }

    /** A cell's paragraphs split at line breaks, NFC-normalised, blank lines dropped. */
    static List<String> linesOf(XWPFTableCell cell) {
        List<String> lines = new ArrayList<>();
        for (XWPFParagraph paragraph : cell.getParagraphs()) {
            for (String line : paragraph.getText().split("[\\r\\n\\u000B]+")) {
                String text = Normalizer.normalize(line, Normalizer.Form.NFC).replace('\u00A0', ' ').strip();
                if (!text.isEmpty()) {
                    lines.add(text);
                }
            }
        }
        return lines;
    }

    /** Where OHCHR names the cycle: page headers first, then text outside tables, then the properties. */
    private static List<String> cycleMentions(XWPFDocument document) {
        List<String> texts = new ArrayList<>();
        for (XWPFHeader header : document.getHeaderList()) {
            texts.add(header.getText());
        }
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                texts.add(paragraph.getText());
            }
        }
        for (XWPFFooter footer : document.getFooterList()) {
            texts.add(footer.getText());
        }
        POIXMLProperties.CoreProperties core = document.getProperties().getCoreProperties();
        texts.add(core.getTitle());
        texts.add(core.getSubject());
        texts.add(core.getDescription());
        return texts;
    }
}
