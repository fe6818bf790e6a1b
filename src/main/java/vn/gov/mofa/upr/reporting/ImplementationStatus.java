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

    NOT_STARTED("Chưa triển khai", "Not started"),
    IN_PROGRESS("Đang triển khai", "In progress"),
    PARTIALLY_IMPLEMENTED("Đã thực hiện một phần", "Partially implemented"),
    FULLY_IMPLEMENTED("Đã thực hiện đầy đủ", "Implemented"),
    NO_APPROVED_REPORT("Chưa có báo cáo được duyệt", "No approved report yet");

    private final String label;
    private final String english;

    ImplementationStatus(String label, String english) {
        this.label = label;
        this.english = english;
    }

    /** The status in the terms of OHCHR's implementation matrices. */
    public String english() {
        return english;
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
