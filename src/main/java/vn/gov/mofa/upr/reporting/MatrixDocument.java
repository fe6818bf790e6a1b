package vn.gov.mofa.upr.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.springframework.stereotype.Component;

/** The English implementation matrix as a Word table on landscape A4, its heading row repeated on every page. */
@Component
public class MatrixDocument {

    private static final String FONT = "Times New Roman";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Pattern NOT_XML = Pattern.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
    /** Landscape A4 with 15mm margins; column widths in twips, summing to the width between them. */
    private static final int PAGE_WIDTH = 16838, PAGE_HEIGHT = 11906, MARGIN = 851;
    private static final int[] WIDTHS = {900, 4000, 1900, 2000, 1700, 1900, 2736};

    public byte[] bytesOf(ImplementationMatrix matrix) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            landscape(doc);
            doc.getProperties().getCoreProperties().setTitle(matrix.title());
            doc.getProperties().getCoreProperties().setCreator("Ministry of Foreign Affairs of Viet Nam");
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, matrix.title(), true, 14);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.CENTER);
            run(date, "Status as of " + DATE.format(matrix.generatedOn()) + " — " + matrix.rows().size() + " recommendations",
                    false, 11);
            table(doc, matrix);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(XWPFDocument doc, ImplementationMatrix matrix) {
        XWPFTable table = doc.createTable(matrix.rows().size() + 1, WIDTHS.length);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : WIDTHS) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        fill(header, ImplementationMatrix.HEADINGS, true);
        for (int i = 0; i < matrix.rows().size(); i++) {
            fill(table.getRow(i + 1), ImplementationMatrix.cells(matrix.rows().get(i)), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> texts, boolean bold) {
        row.setCantSplitRow(false);
        for (int c = 0; c < texts.size(); c++) {
            var cell = row.getCell(c);
            cell.setWidth(String.valueOf(WIDTHS[c]));
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setSpacingAfter(0);
            run(p, texts.get(c), bold, 10);
        }
    }

    private static void run(XWPFParagraph p, String text, boolean bold, int points) {
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(points);
        run.setBold(bold);
        run.setText(NOT_XML.matcher(text == null ? "" : text).replaceAll(""));
    }

    private static void landscape(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(MARGIN);
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
    }
}
