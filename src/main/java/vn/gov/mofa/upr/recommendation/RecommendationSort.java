package vn.gov.mofa.upr.recommendation;

import java.util.Arrays;
import java.util.Optional;

/** The orders the list offers; each has its index (migration 11). The SQL is fixed here, never taken from a request. */
public enum RecommendationSort {
    NUMBER("number", "Số khuyến nghị", "cycle, number_order"),
    DUE_DATE("due", "Thời hạn (phụ lục)", "due_date nulls last, cycle, number_order"),
    LAST_CHANGE("changed", "Thay đổi gần nhất", "updated_at desc, cycle, number_order");

    private final String code;
    private final String label;
    final String orderBy;

    RecommendationSort(String code, String label, String orderBy) {
        this.code = code;
        this.label = label;
        this.orderBy = orderBy;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<RecommendationSort> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
