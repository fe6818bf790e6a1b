package vn.gov.mofa.upr.importing;

import java.time.LocalDate;

/**
 * One cell of an annex table as the spreadsheet shows it: the text the user sees, the date when the cell
 * is a real Excel date, and the formula when the cell is computed (only XLSX has the last two).
 */
record AnnexCell(String text, LocalDate date, String formula) {

    static final AnnexCell EMPTY = new AnnexCell("", null, null);

    static AnnexCell ofText(String text) {
        return new AnnexCell(text == null ? "" : text, null, null);
    }

    boolean isBlank() {
        return text.isBlank() && date == null && formula == null;
    }
}
