package vn.gov.mofa.upr.importing;

/**
 * Something the import did on its own reading of a row that the user should check, such as an agency named by its
 * pre-2025 name; numbered as {@link RowError}, never blocking the import.
 */
public record RowNotice(int row, String message) {
}
