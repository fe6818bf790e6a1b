package vn.gov.mofa.upr.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.reporting.ConsolidatedReport.AgencyCounts;
import vn.gov.mofa.upr.reporting.ConsolidatedReport.Entry;
import vn.gov.mofa.upr.reporting.ConsolidatedReport.Pending;

/**
 * The consolidated report as the administrative document MOFA submits to the Prime Minister, laid out as Annex I of
 * Decree 30/2020/NĐ-CP sets a ministry's report (báo cáo): issuing body and number, national motto, place and date,
 * title and summary line, addressee, body, "Nơi nhận" and signature block; A4 with the decree's margins, Times New
 * Roman 13pt, page numbers at the top from page 2. The body: summary tables, then every recommendation under its task
 * group with its approved report. Headings use Word's built-in "heading 1..3" styles so the navigation pane and a
 * table of contents work. Everything the agencies typed goes in as plain text runs.
 */
@Component
public class ConsolidatedReportDocument implements ReportFile {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final String STYLE_TITLE = "Title";
    static final String STYLE_HEADING_1 = "Heading1";
    static final String STYLE_HEADING_2 = "Heading2";
    static final String STYLE_HEADING_3 = "Heading3";
    static final String STYLE_TABLE_TEXT = "TableText";

    static final String ISSUER = "BỘ NGOẠI GIAO";
    static final String NUMBER_SUFFIX = "/BC-BNG";
    static final String PLACE = "Hà Nội";
    static final String ADDRESSEE = "Thủ tướng Chính phủ";

    private static final String FONT = "Times New Roman";
    private static final int HALF_POINTS = 26; // 13pt
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n|\u2028|\u2029");
    /** Characters XML 1.0 cannot hold; one of them in an agency's text would make Word refuse the whole file. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    /** A4; margins of Decree 30/2020/NĐ-CP (top and bottom 20mm, left 30mm, right 15mm); width left for text, in twips. */
    private static final int PAGE_WIDTH = 11906, PAGE_HEIGHT = 16838, MARGIN_LEFT = 1701, MARGIN_RIGHT = 851, MARGIN = 1134;
    private static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    /** The letterhead's columns: issuing body and number on the left, motto and date on the right. */
    private static final int LEFT_COLUMN = TEXT_WIDTH * 2 / 5, RIGHT_COLUMN = TEXT_WIDTH - LEFT_COLUMN;
    /** Body paragraphs start 1cm in (the decree: 1 to 1.27cm). */
    private static final int FIRST_LINE_INDENT = 567;

    private final ReportSettings settings;

    public ConsolidatedReportDocument(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void write(ConsolidatedReport report, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            defineStyles(doc);
            setUpPages(doc);
            doc.getProperties().getCoreProperties().setTitle(title(report));
            doc.getProperties().getCoreProperties().setCreator("Bộ Ngoại giao");
            doc.getProperties().getCoreProperties().setDescription(report.edition().description());
            letterhead(doc, report.edition());
            titleBlock(doc, report);
            overview(doc, report);
            byTaskGroup(doc, report);
            closing(doc, report.edition());
            doc.write(out);
        }
    }

    private static String title(ConsolidatedReport report) {
        return "Báo cáo tình hình thực hiện khuyến nghị UPR" + (blank(report.roundName()) ? "" : " — " + report.roundName());
    }

    // ---------------------------------------------------------------- letterhead, title, addressee

    /** Issuing body, number, motto, place and date in two borderless columns, with the decree's short rules. */
    private void letterhead(XWPFDocument doc, Edition edition) {
        if (edition.mark() != null) {
            XWPFParagraph mark = paragraph(doc, ParagraphAlignment.RIGHT);
            mark.setIndentationFirstLine(0);
            sized(mark, edition.mark(), true, false, 24);
            if (!blank(edition.comment())) {
                XWPFParagraph comment = paragraph(doc, ParagraphAlignment.RIGHT);
                comment.setIndentationFirstLine(0);
                sized(comment, "Ý kiến của lãnh đạo Bộ: " + edition.comment().strip(), false, true, 24);
            }
        }
        XWPFTable letterhead = table(doc, 1, new int[] {LEFT_COLUMN, RIGHT_COLUMN});
        letterhead.removeBorders();
        XWPFTableCell left = letterhead.getRow(0).getCell(0);
        sized(cellParagraph(left, ParagraphAlignment.CENTER), ISSUER, true, false, 26);
        rule(left, LEFT_COLUMN, 1000);
        XWPFParagraph number = left.addParagraph();
        number.setStyle(STYLE_TABLE_TEXT);
        number.setAlignment(ParagraphAlignment.CENTER);
        number.setSpacingBefore(120);
        sized(number, numberLine(), false, false, 26);

        XWPFTableCell right = letterhead.getRow(0).getCell(1);
        sized(cellParagraph(right, ParagraphAlignment.CENTER), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, 24);
        XWPFParagraph motto = right.addParagraph();
        motto.setStyle(STYLE_TABLE_TEXT);
        motto.setAlignment(ParagraphAlignment.CENTER);
        sized(motto, "Độc lập - Tự do - Hạnh phúc", true, false, 26);
        rule(right, RIGHT_COLUMN, 3300);
        XWPFParagraph date = right.addParagraph();
        date.setStyle(STYLE_TABLE_TEXT);
        date.setAlignment(ParagraphAlignment.CENTER);
        date.setSpacingBefore(120);
        sized(date, dateLine(edition), false, true, 26);
    }

    /** "Số: ..../BC-BNG": the office's clerk gives the number when the signed report is issued. */
    static String numberLine() {
        return "Số: ....." + NUMBER_SUFFIX;
    }

    /**
     * "Hà Nội, ngày 05 tháng 12 năm 2026" for the approved edition (a day below 10 and months 1 and 2 with a leading
     * zero, as the decree writes them); a draft leaves day and month dotted for the day it is signed.
     */
    static String dateLine(Edition edition) {
        if (!edition.approved()) {
            return PLACE + ", ngày ... tháng ... năm " + edition.at().getYear();
        }
        LocalDate on = edition.at().toLocalDate();
        int month = on.getMonthValue();
        return PLACE + ", ngày " + String.format("%02d", on.getDayOfMonth()) + " tháng "
                + (month <= 2 ? String.format("%02d", month) : String.valueOf(month)) + " năm " + on.getYear();
    }

    private void titleBlock(XWPFDocument doc, ConsolidatedReport report) {
        XWPFParagraph title = doc.createParagraph();
        title.setStyle(STYLE_TITLE);
        text(title, "BÁO CÁO", false, false);

        XWPFParagraph summary = paragraph(doc, ParagraphAlignment.CENTER);
        summary.setIndentationFirstLine(0);
        summary.setSpacingAfter(0);
        text(summary, "Tình hình thực hiện các khuyến nghị theo cơ chế Rà soát định kỳ phổ quát (UPR)", true, false);
        String round = blank(report.roundName()) ? report.kindLabel() : report.roundName();
        if (!blank(round)) {
            summary.createRun().addBreak();
            text(summary, round, true, false);
        }
        XWPFParagraph rule = paragraph(doc, ParagraphAlignment.CENTER);
        shortRule(rule, TEXT_WIDTH, 2400);

        XWPFParagraph addressee = paragraph(doc, ParagraphAlignment.CENTER);
        addressee.setIndentationFirstLine(0);
        addressee.setSpacingBefore(120);
        addressee.setSpacingAfter(240);
        text(addressee, "Kính gửi: " + ADDRESSEE, false, false);

        plain(doc, "Thực hiện Quyết định số 1172/QĐ-TTg ngày 17/06/2025 của Thủ tướng Chính phủ, Bộ Ngoại giao đã đề nghị "
                + "các bộ, cơ quan chủ trì báo cáo tình hình thực hiện các khuyến nghị"
                + (report.agencyDeadline() == null ? "" : " (hạn gửi báo cáo: " + date(report.agencyDeadline()) + ")")
                + ". Trên cơ sở các báo cáo đã được thẩm định đến ngày " + date(report.generatedOn())
                + ", Bộ Ngoại giao báo cáo như sau:");
        if (report.scope() != null) {
            labelled(doc, "Phạm vi", report.scope());
        }
    }

    // ---------------------------------------------------------------- I. overview

    private void overview(XWPFDocument doc, ConsolidatedReport report) {
        heading(doc, STYLE_HEADING_1, "I. Tổng quan");
        Map<ImplementationStatus, Integer> counts = report.countsByStatus();
        int total = report.entries().size();
        plain(doc, "Tổng số khuyến nghị được yêu cầu báo cáo: " + total + "; đã có báo cáo được duyệt: "
                + (total - counts.get(ImplementationStatus.NO_APPROVED_REPORT)) + ".");
        for (Pending reason : Pending.values()) {
            List<String> numbers = report.pending(reason);
            if (!numbers.isEmpty()) {
                plain(doc, numbered(numbers) + " " + reason.reason() + ".");
            }
        }
        if (!report.notRequested().isEmpty()) {
            plain(doc, numbered(report.notRequested()) + " thuộc phạm vi đợt báo cáo nhưng chưa được yêu cầu báo cáo vì "
                    + "khi mở đợt chưa có kế hoạch thực hiện được phê duyệt.");
        }
        heading(doc, STYLE_HEADING_2, "1. Theo tình trạng thực hiện");
        int[] widths = {TEXT_WIDTH - 2 * 1800, 1800, 1800};
        XWPFTable byStatus = table(doc, ImplementationStatus.values().length + 2, widths);
        headerRow(byStatus.getRow(0), "Tình trạng", "Số khuyến nghị", "Tỷ lệ (%)");
        int row = 1;
        for (ImplementationStatus status : ImplementationStatus.values()) {
            int count = counts.get(status);
            cells(byStatus.getRow(row++), false, status.label(), String.valueOf(count), percent(report.percentOf(count)));
        }
        cells(byStatus.getRow(row), true, "Tổng cộng", String.valueOf(total), percent(total == 0 ? 0 : 100));

        heading(doc, STYLE_HEADING_2, "2. Theo cơ quan chủ trì");
        List<AgencyCounts> agencies = report.countsByLeadAgency();
        ImplementationStatus[] statuses = ImplementationStatus.values();
        int numberWidth = 1050;
        int[] agencyWidths = new int[statuses.length + 2];
        Arrays.fill(agencyWidths, numberWidth);
        agencyWidths[0] = TEXT_WIDTH - numberWidth * (statuses.length + 1);
        XWPFTable byAgency = table(doc, agencies.size() + 2, agencyWidths);
        List<String> header = new ArrayList<>(List.of("Cơ quan chủ trì"));
        for (ImplementationStatus s : statuses) {
            header.add(s.label());
        }
        header.add("Tổng cộng");
        headerRow(byAgency.getRow(0), header.toArray(String[]::new));
        row = 1;
        for (AgencyCounts agency : agencies) {
            List<String> line = new ArrayList<>(List.of(agency.agencyName()));
            for (ImplementationStatus s : statuses) {
                line.add(String.valueOf(agency.byStatus().get(s)));
            }
            line.add(String.valueOf(agency.total()));
            cells(byAgency.getRow(row++), false, line.toArray(String[]::new));
        }
        List<String> totals = new ArrayList<>(List.of("Tổng cộng"));
        for (ImplementationStatus s : statuses) {
            totals.add(String.valueOf(counts.get(s)));
        }
        totals.add(String.valueOf(total));
        cells(byAgency.getRow(row), true, totals.toArray(String[]::new));
    }

    // ---------------------------------------------------------------- II. by task group

    private void byTaskGroup(XWPFDocument doc, ConsolidatedReport report) {
        heading(doc, STYLE_HEADING_1, "II. Tình hình thực hiện theo nhóm nhiệm vụ");
        if (report.entries().isEmpty()) {
            plain(doc, "Không có khuyến nghị nào trong phạm vi báo cáo.");
            return;
        }
        boolean severalCycles = report.entries().stream().map(Entry::cycle).distinct().count() > 1;
        for (List<Entry> group : report.entriesByTaskGroup().values()) {
            heading(doc, STYLE_HEADING_2, group.get(0).taskGroupTitle());
            for (Entry entry : group) {
                recommendation(doc, entry, severalCycles);
            }
        }
    }

    private void recommendation(XWPFDocument doc, Entry e, boolean severalCycles) {
        heading(doc, STYLE_HEADING_3, "Khuyến nghị " + e.number() + (severalCycles ? " (chu kỳ " + roman(e.cycle()) + ")" : ""));
        for (String line : lines(e.readingText())) {
            XWPFParagraph p = doc.createParagraph();
            text(p, line, false, true);
        }
        labelled(doc, "Quốc gia khuyến nghị", orNone(String.join(", ", e.recommendingStates())));
        labelled(doc, "Cơ quan chủ trì", e.leadAgencyTitle());
        labelled(doc, "Cơ quan phối hợp", orNone(String.join(", ", e.coordinatingAgencyNames())));
        if (!e.hasApprovedReport()) {
            labelled(doc, "Tình trạng", e.status().label() + (e.pending() == null ? "" : " (" + e.pending().reason() + ")"));
            return;
        }
        labelled(doc, "Tình trạng", e.status().label());
        labelled(doc, "Kết quả thực hiện", e.results());
        labelled(doc, "Số liệu", e.figures());
        labelled(doc, "Khó khăn, vướng mắc", e.difficulties());
        labelled(doc, "Kiến nghị, đề xuất", e.proposals());
        String approval = (blank(e.approvedBy()) ? "" : e.approvedBy())
                + (!blank(e.approvedBy()) && e.approvedOn() != null ? ", " : "") + date(e.approvedOn());
        labelled(doc, "Phê duyệt", approval);
    }

    // ---------------------------------------------------------------- closing, recipients, signature

    /** The closing sentence, then "Nơi nhận" on the left and the signature block on the right. */
    private void closing(XWPFDocument doc, Edition edition) {
        plain(doc, "Bộ Ngoại giao kính báo cáo Thủ tướng Chính phủ./.");
        XWPFTable block = table(doc, 1, new int[] {LEFT_COLUMN + 400, RIGHT_COLUMN - 400});
        block.removeBorders();
        XWPFTableCell left = block.getRow(0).getCell(0);
        sized(cellParagraph(left, ParagraphAlignment.LEFT), "Nơi nhận:", true, true, 24);
        for (String recipient : settings.recipients()) {
            XWPFParagraph line = left.addParagraph();
            line.setStyle(STYLE_TABLE_TEXT);
            line.setSpacingBefore(0);
            line.setSpacingAfter(0);
            sized(line, "- " + recipient, false, false, 22);
        }
        XWPFTableCell right = block.getRow(0).getCell(1);
        XWPFParagraph title = cellParagraph(right, ParagraphAlignment.CENTER);
        for (int i = 0; i < settings.signerTitle().size(); i++) {
            if (i > 0) {
                title.createRun().addBreak();
            }
            sized(title, settings.signerTitle().get(i), true, false, 26);
        }
        XWPFParagraph name = right.addParagraph();
        name.setStyle(STYLE_TABLE_TEXT);
        name.setAlignment(ParagraphAlignment.CENTER);
        name.setSpacingBefore(1440); // room for the signature and the seal
        sized(name, edition.approved() && !blank(edition.decidedBy()) ? edition.decidedBy() : "", true, false, 26);
    }

    // ---------------------------------------------------------------- building blocks

    /** "Label: value" on one line; a value of several lines goes below its label, one paragraph per line. */
    private void labelled(XWPFDocument doc, String label, String value) {
        List<String> lines = lines(orNone(value));
        XWPFParagraph first = doc.createParagraph();
        text(first, label + ":", true, false);
        if (lines.size() == 1) {
            text(first, " " + lines.get(0), false, false);
            return;
        }
        first.setSpacingAfter(0);
        for (int i = 0; i < lines.size(); i++) {
            XWPFParagraph p = doc.createParagraph();
            if (i < lines.size() - 1) {
                p.setSpacingAfter(0);
            }
            text(p, lines.get(i), false, false);
        }
    }

    private XWPFParagraph heading(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        text(p, text, false, false);
        return p;
    }

    private void plain(XWPFDocument doc, String text) {
        text(doc.createParagraph(), text, false, false);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        return p;
    }

    /** Text at a size of its own (the letterhead's and signature's sizes are the decree's, not the table text's). */
    private static void sized(XWPFParagraph p, String text, boolean bold, boolean italic, int halfPoints) {
        int before = p.getRuns().size();
        text(p, text, bold, italic);
        for (int i = before; i < p.getRuns().size(); i++) {
            p.getRuns().get(i).setFontSize(halfPoints / 2.0);
        }
    }

    /** A short centred rule, {@code length} twips long, as its own paragraph at the end of a letterhead cell. */
    private static void rule(XWPFTableCell cell, int cellWidth, int length) {
        XWPFParagraph rule = cell.addParagraph();
        rule.setStyle(STYLE_TABLE_TEXT);
        shortRule(rule, cellWidth, length);
    }

    /** Makes {@code p} an empty 1pt-high line with a border over {@code length} twips at the centre of {@code width}. */
    private static void shortRule(XWPFParagraph p, int width, int length) {
        int indent = Math.max(0, (width - length) / 2);
        p.setIndentationLeft(indent);
        p.setIndentationRight(indent);
        p.setIndentationFirstLine(0);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(1, LineSpacingRule.EXACT);
        p.setBorderTop(Borders.SINGLE);
    }

    /** "Khuyến nghị 143.6" or "Các khuyến nghị 143.6, 143.7". */
    private static String numbered(List<String> numbers) {
        return (numbers.size() == 1 ? "Khuyến nghị " : "Các khuyến nghị ") + String.join(", ", numbers);
    }

    /** Adds {@code text} as literal runs: nothing in it is ever read as markup or a field. */
    private static void text(XWPFParagraph p, String text, boolean bold, boolean italic) {
        String[] pieces = NOT_XML.matcher(text).replaceAll("").split("\t", -1);
        for (int i = 0; i < pieces.length; i++) {
            XWPFRun run = p.createRun();
            if (i > 0) {
                run.addTab();
            }
            if (bold) { // never "off": that would override the bold of the heading styles
                run.setBold(true);
            }
            if (italic) {
                run.setItalic(true);
            }
            run.setText(pieces[i]);
        }
    }

    /** The lines of an agency's text, blank lines inside kept, blank lines around dropped. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(LINE_BREAK.split(text == null ? "" : text.strip(), -1)));
        return lines.isEmpty() ? List.of("") : lines;
    }

    private static XWPFTable table(XWPFDocument doc, int rows, int[] widths) {
        XWPFTable table = doc.createTable(rows, widths.length);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setWidth(String.valueOf(TEXT_WIDTH));
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        for (int i = 0; i < widths.length; i++) {
            BigInteger w = BigInteger.valueOf(widths[i]);
            if (i < grid.sizeOfGridColArray()) {
                grid.getGridColArray(i).setW(w);
            } else {
                grid.addNewGridCol().setW(w);
            }
        }
        for (XWPFTableRow row : table.getRows()) {
            row.setCantSplitRow(true);
            for (int i = 0; i < widths.length; i++) {
                row.getCell(i).setWidth(String.valueOf(widths[i]));
                row.getCell(i).setVerticalAlignment(XWPFVertAlign.CENTER);
            }
        }
        return table;
    }

    private static void headerRow(XWPFTableRow row, String... texts) {
        row.setRepeatHeader(true);
        for (int i = 0; i < texts.length; i++) {
            row.getCell(i).setColor("E7E6E6");
            text(cellParagraph(row.getCell(i), ParagraphAlignment.CENTER), texts[i], true, false);
        }
    }

    /** First cell left-aligned (a name), the others centred (numbers). */
    private static void cells(XWPFTableRow row, boolean bold, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            text(cellParagraph(row.getCell(i), i == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER), texts[i],
                    bold, false);
        }
    }

    private static XWPFParagraph cellParagraph(XWPFTableCell cell, ParagraphAlignment alignment) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle(STYLE_TABLE_TEXT);
        p.setAlignment(alignment);
        return p;
    }

    private static String percent(double value) {
        return String.format(ConsolidatedReport.VIETNAMESE, "%.1f", value);
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String orNone(String value) {
        return blank(value) ? "Không có." : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String roman(int cycle) {
        String[] numerals = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return cycle > 0 && cycle < numerals.length ? numerals[cycle] : String.valueOf(cycle);
    }

    // ---------------------------------------------------------------- page and styles

    private static void setUpPages(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));

        // Page numbers at the top centre from page 2 on, as administrative documents have them.
        doc.createHeader(HeaderFooterType.FIRST);
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph number = header.createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        CTSimpleField page = number.getCTP().addNewFldSimple();
        page.setInstr("PAGE");
        page.addNewR().addNewT().setStringValue("1");
        if (!section.isSetTitlePg()) {
            section.addNewTitlePg();
        }
    }

    private static void defineStyles(XWPFDocument doc) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTRPr defaults = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        CTFonts fonts = defaults.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        defaults.addNewSz().setVal(BigInteger.valueOf(HALF_POINTS));
        defaults.addNewSzCs().setVal(BigInteger.valueOf(HALF_POINTS));
        defaults.addNewLang().setVal("vi-VN");
        CTSpacing spacing = styles.getDocDefaults().addNewPPrDefault().addNewPPr().addNewSpacing();
        spacing.setAfter(BigInteger.valueOf(120));
        spacing.setLine(BigInteger.valueOf(276));
        spacing.setLineRule(STLineSpacingRule.AUTO);

        CTStyle normal = style(styles, "Normal", "Normal", null);
        normal.setDefault(true);
        normal.getPPr().addNewJc().setVal(STJc.BOTH);
        normal.getPPr().addNewInd().setFirstLine(BigInteger.valueOf(FIRST_LINE_INDENT));
        CTStyle title = style(styles, STYLE_TITLE, "Title", null);
        title.getPPr().addNewJc().setVal(STJc.CENTER);
        spacing(title.getPPr(), 240, 120);
        bold(title.getRPr(), 28);
        heading(styles, STYLE_HEADING_1, "heading 1", 0, 28, 240);
        heading(styles, STYLE_HEADING_2, "heading 2", 1, 26, 360);
        heading(styles, STYLE_HEADING_3, "heading 3", 2, 26, 240);
        CTStyle tableText = style(styles, STYLE_TABLE_TEXT, "Table Text", null);
        spacing(tableText.getPPr(), 40, 40);
        tableText.getPPr().addNewJc().setVal(STJc.LEFT);
        tableText.getRPr().addNewSz().setVal(BigInteger.valueOf(24));
        tableText.getRPr().addNewSzCs().setVal(BigInteger.valueOf(24));

        XWPFStyles parts = doc.createStyles();
        parts.setStyles(styles);
    }

    private static void heading(CTStyles styles, String id, String name, int level, int halfPoints, int before) {
        CTStyle heading = style(styles, id, name, "Normal");
        heading.addNewUiPriority().setVal(BigInteger.valueOf(9));
        heading.addNewQFormat();
        CTPPrGeneral p = heading.getPPr();
        p.addNewKeepNext();
        p.addNewKeepLines();
        spacing(p, before, 120);
        p.addNewJc().setVal(STJc.LEFT);
        p.addNewOutlineLvl().setVal(BigInteger.valueOf(level));
        bold(heading.getRPr(), halfPoints);
    }

    private static CTStyle style(CTStyles styles, String id, String name, String basedOn) {
        CTStyle style = styles.addNewStyle();
        style.setType(STStyleType.PARAGRAPH);
        style.setStyleId(id);
        style.addNewName().setVal(name);
        if (basedOn != null) {
            style.addNewBasedOn().setVal(basedOn);
            style.addNewNext().setVal(basedOn);
        }
        style.addNewPPr();
        style.addNewRPr();
        return style;
    }

    private static void spacing(CTPPrGeneral p, int before, int after) {
        CTSpacing spacing = p.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.valueOf(after));
    }

    private static void bold(CTRPr r, int halfPoints) {
        r.addNewB();
        r.addNewBCs();
        r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        r.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
    }
}
