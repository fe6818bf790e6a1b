package vn.gov.mofa.upr.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Builds thematic-list Word files in the layouts OHCHR used in other cycles than the stored sample.
 * Each cell is a list of paragraphs; a "\n" inside a paragraph becomes a Word line break.
 */
final class ThematicListDocument {

    private final XWPFDocument document = new XWPFDocument();
    private XWPFTable table;

    ThematicListDocument pageHeader(String text) {
        document.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(text);
        return this;
    }

    ThematicListDocument paragraph(String text) {
        document.createParagraph().createRun().setText(text);
        return this;
    }

    @SafeVarargs
    final ThematicListDocument row(List<String>... cells) {
        XWPFTableRow row;
        if (table == null) {
            table = document.createTable();
            row = table.getRow(0);
            for (int i = 1; i < cells.length; i++) {
                row.addNewTableCell();
            }
        } else {
            row = table.createRow();
        }
        for (int i = 0; i < cells.length; i++) {
            fill(row.getCell(i), cells[i]);
        }
        return this;
    }

    /** A "Theme: ..." heading row: one cell spanning the whole table. */
    ThematicListDocument heading(String text) {
        XWPFTableRow row = table.createRow();
        int span = row.getTableCells().size();
        while (row.getTableCells().size() > 1) {
            row.removeCell(row.getTableCells().size() - 1);
        }
        row.getCell(0).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(span));
        fill(row.getCell(0), List.of(text));
        return this;
    }

    byte[] toBytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableCell cell, List<String> paragraphs) {
        for (int p = 0; p < paragraphs.size(); p++) {
            XWPFParagraph paragraph = p == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            XWPFRun run = paragraph.createRun();
            String[] lines = paragraphs.get(p).split("\n");
            for (int l = 0; l < lines.length; l++) {
                if (l > 0) {
                    run.addBreak();
                }
                run.setText(lines[l], l);
            }
        }
    }
}
