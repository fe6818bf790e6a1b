package vn.gov.mofa.upr.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * The implementation matrix in English, as OHCHR lays out its thematic lists: one row per recommendation. What the
 * English matrix files ({@link MatrixDocument}, {@link MatrixWorkbook}) print.
 */
public record ImplementationMatrix(String title, LocalDate generatedOn, List<Row> rows) {

    /** What a row says when the approved report carries no English summary (the field is optional). */
    public static final String NO_SUMMARY = "No English summary provided";

    public ImplementationMatrix {
        rows = rows.stream().sorted(java.util.Comparator.comparingInt(Row::cycle)
                .thenComparing(Row::number, ConsolidatedReport::compareNumbers)).toList();
    }

    public record Row(int cycle, String number, String text, List<String> recommendingStates, String theme,
            String leadAgency, ImplementationStatus status, String assessment) {
    }

    /** The columns, in order, with their headings. */
    static final List<String> HEADINGS = List.of("No.", "Recommendation", "Recommending State(s)", "Theme / task group",
            "Lead agency", "Status of implementation", "Assessment");

    static List<String> cells(Row row) {
        return List.of(row.number(), row.text(), String.join(", ", row.recommendingStates()), row.theme(), row.leadAgency(),
                row.status().english(), row.assessment());
    }
}
