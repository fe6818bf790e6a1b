package vn.gov.mofa.upr.reporting;

/** The two formats every report comes in: the Word document and the Excel workbook. */
public enum ReportFormat {
    DOCX, XLSX;

    String column() {
        return name().toLowerCase();
    }

    public String extension() {
        return "." + name().toLowerCase();
    }
}
