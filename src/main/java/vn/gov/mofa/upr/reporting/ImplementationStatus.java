package vn.gov.mofa.upr.reporting;

/**
 * How far a recommendation has been implemented, as the lead agency reports it and MOFA approves it
 * (the values of the {@code implementationStatus} field in {@code prepare-report.form}), with the
 * Vietnamese labels every document and sheet prints.
 *
 * <p>{@link #NO_APPROVED_REPORT} is not something an agency can report: it is the reporting category for a
 * recommendation whose status is still {@code null} because no report was approved for it yet.
 */
public enum ImplementationStatus {

    NOT_STARTED("Chưa triển khai"),
    IN_PROGRESS("Đang triển khai"),
    PARTIALLY_IMPLEMENTED("Đã thực hiện một phần"),
    FULLY_IMPLEMENTED("Đã thực hiện đầy đủ"),
    NO_APPROVED_REPORT("Chưa có báo cáo được duyệt");

    private final String label;

    ImplementationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status stored as {@code code} (a form value such as {@code IN_PROGRESS}); {@code null} means no approved report. */
    public static ImplementationStatus of(String code) {
        if (code == null || code.isBlank()) {
            return NO_APPROVED_REPORT;
        }
        try {
            return valueOf(code.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Tình trạng thực hiện không hợp lệ: " + code, e);
        }
    }

    /** The Vietnamese label of the status stored as {@code code}. */
    public static String labelOf(String code) {
        return of(code).label();
    }
}
