package vn.gov.mofa.upr.agencyplan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agencyplan.AgencyPlan.Row;
import vn.gov.mofa.upr.agencyplan.AgencyPlan.Section;

/**
 * An agency's own plan as the administrative document it issues (Decree 30/2020/NĐ-CP, the layout of a plan, kế
 * hoạch): issuing body and number, motto, place and date, title, purpose, then the table of Plan 566/KH-BCA-V02 —
 * one row per recommendation under its internal group — "Nơi nhận" and the signature. Landscape A4, Times New Roman;
 * everything typed by people goes in as plain text runs.
 */
@Component
class AgencyPlanDocument {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String[] HEADINGS = {"TT", "Khuyến nghị số", "Nội dung khuyến nghị", "Vai trò", "Đơn vị thực hiện",
            "Đầu mối", "Nhiệm vụ, hoạt động", "Thời hạn", "Kết quả dự kiến"};

    private static final String FONT = "Times New Roman";
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n|\u2028|\u2029");
    /** Characters XML 1.0 cannot hold; one in a typed text would make Word refuse the whole file. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
    /** Landscape A4; the decree's margins (top and bottom 20mm, left 30mm, right 15mm), widths in twips. */
    private static final int PAGE_WIDTH = 16838, PAGE_HEIGHT = 11906, MARGIN_LEFT = 1701, MARGIN_RIGHT = 851, MARGIN = 1134;
    private static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    private static final int[] WIDTHS = {600, 1000, 3086, 1200, 1600, 1500, 2900, 1300, 1100};

    byte[] bytesOf(AgencyPlan plan) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            landscape(doc);
            doc.getProperties().getCoreProperties().setTitle("Kế hoạch " + plan.subject());
            doc.getProperties().getCoreProperties().setCreator(plan.agency().nameVi());
            letterhead(doc, plan);
            XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, 240, 0);
            run(title, "KẾ HOẠCH", true, false, 14);
            XWPFParagraph subject = paragraph(doc, ParagraphAlignment.CENTER, 0, 240);
            run(subject, plan.subject(), true, false, 14);
            XWPFParagraph purpose = paragraph(doc, ParagraphAlignment.BOTH, 0, 120);
            purpose.setIndentationFirstLine(567);
            run(purpose, "Thực hiện Quyết định số 1172/QĐ-TTg ngày 17/06/2025 của Thủ tướng Chính phủ, " + plan.agency().nameVi()
                    + " xây dựng Kế hoạch triển khai thực hiện " + plan.size() + " khuyến nghị do " + plan.agency().nameVi()
                    + " chủ trì hoặc phối hợp thực hiện, phân công các đơn vị như sau (số liệu đến ngày "
                    + plan.on().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + "):", false, false, 13);
            table(doc, plan);
            closing(doc, plan);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Issuing body and number on the left, motto and date on the right; the date is left for the day it is signed. */
    private static void letterhead(XWPFDocument doc, AgencyPlan plan) {
        int left = TEXT_WIDTH * 2 / 5;
        XWPFTable head = doc.createTable(1, 2);
        head.removeBorders();
        widths(head, new int[] {left, TEXT_WIDTH - left});
        XWPFTableCell issuer = head.getRow(0).getCell(0);
        run(cellParagraph(issuer, ParagraphAlignment.CENTER), plan.agency().nameVi().toUpperCase(Locale.forLanguageTag("vi")),
                true, false, 13);
        rule(issuer.addParagraph(), left, 1000);
        XWPFParagraph number = issuer.addParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        run(number, "Số: ...../KH-" + plan.agency().code().toUpperCase(Locale.ROOT), false, false, 13);
        XWPFTableCell motto = head.getRow(0).getCell(1);
        run(cellParagraph(motto, ParagraphAlignment.CENTER), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, 12);
        XWPFParagraph words = motto.addParagraph();
        words.setAlignment(ParagraphAlignment.CENTER);
        run(words, "Độc lập - Tự do - Hạnh phúc", true, false, 13);
        rule(motto.addParagraph(), TEXT_WIDTH - left, 3300);
        XWPFParagraph date = motto.addParagraph();
        date.setAlignment(ParagraphAlignment.CENTER);
        run(date, "Hà Nội, ngày ... tháng ... năm " + plan.on().getYear(), false, true, 13);
    }

    private static void table(XWPFDocument doc, AgencyPlan plan) {
        XWPFTable table = doc.createTable(1, WIDTHS.length);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        widths(table, WIDTHS);
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int i = 0; i < HEADINGS.length; i++) {
            header.getCell(i).setColor("E7E6E6");
            run(cellParagraph(header.getCell(i), ParagraphAlignment.CENTER), HEADINGS[i], true, false, 11);
        }
        int n = 0;
        for (Section section : plan.sections()) {
            XWPFTableRow heading = table.createRow();
            for (int i = WIDTHS.length - 1; i > 0; i--) {
                heading.removeCell(i);
            }
            XWPFTableCell whole = heading.getCell(0);
            whole.getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(WIDTHS.length));
            whole.setWidth(String.valueOf(TEXT_WIDTH));
            run(cellParagraph(whole, ParagraphAlignment.LEFT), section.group().name() + " (" + section.rows().size()
                    + " khuyến nghị)", true, false, 11);
            for (Row row : section.rows()) {
                XWPFTableRow line = table.createRow();
                List<String> cells = List.of(String.valueOf(++n), row.number(), row.text(), row.role(),
                        String.join("\n", row.units()), row.focalPoint(),
                        row.planApproved() ? row.tasks() : join("(Kế hoạch chưa được Bộ Ngoại giao phê duyệt)", row.tasks()),
                        row.deadline(), row.expectedOutput());
                for (int i = 0; i < cells.size(); i++) {
                    XWPFTableCell cell = line.getCell(i);
                    cell.setWidth(String.valueOf(WIDTHS[i]));
                    lines(cell, cells.get(i), i < 2 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                }
            }
        }
    }

    private static void closing(XWPFDocument doc, AgencyPlan plan) {
        doc.createParagraph(); // two tables side by side would be read as one
        XWPFTable end = doc.createTable(1, 2);
        end.removeBorders();
        widths(end, new int[] {TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2});
        XWPFTableCell to = end.getRow(0).getCell(0);
        run(cellParagraph(to, ParagraphAlignment.LEFT), "Nơi nhận:", true, true, 12);
        for (String line : List.of("- Bộ Ngoại giao (để tổng hợp);", "- Các đơn vị thuộc " + plan.agency().nameVi() + ";",
                "- Lưu: VT.")) {
            run(to.addParagraph(), line, false, false, 11);
        }
        XWPFTableCell sign = end.getRow(0).getCell(1);
        run(cellParagraph(sign, ParagraphAlignment.CENTER), "THỦ TRƯỞNG CƠ QUAN", true, false, 13);
    }

    // ---------------------------------------------------------------- building blocks

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment, int before, int after) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    private static XWPFParagraph cellParagraph(XWPFTableCell cell, ParagraphAlignment alignment) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(alignment);
        p.setSpacingAfter(0);
        return p;
    }

    /** One paragraph per line of a typed text. */
    private static void lines(XWPFTableCell cell, String text, ParagraphAlignment alignment) {
        String[] lines = LINE_BREAK.split(text == null ? "" : text.strip(), -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph p = i == 0 ? cellParagraph(cell, alignment) : cell.addParagraph();
            p.setAlignment(alignment);
            p.setSpacingAfter(0);
            run(p, lines[i], false, false, 11);
        }
    }

    /** Adds {@code text} as literal runs: nothing in it is ever read as markup or a field. */
    private static void run(XWPFParagraph p, String text, boolean bold, boolean italic, int points) {
        String[] pieces = NOT_XML.matcher(text).replaceAll("").split("\t", -1);
        for (int i = 0; i < pieces.length; i++) {
            XWPFRun run = p.createRun();
            if (i > 0) {
                run.addTab();
            }
            run.setFontFamily(FONT);
            run.setFontSize(points);
            run.setBold(bold);
            run.setItalic(italic);
            run.setText(pieces[i]);
        }
    }

    /** A short centred rule of {@code length} twips in a column of {@code width}: an empty line with a top border. */
    private static void rule(XWPFParagraph p, int width, int length) {
        int indent = Math.max(0, (width - length) / 2);
        p.setIndentationLeft(indent);
        p.setIndentationRight(indent);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(1, LineSpacingRule.EXACT);
        p.setBorderTop(Borders.SINGLE);
    }

    private static void widths(XWPFTable table, int[] widths) {
        table.setWidth(String.valueOf(TEXT_WIDTH));
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int i = 0; i < widths.length; i++) {
                row.getCell(i).setWidth(String.valueOf(widths[i]));
            }
        }
    }

    private static String join(String first, String second) {
        return second == null || second.isBlank() ? first : first + "\n" + second;
    }

    private static void landscape(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
    }
}
